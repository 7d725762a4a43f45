using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Testing;
using Academy.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Email;

/// <summary>The Email module's tables and dispatch on PostgreSQL.</summary>
[Collection("postgres")]
public sealed class EmailPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Mails_are_queued_once_and_sent_over_smtp_once_on_postgres()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        using var site = new PlatformSite(postgres: await postgres.CreateDatabaseAsync("email"), settings: smtp.Settings.ToDictionary());
        var version = await site.WithDbAsync(db => db.SchemaVersions.AsNoTracking().SingleAsync(v => v.Module == "Academy.Email"));
        Assert.Equal(2, version.Version);

        await QueueAsync(site.Services, Draft("pg-1"), Draft("pg-1"), Draft("pg-2", "tweede@example.nl"));
        await QueueAsync(site.Services, Draft("pg-2"));
        // The unique index holds even when the queue's own check is bypassed.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
            db.Set<MailMessageRecord>().Add(new MailMessageRecord { IdempotencyKey = "pg-1", MessageId = "x@y", To = "a@b.nl", Subject = "dubbel", CreatedUtc = DateTime.UtcNow, NextAttemptUtc = DateTime.UtcNow });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await site.DrainAsync();
        await site.DrainAsync();

        var received = await smtp.MessagesAsync();
        var mails = await MailsAsync(site.Services);
        Assert.Equal(2, received.Count);
        Assert.Equal(mails.Select(m => m.MessageId).Order(), received.Select(m => m.MessageId!).Order());
        Assert.All(mails, m => Assert.Equal(MailStatus.Sent, m.Status));
    }

    [Fact]
    public async Task Upgrade_scrubs_one_time_links_from_sent_mails_on_postgres()
    {
        using var site = new PlatformSite(postgres: await postgres.CreateDatabaseAsync("emailscrub"));
        await MailScrubMigrationTests.OldSentOneTimeLinksAreScrubbedAsync(site);
    }
}
