using Academy.Core.Content;
using Academy.Leeragenda.Abstractions;

namespace Academy.Enrolment.Models;

/// <summary>An offering's enrolment policy: approval by the leer-coördinator and the self-cancellation deadline.</summary>
public sealed class EnrolmentPart : ContentPart
{
    /// <summary>The leer-coördinator approves each enrolment before it takes a seat.</summary>
    public bool RequiresApproval { get; set; }
    /// <summary>Participants may cancel themselves until this many days before the first session; null: until the start.</summary>
    public int? CancellationDays { get; set; }
}

/// <summary>The enrolment policy of an edition, read from its offering's <see cref="EnrolmentPart"/>.</summary>
public static class EnrolmentEditions
{
    public static bool RequiresApproval(this EditionInfo edition) => edition.Offering.As<EnrolmentPart>().RequiresApproval;

    /// <summary>Participants may cancel themselves until then; null when always.</summary>
    public static DateTime? CancellationDeadlineUtc(this EditionInfo edition) =>
        edition.StartUtc is { } start ? start.AddDays(-(edition.Offering.As<EnrolmentPart>().CancellationDays ?? 0)) : null;
}

/// <summary>Until this module had its own part, the enrolment policy was stored in the Leeragenda's OfferingPart.</summary>
public sealed class EnrolmentLegacyShape() : MovedPartProperties("OfferingPart", nameof(EnrolmentPart),
    nameof(EnrolmentPart.RequiresApproval), nameof(EnrolmentPart.CancellationDays));

/// <summary>Checks what the editor cannot (recipes and code write the part directly).</summary>
public sealed class EnrolmentPartHandler : IContentHandler
{
    public const int MaxCancellationDays = 365;

    public Task ValidateAsync(ContentItem item, ContentValidationResult result)
    {
        if (item.Has<EnrolmentPart>() && item.As<EnrolmentPart>().CancellationDays is < 0 or > MaxCancellationDays)
        {
            result.Fail("EnrolmentPart.CancellationDays", "Het aantal dagen voor afmelden moet tussen 0 en 365 liggen.");
        }
        return Task.CompletedTask;
    }
}
