using System.Text.Json.Serialization;
using Academy.Core.Content;

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

    [JsonIgnore]
    public bool IsFree => CostEuros == 0;
}

/// <summary>Hours or points a register grants for this offering (filled in with the accreditation issue).</summary>
public sealed class OfferingAccreditation
{
    public string RegisterId { get; set; } = "";
    public decimal Hours { get; set; }
    public string? Code { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}
