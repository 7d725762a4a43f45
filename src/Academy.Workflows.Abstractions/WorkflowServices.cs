using Academy.Core.Contracts;
using Academy.Email.Abstractions;

namespace Academy.Workflows.Abstractions;

/// <summary>The workflows' Liquid, for activities that check their templates when a workflow type is saved.</summary>
public interface IWorkflowLiquid
{
    /// <summary>The Dutch syntax error of a template, or null when it parses.</summary>
    string? SyntaxError(string? template);
}

/// <summary>
/// How a mail activity queues its mail: the rendered Markdown body through the mail composer, with the idempotency
/// key "wf:{instance}:{activity}:{run}", so a re-run of the step never sends twice. Used by SendEmail and by the
/// activities of other modules that mail (with their own attachments); take it in the activity's constructor.
/// </summary>
public interface IWorkflowMail
{
    /// <param name="subject">Already rendered by the workflow's Liquid.</param>
    /// <param name="body">Already rendered Markdown (its values escaped: <see cref="ActivityContext.RenderMarkdownAsync"/>).</param>
    Task QueueAsync(ActivityContext context, string to, string? toName, string subject, string body,
        IReadOnlyList<MailAttachment>? attachments, CancellationToken cancellationToken);
}

public static class WorkflowMailKeys
{
    /// <summary>"wf:{instance}:{activity}:{completed runs}": the same for a re-run of a failed step.</summary>
    public static string IdempotencyKey(ActivityContext context) =>
        $"wf:{context.WorkflowInstanceId}:{context.ActivityId}:{context.ExecutionCount}";
}
