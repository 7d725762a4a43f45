using System.Text.Json.Nodes;
using Academy.Core.Content;
using Academy.Workflows.Abstractions;

namespace Academy.Workflows.Activities;

/// <summary>A content item was published; property <c>ContentType</c> (optional, comma-separated) filters on its type.</summary>
public sealed class ContentPublishedEvent() : DomainEventActivity(Registration)
{
    public static readonly WorkflowEventRegistration Registration = new(nameof(ContentPublished), "Inhoud gepubliceerd");

    public override Task<bool> CanHandleAsync(ActivityContext context)
    {
        var filter = context.Property("ContentType");
        if (string.IsNullOrWhiteSpace(filter))
        {
            return Task.FromResult(true);
        }
        var type = context.Input["ContentType"]?.GetValue<string>();
        return Task.FromResult(filter.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(type, StringComparer.Ordinal));
    }

    public override IEnumerable<string> Validate(JsonObject properties) =>
        properties["ContentType"] is null or JsonValue ? [] : ["'ContentType' is een tekst (typenamen gescheiden door komma's)."];
}
