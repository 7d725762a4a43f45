using Academy.Core.Data;
using Academy.Email.Migrations;
using Academy.Email.Models;
using Academy.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Email;

/// <summary>Upgraded sites: sent mails from before issue 9 lose the one-time links they kept (SQLite; PostgreSQL in EmailPostgresTests).</summary>
public sealed class MailScrubMigrationTests
{
    [Fact]
    public async Task Upgrade_scrubs_one_time_links_from_sent_mails_only()
    {
        using var site = new PlatformSite();
        await OldSentOneTimeLinksAreScrubbedAsync(site);
    }

    public static async Task OldSentOneTimeLinksAreScrubbedAsync(PlatformSite site)
    {
        List<MailMessageRecord> rows =
        [
            Mail("oud-wachtwoord", MailStatus.Sent, "[Wachtwoord instellen](http://localhost:5000/account/wachtwoord-instellen?email=a%40b.nl&token=GEHEIM1)"),
            Mail("oud-harrie", MailStatus.Sent, "[Aanmelding bevestigen](http://localhost:5000/harrie/bevestigen/GEHEIM2)"),
            Mail("oud-signaal", MailStatus.Sent, "[Goedkeuren](http://localhost:5000/workflows/signaal?token=GEHEIM3)"),
            Mail("gewoon", MailStatus.Sent, "Tot ziens op [Mijn aanmeldingen](http://localhost:5000/mijn-aanmeldingen)"),
            Mail("nog-te-versturen", MailStatus.Queued, "[Goedkeuren](http://localhost:5000/workflows/signaal?token=NODIG)"),
        ];
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
            db.AddRange(rows);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"SchemaVersions\" SET \"Version\" = 1 WHERE \"Module\" = 'Academy.Email'");
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        }

        var mails = (await MailsAsync(site.Services)).ToDictionary(m => m.IdempotencyKey);
        Assert.All(["oud-wachtwoord", "oud-harrie", "oud-signaal"], key =>
        {
            Assert.DoesNotContain("GEHEIM", mails[key].Text + mails[key].Html);
            Assert.Contains("eenmalige link", mails[key].Text);
            Assert.Equal("Onderwerp " + key, mails[key].Subject);
        });
        Assert.Contains("mijn-aanmeldingen", mails["gewoon"].Text);
        Assert.Contains("token=NODIG", mails["nog-te-versturen"].Text); // still to be sent: it needs its link
        var version = await site.WithDbAsync(db => db.SchemaVersions.AsNoTracking().SingleAsync(v => v.Module == "Academy.Email"));
        Assert.Equal(new EmailMigration().Steps.Count, version.Version);
    }

    private static MailMessageRecord Mail(string key, MailStatus status, string text) => new()
    {
        IdempotencyKey = key,
        MessageId = key + "@test",
        To = "a@b.nl",
        Subject = "Onderwerp " + key,
        Text = text,
        Html = "<p>" + text + "</p>",
        Status = status,
        CreatedUtc = DateTime.UtcNow,
        NextAttemptUtc = DateTime.UtcNow,
        SentUtc = status == MailStatus.Sent ? DateTime.UtcNow : null,
    };
}
