using Academy.Leeragenda.Abstractions;
using System.Text.Json.Nodes;
using Academy.Core.Contracts;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Services;
using Academy.Email.Abstractions;

namespace Academy.Workflows.Activities;

/// <summary>
/// Queues a mail: <c>To</c>, optional <c>ToName</c>, <c>Subject</c> and <c>Body</c> (Liquid; the body gives
/// Markdown), optional <c>IcsEditionId</c> (Liquid) to attach the edition's sessions as "agenda.ics".
/// The idempotency key is fixed per instance, activity and completed run, so a re-run never sends twice.
/// </summary>
/// <param name="catalog">Optional: without the module that knows editions, no calendar is attached.</param>
public sealed class SendEmailTask(WorkflowLiquid liquid, IWorkflowMail mail, IEditionCatalog? catalog = null) : Activity
{
    public override string Name => "SendEmail";

    public override ActivityKind Kind => ActivityKind.Task;

    public override string DisplayText => "E-mail versturen";

    public override IEnumerable<string> Validate(JsonObject properties) =>
        PropertyChecks.Liquid(liquid, properties, ["To", "Subject", "Body"], ["ToName", "IcsEditionId"]);

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var to = (await context.RenderAsync(context.Property("To") ?? "")).Trim();
        if (!to.Contains('@', StringComparison.Ordinal))
        {
            throw new WorkflowActivityException($"Geen geldig e-mailadres voor 'To': '{to}'.");
        }
        var toName = (await context.RenderAsync(context.Property("ToName") ?? "")).Trim();
        var subject = (await context.RenderAsync(context.Property("Subject") ?? "")).Trim();
        var body = await context.RenderMarkdownAsync(context.Property("Body") ?? "");

        await mail.QueueAsync(context, to, toName, subject, body, await AttachmentsAsync(context, cancellationToken), cancellationToken);
        return ActivityResult.Outcomes("Done");
    }

    private async Task<IReadOnlyList<MailAttachment>?> AttachmentsAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var editionId = (await context.RenderAsync(context.Property("IcsEditionId") ?? "")).Trim();
        if (editionId.Length == 0 || catalog is null)
        {
            return null;
        }
        var ics = await catalog.IcsAsync(editionId, cancellationToken);
        return ics is null ? null : [new MailAttachment("agenda.ics", "text/calendar", ics)];
    }
}
