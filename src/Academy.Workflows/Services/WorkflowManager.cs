using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Core.Hosting;
using Academy.Core.Jobs;
using Academy.Core.Settings;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Activities;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Academy.Workflows.Services;

/// <summary>
/// The engine, like Orchard Core's WorkflowManager: starts instances on events, resumes those blocked on an
/// event, timer or signal, and runs activities along transitions until every path halts or ends. Each run
/// saves the instance, what it waits on, and one journal entry per activity. An activity that throws
/// faults the instance (its error is journaled) instead of failing the caller, so an event is not retried
/// forever; "Opnieuw proberen" runs the failed activity again.
/// An event finds the types it starts in the start index and the instances it resumes in the blocking index (no JSON
/// is searched); an instance runs on the version of its type it started on, read through the definition cache.
/// </summary>
public sealed class WorkflowManager(
    AcademyDbContext db,
    ActivityLibrary library,
    WorkflowDefinitionReader definitions,
    WorkflowActivityContexts contexts,
    IJobScheduler jobs,
    TimeProvider clock,
    UnitOfWork unitOfWork,
    ILogger<WorkflowManager> logger)
{
    /// <summary>A loop in a workflow type must not spin for ever within one run.</summary>
    public const int MaxActivitiesPerRun = 200;
    private const string HaltedOutcome = "(wacht)";

    /// <summary>Resumes the instances with this correlation id blocked on <paramref name="eventType"/>, then starts the types that start on it.</summary>
    public async Task<int> TriggerEventAsync(string eventType, JsonObject input, string? correlationId, CancellationToken cancellationToken = default)
    {
        // Two indexed look-ups; most events resume nothing and start a few types.
        List<long> waiting = string.IsNullOrEmpty(correlationId)
            ? []
            : await db.Set<WorkflowBlockingIndexRecord>().AsNoTracking()
                .Where(b => b.CorrelationId == correlationId && b.ActivityType == eventType)
                .Select(b => b.InstanceId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        var starts = await StartsOnAsync(eventType, cancellationToken);
        if (waiting.Count == 0 && starts.Count == 0)
        {
            return 0;
        }
        return await InTransactionAsync(async () =>
        {
            var count = 0;
            if (waiting.Count > 0)
            {
                var instances = await db.Set<WorkflowInstanceRecord>()
                    .Where(i => waiting.Contains(i.Id) && i.Status == WorkflowStatus.Blocked)
                    .OrderBy(i => i.Id).ToListAsync(cancellationToken);
                foreach (var instance in instances)
                {
                    count += await ResumeAsync(instance, b => b.Type == eventType, (JsonObject)input.DeepClone(), cancellationToken) ? 1 : 0;
                }
            }
            return count + await StartAsync(eventType, starts, input, correlationId, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The enabled types whose newest version starts on <paramref name="eventType"/> (from the start index), by type id.</summary>
    public async Task<List<(string TypeId, int Version)>> StartsOnAsync(string eventType, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from start in db.Set<WorkflowStartIndexRecord>()
                join type in db.Set<WorkflowTypeRecord>() on start.TypeId equals type.Id
                where start.EventType == eventType && type.IsEnabled && type.LatestVersion == start.Version
                select new { start.TypeId, start.Version })
            .Distinct().OrderBy(s => s.TypeId).AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(r => (r.TypeId, r.Version)).ToList();
    }

    /// <summary>Delivers a signal to one instance; false when it does not wait for that signal.</summary>
    public Task<bool> SignalAsync(long instanceId, string signal, JsonObject? input = null, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var instance = await db.Set<WorkflowInstanceRecord>().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            if (instance is not { Status: WorkflowStatus.Blocked })
            {
                return false;
            }
            input = input is null ? [] : (JsonObject)input.DeepClone();
            input["Signal"] = signal;
            return await ResumeAsync(instance, b => b.Type == SignalEvent.TypeName, input, cancellationToken);
        }, cancellationToken);

    /// <summary>Whether the instance blocks on a Signal activity named <paramref name="signal"/> (for the confirmation page).</summary>
    public async Task<bool> WaitsForSignalAsync(long instanceId, string signal, CancellationToken cancellationToken = default)
    {
        var instance = await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is not { Status: WorkflowStatus.Blocked } || await definitions.ReadAsync(instance, cancellationToken) is not { } definition)
        {
            return false;
        }
        return Blocking(instance).Any(b => b.Type == SignalEvent.TypeName
            && string.Equals(SignalEvent.SignalName(definition.Activity(b.ActivityId)?.Properties ?? []), signal, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Resumes one blocked activity (a timer that came due) with the instance's last Input.</summary>
    public Task<bool> ResumeActivityAsync(long instanceId, string activityId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var instance = await db.Set<WorkflowInstanceRecord>().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            return instance is { Status: WorkflowStatus.Blocked }
                && await ResumeAsync(instance, b => b.ActivityId == activityId, null, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Runs the failed activity of a faulted instance again, and continues from it. A faulted instance has stopped, and
    /// the fix may be a new version of its type: it moves to the newest version when that still has the failed activity,
    /// else it stays on its own (<see cref="WorkflowDefinitionReader.RetryVersionAsync"/>; running and blocked instances never change version).
    /// </summary>
    public Task<bool> RetryAsync(long instanceId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var instance = await db.Set<WorkflowInstanceRecord>().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            if (instance is not { Status: WorkflowStatus.Faulted, FaultedActivityId: { } activityId })
            {
                return false;
            }
            var version = await definitions.RetryVersionAsync(instance, cancellationToken);
            if (version != instance.WorkflowTypeVersion)
            {
                logger.LogInformation("Faulted workflow instance {Instance} is retried on version {Version} of {Type}", instance.Id, version, instance.WorkflowTypeId);
                instance.WorkflowTypeVersion = version;
            }
            if (await definitions.ReadAsync(instance, cancellationToken) is not { } definition)
            {
                return false;
            }
            await RunAsync(instance, definition, activityId, instance.FaultedOnResume, null, isNew: false, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task<int> StartAsync(string eventType, List<(string TypeId, int Version)> types, JsonObject input, string? correlationId, CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var (typeId, version) in types)
        {
            if (await definitions.ReadAsync(typeId, version, cancellationToken) is not { } definition)
            {
                logger.LogWarning("Workflow type {Type} version {Version} cannot be read and does not start", typeId, version);
                continue;
            }
            foreach (var start in definition.Activities.Where(a => a.IsStart && a.Type == eventType))
            {
                var probe = new WorkflowInstanceRecord { WorkflowTypeId = typeId, WorkflowTypeVersion = version, CorrelationId = correlationId };
                if (library.Find(start.Type) is not { } activity
                    || !await CanHandleAsync(activity, contexts.Create(probe, definition, start, (JsonObject)input.DeepClone(), [], 0)))
                {
                    continue;
                }
                var now = clock.GetUtcNow().UtcDateTime;
                var instance = new WorkflowInstanceRecord
                {
                    WorkflowTypeId = typeId,
                    WorkflowTypeVersion = version,
                    CorrelationId = correlationId,
                    Status = WorkflowStatus.Running,
                    CreatedUtc = now,
                    UpdatedUtc = now,
                };
                db.Add(instance);
                // The id is part of timer keys, signal links and mail idempotency keys, so it is needed now.
                await db.SaveChangesAsync(cancellationToken);
                await RunAsync(instance, definition, start.Id, resume: true, (JsonObject)input.DeepClone(), isNew: true, cancellationToken);
                started++;
                break;
            }
        }
        return started;
    }

    /// <summary>
    /// Resumes the first matching blocked activity whose event applies. The instance then stops waiting for
    /// its other activities: "timer or cancellation, whichever comes first" (their timer jobs are cancelled).
    /// </summary>
    private async Task<bool> ResumeAsync(WorkflowInstanceRecord instance, Func<BlockingActivity, bool> match, JsonObject? input, CancellationToken cancellationToken)
    {
        if (await definitions.ReadAsync(instance, cancellationToken) is not { } definition)
        {
            return false;
        }
        var blocking = Blocking(instance);
        var eventInput = input ?? ParseObject(instance.InputJson);
        var variables = ParseObject(instance.VariablesJson);
        foreach (var waiting in blocking.Where(match))
        {
            if (definition.Activity(waiting.ActivityId) is not { } activityDefinition || library.Find(waiting.Type) is not { } activity
                || !await CanHandleAsync(activity, contexts.Create(instance, definition, activityDefinition, eventInput, variables, 0)))
            {
                continue;
            }
            await CancelTimersAsync(instance, blocking.Where(b => b != waiting), cancellationToken);
            instance.BlockingActivitiesJson = "[]";
            await RunAsync(instance, definition, waiting.ActivityId, resume: true, input, isNew: false, cancellationToken);
            return true;
        }
        return false;
    }

    /// <summary>A filter that cannot read the event does not apply; it must not make the event fail for good.</summary>
    private async Task<bool> CanHandleAsync(Activity activity, ActivityContext context)
    {
        try
        {
            return await activity.CanHandleAsync(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Activity {Activity} of workflow type {Type} could not judge the event", context.ActivityId, context.WorkflowTypeId);
            return false;
        }
    }

    /// <param name="isNew">Started in this run: it has no blocking-index rows yet, and nobody else knows it.</param>
    private async Task RunAsync(WorkflowInstanceRecord instance, WorkflowDefinition definition, string firstActivityId, bool resume, JsonObject? input, bool isNew, CancellationToken cancellationToken)
    {
        if (input is not null)
        {
            instance.InputJson = input.ToJsonString();
        }
        var eventInput = input ?? ParseObject(instance.InputJson);
        var variables = ParseObject(instance.VariablesJson);
        var blocking = Blocking(instance);
        var completed = await CompletedCountsAsync(instance.Id, cancellationToken);
        instance.Status = WorkflowStatus.Running;
        instance.FaultMessage = null;
        instance.FaultedActivityId = null;

        var pending = new Queue<(string ActivityId, bool Resume)>();
        pending.Enqueue((firstActivityId, resume));
        var executed = 0;
        while (pending.TryDequeue(out var step))
        {
            var activityDefinition = definition.Activity(step.ActivityId);
            var type = activityDefinition?.Type ?? "";
            try
            {
                if (++executed > MaxActivitiesPerRun)
                {
                    throw new WorkflowActivityException($"Meer dan {MaxActivitiesPerRun} activiteiten in één keer: staat er een lus in de workflow?");
                }
                if (activityDefinition is null)
                {
                    throw new WorkflowActivityException($"De activiteit '{step.ActivityId}' bestaat niet (meer) in het workflowtype.");
                }
                var activity = library.Find(type)
                    ?? throw new WorkflowActivityException($"Onbekend activiteitstype '{type}': de module die het levert is niet geïnstalleerd.");
                var context = contexts.Create(instance, definition, activityDefinition, eventInput, variables, completed.GetValueOrDefault(step.ActivityId));
                var result = step.Resume
                    ? await activity.ResumeAsync(context, cancellationToken)
                    : await activity.ExecuteAsync(context, cancellationToken);
                if (result.Halted)
                {
                    blocking.Add(new BlockingActivity(step.ActivityId, type));
                    Journal(instance, step.ActivityId, type, HaltedOutcome, null);
                    continue;
                }
                completed[step.ActivityId] = completed.GetValueOrDefault(step.ActivityId) + 1;
                Journal(instance, step.ActivityId, type, string.Join(", ", result.OutcomeNames), null);
                foreach (var next in result.OutcomeNames.SelectMany(outcome => definition.Next(step.ActivityId, outcome)))
                {
                    pending.Enqueue((next, false));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not DbUpdateConcurrencyException)
            {
                logger.LogWarning(ex, "Workflow instance {Instance} faulted in activity {Activity}", instance.Id, step.ActivityId);
                Journal(instance, step.ActivityId, type, "", ex.Message);
                instance.Status = WorkflowStatus.Faulted;
                instance.FaultMessage = ex.Message;
                instance.FaultedActivityId = step.ActivityId;
                instance.FaultedOnResume = step.Resume;
                break;
            }
        }

        instance.VariablesJson = variables.ToJsonString();
        instance.BlockingActivitiesJson = JsonSerializer.Serialize(blocking);
        if (instance.Status != WorkflowStatus.Faulted)
        {
            instance.Status = blocking.Count > 0 ? WorkflowStatus.Blocked : WorkflowStatus.Finished;
        }
        instance.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        instance.Version++;
        if (isNew)
        {
            IndexBlocking(instance, definition, blocking);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        // The instance's own save comes first: it fails when another node changed the instance meanwhile, and after it
        // this transaction holds the instance, so nobody else changes its index rows until it commits.
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<WorkflowBlockingIndexRecord>().Where(b => b.InstanceId == instance.Id).ExecuteDeleteAsync(cancellationToken);
        if (IndexBlocking(instance, definition, blocking))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Adds the blocking-index rows of a blocked instance (none for a finished or faulted one); true when it added any.</summary>
    private bool IndexBlocking(WorkflowInstanceRecord instance, WorkflowDefinition definition, List<BlockingActivity> blocking)
    {
        if (instance.Status != WorkflowStatus.Blocked)
        {
            return false;
        }
        foreach (var waiting in blocking.DistinctBy(b => b.ActivityId, StringComparer.Ordinal))
        {
            db.Add(new WorkflowBlockingIndexRecord
            {
                InstanceId = instance.Id,
                ActivityId = waiting.ActivityId,
                ActivityType = waiting.Type,
                CorrelationId = instance.CorrelationId,
                Signal = waiting.Type == SignalEvent.TypeName
                    ? SignalEvent.SignalName(definition.Activity(waiting.ActivityId)?.Properties ?? [])?.ToLowerInvariant() ?? ""
                    : null,
            });
        }
        return blocking.Count > 0;
    }

    private void Journal(WorkflowInstanceRecord instance, string activityId, string type, string outcomes, string? error) =>
        db.Add(new WorkflowJournalRecord
        {
            InstanceId = instance.Id,
            ActivityId = activityId,
            ActivityType = type,
            Outcomes = outcomes,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Error = error,
        });

    private async Task<Dictionary<string, int>> CompletedCountsAsync(long instanceId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<WorkflowJournalRecord>().AsNoTracking()
            .Where(j => j.InstanceId == instanceId && j.Error == null && j.Outcomes != HaltedOutcome)
            .GroupBy(j => j.ActivityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // Entries of this unit of work that are not saved yet count too.
        foreach (var pending in db.ChangeTracker.Entries<WorkflowJournalRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
                     .Where(j => j.InstanceId == instanceId && j.Error == null && j.Outcomes != HaltedOutcome))
        {
            rows.Add(new { Key = pending.ActivityId, Count = 1 });
        }
        return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
    }

    private async Task CancelTimersAsync(WorkflowInstanceRecord instance, IEnumerable<BlockingActivity> dropped, CancellationToken cancellationToken)
    {
        foreach (var timer in dropped.Where(b => WorkflowTimers.ActivityTypes.Contains(b.Type)))
        {
            await jobs.CancelAsync(WorkflowTimers.JobKind, WorkflowTimers.Key(instance.Id, timer.ActivityId), cancellationToken);
        }
    }

    public static List<BlockingActivity> Blocking(WorkflowInstanceRecord instance)
    {
        try
        {
            return JsonSerializer.Deserialize<List<BlockingActivity>>(instance.BlockingActivitiesJson) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static JsonObject ParseObject(string? json)
    {
        try
        {
            return JsonNode.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Uses the caller's transaction (the outbox dispatcher's) when there is one; otherwise one of its own.</summary>
    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(work, cancellationToken);
}
