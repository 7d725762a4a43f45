using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Testing;
using Academy.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Email;

/// <summary>The Email module's tables and dispatch on PostgreSQL.</summary>
public sealed class EmailPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Mails_are_queued_once_and_sent_over_smtp_once_on_postgres()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        using var site = new PlatformSite(postgres: await postgres.CreateDatabaseAsync("email"), settings: smtp.Settings.ToDictionary());
        var version = await site.WithDbAsync(db => db.SchemaVersions.AsNoTracking().SingleAsync(v => v.Module == "Academy.Email"));
        Assert.Equal(new Academy.Email.Migrations.EmailMigration().Steps.Count, version.Version);

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
    public async Task A_batch_stalled_by_a_slow_server_keeps_its_lease_and_no_mail_goes_out_twice_on_postgres() =>
        await MailLeaseScenarios.SlowServerKeepsTheBatchAsync(await postgres.CreateDatabaseAsync("slowmail"));

    [Fact]
    public async Task Mails_held_by_a_killed_dispatcher_go_out_exactly_once_twenty_seconds_later_on_postgres() =>
        await MailLeaseScenarios.MailsOfAKilledDispatcherGoOutOnceAfterTheLeaseAsync(await postgres.CreateDatabaseAsync("killedmail"));

    [Fact]
    public async Task A_mail_written_as_eml_just_before_a_crash_is_not_written_again_on_postgres() =>
        await MailLeaseScenarios.AWrittenMailIsNotWrittenAgainAfterACrashAsync(await postgres.CreateDatabaseAsync("writtenmail"));

    [Fact]
    public async Task After_kill_9_mid_hand_over_the_restarted_site_delivers_every_mail_within_a_minute_each_message_id_once_on_postgres() =>
        await MailCrashScenario.RunAsync(await postgres.CreateDatabaseAsync("crash"));

    [Fact]
    public async Task Upgrade_scrubs_one_time_links_from_sent_mails_on_postgres()
    {
        using var site = new PlatformSite(postgres: await postgres.CreateDatabaseAsync("emailscrub"));
        await MailScrubMigrationTests.OldSentOneTimeLinksAreScrubbedAsync(site);
    }
}
