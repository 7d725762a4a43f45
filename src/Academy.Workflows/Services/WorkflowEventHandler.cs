using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Core.Events;

namespace Academy.Workflows.Services;

/// <summary>
/// Feeds committed domain events to the engine: an outbox message whose Type is a workflow event starts
/// and resumes instances, with its payload as Input and its correlation id. Runs in the dispatcher's
/// transaction, so the workflow state and the mails it queues commit with the message being marked done.
/// </summary>
public sealed class WorkflowEventHandler(ActivityLibrary library, WorkflowManager manager) : IDomainEventHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!library.EventTypes.Contains(message.Type))
        {
            return;
        }
        await manager.TriggerEventAsync(message.Type, Payload(message.Payload), message.CorrelationId, cancellationToken);
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
