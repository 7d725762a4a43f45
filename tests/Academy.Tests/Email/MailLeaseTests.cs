using Academy.Email.Models;
using Academy.Email.Services;
using Academy.Tests.Platform;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Email;

/// <summary>
/// Finding 7 of issue 9 on SQLite: mails held by a killed process wait for a short lease only, and a mail the
/// transport accepted is never handed over again.
/// </summary>
public sealed class MailLeaseTests
{
    [Fact]
    public async Task A_batch_stalled_by_a_slow_server_for_longer_than_any_lease_keeps_it_and_no_mail_goes_out_twice() =>
        await MailLeaseScenarios.SlowServerKeepsTheBatchAsync(null);

    [Fact]
    public async Task Mails_held_by_a_killed_dispatcher_go_out_exactly_once_twenty_seconds_later() =>
        await MailLeaseScenarios.MailsOfAKilledDispatcherGoOutOnceAfterTheLeaseAsync(null);

    [Fact]
    public async Task A_mail_written_as_eml_just_before_a_crash_is_not_written_again() =>
        await MailLeaseScenarios.AWrittenMailIsNotWrittenAgainAfterACrashAsync(null);

    [Fact]
    public async Task The_eml_transport_writes_one_file_per_message_id_even_when_asked_twice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "academy-pickup", Guid.NewGuid().ToString("n"));
        try
        {
            var transport = new PickupFolderTransport(folder);
            await using (var session = transport.OpenSession())
            {
                await session.SendAsync(Message("Eerste"), "abc123", CancellationToken.None);
                await session.SendAsync(Message("Tweede"), "abc123", CancellationToken.None);
            }
            await using (var other = transport.OpenSession())
            {
                await other.SendAsync(Message("Derde"), "abc123", CancellationToken.None);
            }

            var file = Assert.Single(Directory.GetFiles(folder)); // no second file, no temporary left behind
            Assert.Equal("abc123.eml", Path.GetFileName(file));
            Assert.Equal("Eerste", (await MimeMessage.LoadAsync(file)).Subject);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_stopped_dispatcher_records_each_accepted_mail_at_once_and_hands_the_rest_back_without_waiting_for_the_lease()
    {
        var transport = new RecordingTransport();
        using var site = new PlatformSite(s => s.AddSingleton<IMailTransport>(transport));
        await QueueAsync(site.Services, Draft("stop-1"), Draft("stop-2"), Draft("stop-3"));
        var second = (await MailAsync(site.Services, "stop-2")).MessageId;
        using var stopping = new CancellationTokenSource();
        transport.OnSend = (message, ct) =>
        {
            if (message.MessageId == second && !stopping.IsCancellationRequested)
            {
                stopping.Cancel(); // the host shuts down while the second mail is on its way
                ct.ThrowIfCancellationRequested();
            }
            return Task.CompletedTask;
        };

        var (dispatcher, scope) = site.Processor<MailDispatcher>();
        await using (scope)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.ProcessBatchAsync(stopping.Token));
        }

        var first = await MailAsync(site.Services, "stop-1");
        Assert.Equal(MailStatus.Sent, first.Status);
        var interrupted = await MailAsync(site.Services, "stop-2");
        Assert.Equal(MailStatus.HandingOver, interrupted.Status);
        Assert.Null(interrupted.LeaseOwner);
        var untouched = await MailAsync(site.Services, "stop-3");
        Assert.Equal(MailStatus.Queued, untouched.Status);
        Assert.Null(untouched.LeaseOwner);

        // Without moving the clock: the next round (or the restarted site) takes them at once.
        await site.DrainAsync();
        Assert.All(await MailsAsync(site.Services), m => Assert.Equal(MailStatus.Sent, m.Status));
        Assert.Equal([first.MessageId, second, untouched.MessageId], transport.Accepted.ToList());
    }

    private static MimeMessage Message(string subject) => new()
    {
        MessageId = "abc123@leeracademie.local",
        Subject = subject,
        Body = new TextPart("plain") { Text = subject },
    };
}
