using Academy.Core.Contracts;
using Academy.Email.Models;
using Academy.Email.Services;
using Academy.Testing;
using Academy.Tests.Platform;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Academy.Email.Abstractions;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Email;

/// <summary>Sending from the mail outbox: the .eml pickup default, back-off and dead letters, and real SMTP.</summary>
public sealed class MailDispatcherTests
{
    [Fact]
    public async Task Without_smtp_a_mail_is_written_once_as_a_valid_eml_file_with_its_stable_message_id()
    {
        using var site = new PlatformSite();
        var ics = new MailAttachment("bijeenkomst.ics", "text/calendar", Encoding("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));
        await QueueAsync(site.Services, Draft("pickup-1", attachments: [ics]));

        await site.DrainAsync();

        var mail = await MailAsync(site.Services, "pickup-1");
        Assert.Equal(MailStatus.Sent, mail.Status);
        Assert.Equal(site.Clock.UtcNow, DateTime.SpecifyKind(mail.SentUtc!.Value, DateTimeKind.Utc));
        var folder = Assert.IsType<PickupFolderTransport>(site.Services.GetRequiredService<MailTransportSelector>().Transport).Folder;
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(mail.MessageId, message.MessageId);
        Assert.Equal("noreply@leeracademie.local", message.From.Mailboxes.Single().Address);
        Assert.Equal("Regionale Leeracademie", message.From.Mailboxes.Single().Name);
        Assert.Equal("deelnemer@example.nl", message.To.Mailboxes.Single().Address);
        Assert.Equal("Onderwerp pickup-1", message.Subject);
        Assert.Equal("Hallo pickup-1", message.TextBody.Trim());
        Assert.Contains("<p>Hallo pickup-1</p>", message.HtmlBody);
        Assert.Contains(message.BodyParts, p => p.ContentType.IsMimeType("multipart", "alternative") || p is TextPart);
        Assert.Contains(message.Body is Multipart mixed ? mixed.OfType<Multipart>() : [], m => m.ContentType.IsMimeType("multipart", "alternative"));
        Assert.Equal(["bijeenkomst.ics"], message.Attachments.Select(a => a.ContentDisposition.FileName));

        // Sending it again (a node that lost its lease, a re-send after a crash) writes nothing: one file per Message-Id.
        var written = await File.ReadAllBytesAsync(file);
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        await RequeueAsync(site.Services, "pickup-1", site.Clock.UtcNow);
        Assert.Equal(1, await site.DrainAsync());
        Assert.Equal([file], Directory.GetFiles(folder, "*.eml"));
        Assert.Equal(written, await File.ReadAllBytesAsync(file));
        Assert.Equal(MailStatus.Sent, (await MailAsync(site.Services, "pickup-1")).Status);
    }

    [Fact]
    public async Task A_failing_mail_backs_off_from_a_minute_doubling_to_a_day_then_becomes_a_dead_letter()
    {
        await using var smtp = new SmtpTestServer(); // never started: connections are refused
        using var site = new PlatformSite(settings: smtp.Settings.ToDictionary());
        await QueueAsync(site.Services, Draft("backoff"));

        var delays = new List<TimeSpan>();
        for (var round = 0; round < 20; round++)
        {
            await site.DrainAsync();
            var mail = await MailAsync(site.Services, "backoff");
            Assert.Equal(round + 1, mail.Attempts);
            Assert.NotNull(mail.LastError);
            if (mail.Status == MailStatus.DeadLetter)
            {
                break;
            }
            var next = DateTime.SpecifyKind(mail.NextAttemptUtc, DateTimeKind.Utc);
            delays.Add(next - site.Clock.UtcNow);
            // Just before the retry is due nothing happens.
            site.Clock.Set(new DateTimeOffset(next.AddSeconds(-1)));
            await site.DrainAsync();
            Assert.Equal(round + 1, (await MailAsync(site.Services, "backoff")).Attempts);
            site.Clock.Set(new DateTimeOffset(next));
        }

        var minutes = new[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1440 };
        Assert.Equal(minutes.Select(m => TimeSpan.FromMinutes(m)), delays);
        var dead = await MailAsync(site.Services, "backoff");
        Assert.Equal(MailStatus.DeadLetter, dead.Status);
        Assert.Equal(minutes.Length + 1, dead.Attempts);
        Assert.Empty(await smtp.MessagesAsync());

        // A dead letter is never tried again on its own.
        site.Clock.Advance(TimeSpan.FromDays(7));
        await site.DrainAsync();
        Assert.Equal(minutes.Length + 1, (await MailAsync(site.Services, "backoff")).Attempts);
    }

    [Fact]
    public void A_configured_maximum_of_attempts_gives_up_earlier()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), MailRetryPolicy.NextDelay(2, maxAttempts: 3));
        Assert.Null(MailRetryPolicy.NextDelay(3, maxAttempts: 3));
        Assert.Equal(TimeSpan.FromHours(24), MailRetryPolicy.NextDelay(12));
        Assert.Null(MailRetryPolicy.NextDelay(13));
    }

    [Fact]
    public async Task Twenty_mails_queued_while_the_smtp_server_is_down_arrive_exactly_once_when_it_is_back()
    {
        await using var smtp = new SmtpTestServer();
        using var site = new PlatformSite(settings: smtp.Settings.ToDictionary());
        var keys = Enumerable.Range(1, 20).Select(i => $"smtp-{i}").ToArray();
        await QueueAsync(site.Services, keys.Select(k => Draft(k, $"{k}@example.nl")).ToArray());

        await site.DrainAsync();
        var waiting = await MailsAsync(site.Services);
        Assert.Equal(20, waiting.Count(m => m.Status == MailStatus.Queued && m.Attempts == 1 && m.LastError != null));

        await smtp.StartAsync();
        site.Clock.Advance(MailRetryPolicy.First);
        await site.DrainAsync();

        var received = await smtp.MessagesAsync();
        var sent = await MailsAsync(site.Services);
        Assert.Equal(20, received.Count);
        Assert.Equal(sent.Select(m => m.MessageId).Order(), received.Select(m => m.MessageId!).Order());
        Assert.Equal(keys.Select(k => $"{k}@example.nl").Order(), received.Select(m => m.To).Order());
        Assert.All(received, m => Assert.Equal([m.To], m.EnvelopeTo));
        Assert.All(sent, m => Assert.Equal(MailStatus.Sent, m.Status));

        site.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await site.DrainAsync());
        Assert.Equal(20, (await smtp.MessagesAsync()).Count);
    }

    private static byte[] Encoding(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
