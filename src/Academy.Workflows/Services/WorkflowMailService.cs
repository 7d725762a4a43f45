using Academy.Email.Abstractions;
using Academy.Core.Contracts;
using Academy.Workflows.Abstractions;

namespace Academy.Workflows.Services;

/// <summary>
/// <see cref="IWorkflowMail"/>: the workflow's own Liquid (with its Dutch date filters) has rendered subject and body; the
/// composer only turns the Markdown into HTML and text, and the queue keeps one mail per idempotency key.
/// </summary>
public sealed class WorkflowMailService(IMailComposer composer, IMailQueue queue) : IWorkflowMail
{
    public async Task QueueAsync(ActivityContext context, string to, string? toName, string subject, string body,
        IReadOnlyList<MailAttachment>? attachments, CancellationToken cancellationToken)
    {
        var (composedSubject, html, text) = composer.Render(subject, body);
        await queue.EnqueueAsync(
            new MailDraft(to, string.IsNullOrWhiteSpace(toName) ? null : toName, composedSubject, html, text, WorkflowMailKeys.IdempotencyKey(context), attachments),
            cancellationToken);
    }
}
