using System.Text.Json.Nodes;
using Academy.Core.Contracts;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Services;
using Academy.Email.Abstractions;

namespace Academy.Workflows.Activities;

/// <summary>An in-app message: <c>UserId</c> and <c>Text</c> (Liquid), optional <c>Url</c> (Liquid). No user id (no account): nothing to do.</summary>
public sealed class NotifyTask(WorkflowLiquid liquid, INotifier notifier) : Activity
{
    public override string Name => "Notify";

    public override ActivityKind Kind => ActivityKind.Task;

    public override string DisplayText => "Melding in de site";

    public override IEnumerable<string> Validate(JsonObject properties) =>
        PropertyChecks.Liquid(liquid, properties, ["UserId", "Text"], ["Url"]);

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var userId = (await context.RenderAsync(context.Property("UserId") ?? "")).Trim();
        if (userId.Length > 0)
        {
            var text = (await context.RenderAsync(context.Property("Text") ?? "")).Trim();
            var url = (await context.RenderAsync(context.Property("Url") ?? "")).Trim();
            await notifier.NotifyAsync(userId, text, url.Length > 0 ? url : null, cancellationToken);
        }
        return ActivityResult.Outcomes("Done");
    }
}
