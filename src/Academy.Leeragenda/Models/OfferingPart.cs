using System.Text.Json.Serialization;
using Academy.Core.Content;
using Academy.Core.Contracts;

namespace Academy.Leeragenda.Models;

public enum OfferingForm
{
    Fysiek,
    Online,
    Hybride,
}

/// <summary>What every item of the aanbod has: summary, organiser, thema/doelgroep terms, form, cost, accreditation.</summary>
public sealed class OfferingPart : ContentPart
{
    public string Summary { get; set; } = "";
    public string? OrganiserId { get; set; }
    /// <summary>TermIds of the taxonomy "thema".</summary>
    public List<string> Themes { get; set; } = [];
    /// <summary>TermIds of the taxonomy "doelgroep".</summary>
    public List<string> Audiences { get; set; } = [];
    public OfferingForm Form { get; set; } = OfferingForm.Fysiek;
    public decimal CostEuros { get; set; }
    public string? CostNote { get; set; }
    public List<OfferingAccreditation> Accreditations { get; set; } = [];
    /// <summary>The leer-coördinator approves each enrolment before it takes a seat.</summary>
    public bool RequiresApproval { get; set; }
    /// <summary>Participants may cancel themselves until this many days before the first session; null: until the start.</summary>
    public int? CancellationDays { get; set; }
    /// <summary>When an enrolment counts as completed: all sessions, a minimum share of the session time, or marked by hand.</summary>
    public CompletionRuleKind CompletionRule { get; set; } = CompletionRuleKind.AllSessions;
    /// <summary>With <see cref="CompletionRuleKind.MinimumPercent"/>: the share of the total session time (1–100).</summary>
    public int? CompletionPercent { get; set; }

    [JsonIgnore]
    public bool IsFree => CostEuros == 0;
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
