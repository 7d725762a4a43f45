using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Workflows.Services;

/// <summary>
/// Feeds committed domain events to the engine: an outbox message whose Type is a workflow event starts
/// and resumes instances, with its payload as Input and its correlation id. Runs in the dispatcher's
/// transaction, so the workflow state and the mails it queues commit with the message being marked done.
/// The engine (and what it needs) is only created for a workflow event: the dispatcher creates every handler for every message.
/// </summary>
public sealed class WorkflowEventHandler(ActivityCatalog catalog, IServiceProvider services) : IDomainEventHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!catalog.EventTypes.Contains(message.Type))
        {
            return;
        }
        await services.GetRequiredService<WorkflowManager>().TriggerEventAsync(message.Type, Payload(message.Payload), message.CorrelationId, cancellationToken);
    }

    private static JsonObject Payload(string json)
    {
        try
        {
            return JsonNode.Parse(json) switch
            {
                JsonObject obj => obj,
                null => [],
                var other => new JsonObject { ["Value"] = other },
            };
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
