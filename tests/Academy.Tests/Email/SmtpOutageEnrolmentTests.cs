using Academy.Email.Models;
using Academy.Email.Services;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Platform;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Email.MailTestKit;
using static Academy.Tests.Enrolment.Service.EnrolmentTestKit;

namespace Academy.Tests.Email;

/// <summary>
/// The outbox promise, end to end: stop the SMTP server, enrol 20 people, start it again; all 20
/// confirmations (the real enrolment service, the recipe's "Aanmelding bevestigen" workflow and the real
/// mail dispatcher) arrive exactly once.
/// </summary>
public sealed class SmtpOutageEnrolmentTests
{
    [Fact]
    public async Task Twenty_confirmations_enrolled_while_smtp_is_down_arrive_exactly_once_after_it_is_back()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        using var site = new PlatformSite(settings: smtp.Settings.ToDictionary());
        var edition = await CreateEditionAsync(site.Services, capacity: 25);
        await smtp.StopAsync();

        var people = Enumerable.Range(1, 20).Select(i => Person(i, "smtp")).ToList();
        foreach (var person in people)
        {
            await using var scope = site.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IEnrolmentService>().EnrolAsync(edition.EditionId, person);
            Assert.Equal(EnrolmentStatus.Confirmed, result.Status);
        }
        await site.DrainAsync();
        var waiting = (await MailsAsync(site.Services)).Where(m => m.Subject.StartsWith("Aanmelding bevestigd:")).ToList();
        Assert.Equal(20, waiting.Count);
        Assert.All(waiting, m => Assert.True(m.Status == MailStatus.Queued && m.LastError is not null, $"{m.To}: {m.Status}"));

        await smtp.StartAsync();
        site.Clock.Advance(MailRetryPolicy.First);
        await site.DrainAsync();

        var confirmations = (await smtp.MessagesAsync()).Where(m => m.Subject == "Aanmelding bevestigd: " + edition.Title).ToList();
        Assert.Equal(people.Select(p => p.Email).Order(), confirmations.Select(m => m.To).Order());
        Assert.Equal(20, confirmations.Select(m => m.To).Distinct().Count());
        Assert.All(confirmations, m => Assert.Equal(["agenda.ics"], m.AttachmentNames));

        // Draining again (a day later, past every retry) sends nothing more.
        var received = (await smtp.MessagesAsync()).Count;
        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.DrainAsync();
        Assert.Equal(received, (await smtp.MessagesAsync()).Count);
        Assert.All((await MailsAsync(site.Services)).Where(m => m.Subject.StartsWith("Aanmelding bevestigd:")),
            m => Assert.Equal(MailStatus.Sent, m.Status));
    }
}
