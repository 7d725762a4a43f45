using Academy.Core.Jobs;
using Academy.Workflows.Activities;
using Microsoft.Extensions.Logging;

namespace Academy.Workflows.Services;

/// <summary>A Timer or Wait came due: resume the instance at that activity (nothing when it no longer waits there).</summary>
public sealed class WorkflowTimerJobHandler(WorkflowManager manager, ILogger<WorkflowTimerJobHandler> logger) : IJobHandler
{
    public string Kind => WorkflowTimers.JobKind;

    public async Task RunAsync(DueJob job, CancellationToken cancellationToken)
    {
        if (!WorkflowTimers.TryParseKey(job.Key, out var instanceId, out var activityId))
        {
            logger.LogWarning("Workflow timer job {Job} has an unreadable key {Key}", job.Id, job.Key);
            return;
        }
        if (!await manager.ResumeActivityAsync(instanceId, activityId, cancellationToken))
        {
            logger.LogInformation("Workflow instance {Instance} no longer waits at {Activity}", instanceId, activityId);
        }
    }
}
