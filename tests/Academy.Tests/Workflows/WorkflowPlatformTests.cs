using System.Text.Json;
using Academy.Core.Events;
using Academy.Core.Jobs;
using Academy.Email.Models;
using Academy.Tests.Platform;
using Academy.Testing;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Tests.Workflows;

/// <summary>
/// The default workflow types end to end on the real platform: the outbox dispatcher feeds the engine, mails
/// go to the Email module's queue, timers to the job table, and the job runner fires them when due.
/// </summary>
public sealed class WorkflowPlatformTests
{
    private static OutboxMessage Confirmed(long enrolmentId, DateTime firstSession, DateTime now) => new()
    {
        Type = "EnrolmentConfirmed",
        CorrelationId = enrolmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OccurredUtc = now,
        Payload = JsonSerializer.Serialize(new
        {
            EnrolmentId = enrolmentId,
            EditionId = "onbekende-editie",
            EditionName = "Groep 1",
            OfferingId = "harrie-training",
            OfferingTitle = "HARRIE-training",
            OfferingUrl = "/aanbod/harrie-training",
            ParticipantName = "Anna de Vries",
            ParticipantEmail = "anna@example.nl",
            ParticipantUserId = (string?)null,
            FirstSessionStartUtc = firstSession,
        }),
    };

    public static async Task ConfirmationAndReminderRunThroughTheOutbox(PlatformSite site)
    {
        var now = site.Clock.UtcNow;
        var firstSession = now.AddDays(10);
        await site.WithDbAsync(async db =>
        {
            db.Outbox.Add(Confirmed(801, firstSession, now));
            return await db.SaveChangesAsync();
        });
        await site.DrainAsync();
        await site.DrainAsync();

        var (confirmation, reminder) = await site.WithDbAsync(async db =>
        {
            var instances = await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => i.CorrelationId == "801").ToListAsync();
            return (instances.Single(i => i.WorkflowTypeId == "aanmelding-bevestigen"), instances.Single(i => i.WorkflowTypeId == "herinnering-eerste-bijeenkomst"));
        });
        Assert.Equal(WorkflowStatus.Finished, confirmation.Status);
        Assert.Equal(WorkflowStatus.Blocked, reminder.Status);
        var mails = await site.WithDbAsync(db => db.Set<MailMessageRecord>().AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("wf:")).ToListAsync());
        var mail = Assert.Single(mails, m => m.IdempotencyKey.StartsWith($"wf:{confirmation.Id}:", StringComparison.Ordinal));
        Assert.Equal("Aanmelding bevestigd: HARRIE-training", mail.Subject);
        Assert.Contains("<strong>HARRIE-training</strong>", mail.Html);
        var job = await site.WithDbAsync(db => db.Set<ScheduledJob>().AsNoTracking().SingleAsync(j => j.Kind == "workflow-timer" && j.Key == $"{reminder.Id}:twee-dagen-voor"));
        Assert.Equal(firstSession.AddDays(-2), job.DueUtc, TimeSpan.FromSeconds(1));

        site.Clock.Advance(TimeSpan.FromDays(8).Add(TimeSpan.FromMinutes(5)));
        await site.DrainAsync();

        reminder = await site.WithDbAsync(db => db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == reminder.Id));
        Assert.Equal(WorkflowStatus.Finished, reminder.Status);
        mails = await site.WithDbAsync(db => db.Set<MailMessageRecord>().AsNoTracking().Where(m => m.IdempotencyKey.StartsWith($"wf:{reminder.Id}:")).ToListAsync());
        Assert.Equal("Herinnering: HARRIE-training begint binnenkort", Assert.Single(mails).Subject);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<MailMessageRecord>().CountAsync(m => m.IdempotencyKey.StartsWith($"wf:{confirmation.Id}:"))));
    }

    [Fact]
    public async Task Confirmation_and_reminder_run_through_the_outbox_and_job_runner()
    {
        using var site = new PlatformSite();
        await ConfirmationAndReminderRunThroughTheOutbox(site);
    }
}

[Collection("postgres")]
public sealed class WorkflowPlatformPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Confirmation_and_reminder_run_through_the_outbox_and_job_runner_on_postgres()
    {
        using var site = new PlatformSite(postgres: await postgres.CreateDatabaseAsync("workflowplatform"));
        await WorkflowPlatformTests.ConfirmationAndReminderRunThroughTheOutbox(site);
    }
}
