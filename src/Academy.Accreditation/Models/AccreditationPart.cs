using Academy.Accreditation.Abstractions;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Leeragenda.Abstractions;

namespace Academy.Accreditation.Models;

/// <summary>An offering's completion rule and the hours or points registers grant for it.</summary>
public sealed class AccreditationPart : ContentPart
{
    /// <summary>When an enrolment counts as completed: all sessions, a minimum share of the session time, or marked by hand.</summary>
    public CompletionRuleKind CompletionRule { get; set; } = CompletionRuleKind.AllSessions;
    /// <summary>With <see cref="CompletionRuleKind.MinimumPercent"/>: the share of the total session time (1–100).</summary>
    public int? CompletionPercent { get; set; }
    public List<OfferingAccreditation> Accreditations { get; set; } = [];
}

/// <summary>Hours or points (the register's unit) a register grants for this offering, with its accreditation code and validity.</summary>
public sealed class OfferingAccreditation
{
    public string RegisterId { get; set; } = "";
    public decimal Hours { get; set; }
    public string? Code { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

/// <summary>The completion rule and accreditations of an edition, read from its offering's <see cref="AccreditationPart"/>.</summary>
public static class AccreditationEditions
{
    public static CompletionRuleInfo Completion(this EditionInfo edition)
    {
        var part = edition.Offering.As<AccreditationPart>();
        return new CompletionRuleInfo(part.CompletionRule, part.CompletionPercent);
    }

    public static IReadOnlyList<AccreditationInfo> Accreditations(this EditionInfo edition) =>
        edition.Offering.As<AccreditationPart>().Accreditations
            .Select(a => new AccreditationInfo(a.RegisterId, a.Hours, a.Code, a.ValidFrom, a.ValidTo)).ToList();
}

/// <summary>Until this module had its own part, completion and accreditations were stored in the Leeragenda's OfferingPart.</summary>
public sealed class AccreditationLegacyShape() : MovedPartProperties("OfferingPart", nameof(AccreditationPart),
    nameof(AccreditationPart.CompletionRule), nameof(AccreditationPart.CompletionPercent), nameof(AccreditationPart.Accreditations));

/// <summary>The same rules the editor applies, for recipes and other writers that bypass the form.</summary>
public sealed class AccreditationPartHandler(IRegisterDirectory registers) : IContentHandler
{
    public const decimal MaxHours = 1000m;

    public async Task ValidateAsync(ContentItem item, ContentValidationResult result)
    {
        if (!item.Has<AccreditationPart>())
        {
            return;
        }
        var part = item.As<AccreditationPart>();
        if (part.CompletionRule == CompletionRuleKind.MinimumPercent && part.CompletionPercent is not (>= 1 and <= 100))
        {
            result.Fail("AccreditationPart.CompletionPercent", "Geef bij 'minimaal een percentage aanwezig' een percentage van 1 tot en met 100.");
        }
        // An empty directory (no registers set up yet) cannot tell which ids are wrong.
        var known = (await registers.ListAsync()).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < part.Accreditations.Count; i++)
        {
            var accreditation = part.Accreditations[i];
            var key = $"AccreditationPart.Accreditations[{i}]";
            if (known.Count > 0 && !known.Contains(accreditation.RegisterId))
            {
                result.Fail($"{key}.RegisterId", $"Onbekend register '{accreditation.RegisterId}'.");
            }
            if (!seen.Add(accreditation.RegisterId))
            {
                result.Fail($"{key}.RegisterId", $"Het register '{accreditation.RegisterId}' staat twee keer bij de accreditaties.");
            }
            if (accreditation.Hours is <= 0 or > MaxHours || decimal.Round(accreditation.Hours, 2) != accreditation.Hours)
            {
                result.Fail($"{key}.Hours", "Het aantal uren of punten ligt tussen 0 en 1000 (hoogstens twee decimalen).");
            }
            if (accreditation.ValidFrom > accreditation.ValidTo)
            {
                result.Fail($"{key}.ValidFrom", "'Geldig vanaf' ligt na 'geldig tot en met'.");
            }
        }
    }
}
