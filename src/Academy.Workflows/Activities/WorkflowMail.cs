using Academy.Core.Contracts;
using Academy.Workflows.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Academy.Email.Abstractions;

namespace Academy.Workflows.Activities;

/// <summary>
/// How a mail activity queues its mail: the rendered Markdown body through the mail composer, with the idempotency
/// key "wf:{instance}:{activity}:{run}", so a re-run of the step never sends twice. Shared by SendEmail and the
/// activities of other modules that mail (with their own attachments).
/// </summary>
public static class WorkflowMail
{
    public static string IdempotencyKey(ActivityContext context) =>
        $"wf:{context.WorkflowInstanceId}:{context.ActivityId}:{context.ExecutionCount}";

    /// <param name="subject">Already rendered by the workflow's Liquid.</param>
    /// <param name="body">Already rendered Markdown (its values escaped: <see cref="ActivityContext.RenderMarkdownAsync"/>).</param>
    public static async Task QueueAsync(ActivityContext context, string to, string? toName, string subject, string body,
        IReadOnlyList<MailAttachment>? attachments, CancellationToken cancellationToken)
    {
        // The workflow's own Liquid (with its Dutch date filters) renders; the composer only turns the
        // Markdown into HTML and text.
        var (composedSubject, html, text) = context.Services.GetRequiredService<IMailComposer>().Render(subject, body);
        await context.Services.GetRequiredService<IMailQueue>().EnqueueAsync(
            new MailDraft(to, string.IsNullOrWhiteSpace(toName) ? null : toName, composedSubject, html, text, IdempotencyKey(context), attachments),
            cancellationToken);
    }
}
