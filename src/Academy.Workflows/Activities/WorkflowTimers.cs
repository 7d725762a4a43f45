using System.Globalization;
using Academy.Core.Jobs;
using Academy.Workflows.Abstractions;

namespace Academy.Workflows.Activities;

/// <summary>Timer and Wait block on a job of this kind; <see cref="Services.WorkflowTimerJobHandler"/> resumes them.</summary>
public static class WorkflowTimers
{
    public const string JobKind = "workflow-timer";

    /// <summary>Activity types that wait on a timer job (cancelled when the instance stops waiting for them).</summary>
    public static readonly IReadOnlySet<string> ActivityTypes = new HashSet<string>(StringComparer.Ordinal) { TimerEvent.TypeName, WaitTask.TypeName };

    public static string Key(long instanceId, string activityId) => $"{instanceId.ToString(CultureInfo.InvariantCulture)}:{activityId}";

    public static bool TryParseKey(string key, out long instanceId, out string activityId)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        activityId = separator < 0 ? "" : key[(separator + 1)..];
        instanceId = 0;
        return separator > 0 && long.TryParse(key[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out instanceId) && activityId.Length > 0;
    }

    /// <summary>Continues at once when the time has come, otherwise schedules the job and blocks.</summary>
    public static async Task<ActivityResult> WaitUntilAsync(IJobScheduler jobs, ActivityContext context, DateTime dueUtc, CancellationToken cancellationToken)
    {
        if (dueUtc <= context.NowUtc)
        {
            return ActivityResult.Outcomes("Done");
        }
        await jobs.ScheduleAsync(JobKind, Key(context.WorkflowInstanceId, context.ActivityId), dueUtc, null, cancellationToken);
        return ActivityResult.Halt;
    }
}
