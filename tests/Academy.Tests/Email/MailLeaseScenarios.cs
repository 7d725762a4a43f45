using System.Collections.Concurrent;
using Academy.Core.Background;
using Academy.Email.Models;
using Academy.Email.Services;
using Academy.Testing;
using Academy.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Email;

/// <summary>A transport that records what it accepted; <see cref="OnSend"/> runs first and may stall or throw.</summary>
public sealed class RecordingTransport : IMailTransport
{
    public ConcurrentQueue<string> Accepted { get; } = new();

    public Func<MimeMessage, CancellationToken, Task>? OnSend { get; set; }

    public string Description => "test";

    public IMailTransportSession OpenSession() => new Session(this);

    private sealed class Session(RecordingTransport transport) : IMailTransportSession
    {
        public async Task SendAsync(MimeMessage message, string fileName, CancellationToken cancellationToken)
        {
            await (transport.OnSend?.Invoke(message, cancellationToken) ?? Task.CompletedTask);
            transport.Accepted.Enqueue(message.MessageId);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Mail leases and hand-overs around a crash, shared by the SQLite and PostgreSQL test classes.</summary>
public static class MailLeaseScenarios
{
    /// <summary>A slow server stalls the first mail for eleven minutes: the batch keeps its lease, a second dispatcher sends none of it.</summary>
    public static async Task SlowServerKeepsTheBatchAsync(string? postgres)
    {
        var transport = new RecordingTransport();
        using var site = new PlatformSite(s => s.AddSingleton<IMailTransport>(transport), postgres);
        await QueueAsync(site.Services, Draft("slow-1"), Draft("slow-2"), Draft("slow-3"));
        var mails = await OursAsync(site, "slow-");
        var secondHandled = -1;
        transport.OnSend = async (message, _) =>
        {
            if (message.MessageId != mails[0].MessageId || secondHandled >= 0)
            {
                return;
            }
            secondHandled = await LeaseScenarios.WorkLongThenRunAnotherAsync<MailMessageRecord, MailDispatcher>(site, mails[^1].Id);
        };

        await site.DrainAsync();

        Assert.Equal(0, secondHandled);
        var ids = mails.Select(m => m.MessageId).ToList();
        Assert.Equal(ids, transport.Accepted.Where(ids.Contains).ToList());
        Assert.All(await OursAsync(site, "slow-"), m => Assert.Equal(MailStatus.Sent, m.Status));
    }

    /// <summary>
    /// A dispatcher was killed with three mails claimed, one of them mid hand-over (the server never confirmed it):
    /// nothing goes out while its lease lasts, and everything goes out exactly once within twenty seconds.
    /// </summary>
    public static async Task MailsOfAKilledDispatcherGoOutOnceAfterTheLeaseAsync(string? postgres)
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        using var site = new PlatformSite(postgres: postgres, settings: smtp.Settings.ToDictionary());
        await QueueAsync(site.Services, Draft("killed-1"), Draft("killed-2"), Draft("killed-3"));
        var mails = await OursAsync(site, "killed-");
        await ClaimAsKilledAsync(site, mails.Select(m => m.Id).ToArray(), handingOver: mails[0].Id);

        site.Clock.Advance(TimeSpan.FromSeconds(19));
        await site.DrainAsync();
        Assert.Empty(await smtp.MessagesAsync());

        site.Clock.Advance(TimeSpan.FromSeconds(2));
        await site.DrainAsync();
        var received = await smtp.MessagesAsync();
        Assert.Equal(mails.Select(m => m.MessageId).Order(), received.Select(m => m.MessageId!).Order());
        Assert.All(await OursAsync(site, "killed-"), m => Assert.Equal(MailStatus.Sent, m.Status));
    }

    /// <summary>
    /// The crash probe's duplicate: a process wrote a mail's .eml file and was killed before it recorded that.
    /// After the lease the mail is marked sent without a second write.
    /// </summary>
    public static async Task AWrittenMailIsNotWrittenAgainAfterACrashAsync(string? postgres)
    {
        using var site = new PlatformSite(postgres: postgres);
        await QueueAsync(site.Services, Draft("written-1"));
        var mail = (await OursAsync(site, "written-"))[0];
        await ClaimAsKilledAsync(site, [mail.Id], handingOver: mail.Id);
        var transport = Assert.IsType<PickupFolderTransport>(site.Services.GetRequiredService<IMailTransport>());
        await using (var session = transport.OpenSession())
        {
            var builder = site.Services.GetRequiredService<MailMessageBuilder>();
            await session.SendAsync(builder.Build(mail), MailMessageBuilder.FileName(mail), CancellationToken.None);
        }
        var file = Path.Combine(transport.Folder, MailMessageBuilder.FileName(mail) + ".eml");
        var written = await File.ReadAllBytesAsync(file);

        site.Clock.Advance(Leases.Duration + TimeSpan.FromSeconds(1));
        await site.DrainAsync();

        Assert.Equal(MailStatus.Sent, (await MailAsync(site.Services, "written-1")).Status);
        Assert.Equal([file], Directory.GetFiles(transport.Folder).Where(f => f.Contains(MailMessageBuilder.FileName(mail))));
        // Byte for byte the first file: a second write would carry a later Date header.
        Assert.Equal(written, await File.ReadAllBytesAsync(file));
    }

    private static async Task<List<MailMessageRecord>> OursAsync(PlatformSite site, string prefix) =>
        (await MailsAsync(site.Services)).Where(m => m.IdempotencyKey.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    /// <summary>What a dispatcher leaves behind when it is killed: its claims, and one mail marked as being handed over.</summary>
    private static async Task ClaimAsKilledAsync(PlatformSite site, long[] ids, long handingOver)
    {
        foreach (var id in ids)
        {
            Assert.True(await site.WithDbAsync(db => db.Set<MailMessageRecord>()
                .TryClaimAsync(id, "mail/killed", site.Clock.UtcNow, MailDispatcher.LeaseDuration, CancellationToken.None)));
        }
        await site.WithDbAsync(db => db.Set<MailMessageRecord>().Where(m => m.Id == handingOver)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.HandingOver)));
    }
}
