using System.Text.Json;
using Academy.Core.Events;
using Academy.Core.Jobs;
using System.Runtime.CompilerServices;
using Academy.Core.Contracts;
using Academy.Email.Models;
using Academy.Email.Services;
using Academy.Workflows.Services;
using Microsoft.Extensions.DependencyInjection;
using Academy.Tests.Platform;
using Academy.Testing;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;
using Academy.Email.Abstractions;

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

    /// <summary>The real mail queue behind a switch that fails once right after queueing (a crash mid-step).</summary>
    private sealed class FailOnceQueue(IMailQueue inner, StrongBox<bool> fail) : IMailQueue
    {
        public async Task EnqueueAsync(MailDraft draft, CancellationToken cancellationToken = default)
        {
            await inner.EnqueueAsync(draft, cancellationToken);
            if (fail.Value)
            {
                fail.Value = false;
                throw new InvalidOperationException("Storing na het in de wachtrij zetten.");
            }
        }
    }

    [Fact]
    public async Task A_send_step_re_run_after_a_failure_leaves_one_mail_in_the_real_queue()
    {
        var fail = new StrongBox<bool>(true);
        using var site = new PlatformSite(services => services.AddScoped<IMailQueue>(sp => new FailOnceQueue(ActivatorUtilities.CreateInstance<MailQueue>(sp), fail)));
        var now = site.Clock.UtcNow;
        await site.WithDbAsync(async db =>
        {
            db.Outbox.Add(Confirmed(901, now.AddDays(1), now));
            return await db.SaveChangesAsync();
        });
        await site.DrainAsync();

        var instance = await site.WithDbAsync(db => db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.CorrelationId == "901" && i.WorkflowTypeId == "aanmelding-bevestigen"));
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        // The outbox message is done all the same: the failure is the instance's, not the event's.
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.CorrelationId == "901" && m.ProcessedUtc == null)));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<WorkflowManager>().RetryAsync(instance.Id));
        }
        Assert.Equal(WorkflowStatus.Finished, (await site.WithDbAsync(db => db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == instance.Id))).Status);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<MailMessageRecord>().CountAsync(m => m.IdempotencyKey == $"wf:{instance.Id}:mail-deelnemer:0")));
    }

    [Fact]
    public async Task Confirmation_and_reminder_run_through_the_outbox_and_job_runner()
    {
        using var site = new PlatformSite();
        await ConfirmationAndReminderRunThroughTheOutbox(site);
    }
}

public sealed class WorkflowPlatformPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Confirmation_and_reminder_run_through_the_outbox_and_job_runner_on_postgres()
    {
        using var site = new PlatformSite(postgres: await postgres.CreateDatabaseAsync("workflowplatform"));
        await WorkflowPlatformTests.ConfirmationAndReminderRunThroughTheOutbox(site);
    }
}
