using System.Text.Json;
using Academy.Core.Events;

namespace Academy.Enrolment.Abstractions;

/// <summary>An extra link on one of a participant's enrolments ("Mijn aanmeldingen"), such as the edition's community group.</summary>
/// <param name="Url">Site-relative URL.</param>
public sealed record EnrolmentLink(string Label, string Url);

/// <summary>
/// Links that other modules add to a person's enrolments on "Mijn aanmeldingen", by edition id. The page asks once
/// for all of the person's editions; a provider returns only editions it has something for.
/// </summary>
public interface IEnrolmentLinks
{
    Task<IReadOnlyDictionary<string, IReadOnlyList<EnrolmentLink>>> GetAsync(string userId, IReadOnlyCollection<string> editionIds, CancellationToken cancellationToken = default);
}

/// <summary>Whether a person completed an offering (alumni of a training), as other modules (the community) ask it.</summary>
public interface IOfferingCompletions
{
    /// <summary>True when the account, or an enrolment under its e-mail address, completed the offering.</summary>
    Task<bool> HasCompletedAsync(string offeringId, string userId, string? email, CancellationToken cancellationToken = default);
}

/// <summary>
/// The outbox types of the enrolment events other modules consume, and the facts every one of them carries, read from
/// a message's payload (the events themselves are this module's internals; their common shape is <see cref="EnrolmentEvent"/>).
/// </summary>
public static class EnrolmentEventTypes
{
    public const string Confirmed = "EnrolmentConfirmed";
    public const string Cancelled = "EnrolmentCancelled";
    public const string Completed = "EnrolmentCompleted";

    /// <summary>The common facts of an enrolment event message; null when the message is not one or cannot be read.</summary>
    public static EnrolmentEventFacts? Read(OutboxMessage message)
    {
        if (!message.Type.StartsWith("Enrolment", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            var facts = JsonSerializer.Deserialize<EnrolmentEventFacts>(message.Payload, Academy.Core.Content.ContentJson.Options);
            return facts is { EnrolmentId: > 0, EditionId.Length: > 0 } ? facts with { Type = message.Type } : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What every enrolment event says, as read back from the outbox (see <see cref="EnrolmentEventTypes.Read"/>).</summary>
public sealed record EnrolmentEventFacts(
    long EnrolmentId,
    string EditionId,
    string EditionName,
    string OfferingId,
    string OfferingTitle,
    string? ParticipantUserId,
    string ParticipantEmail,
    DateTime? FirstSessionStartUtc)
{
    /// <summary>The outbox type, e.g. <see cref="EnrolmentEventTypes.Confirmed"/>.</summary>
    public string Type { get; init; } = "";
}
