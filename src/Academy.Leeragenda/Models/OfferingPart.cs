using System.Text.Json.Serialization;
using Academy.Core.Content;

namespace Academy.Leeragenda.Models;

public enum OfferingForm
{
    Fysiek,
    Online,
    Hybride,
}

/// <summary>
/// What every item of the aanbod has in the catalogue: summary, organiser, thema/doelgroep terms, form and cost.
/// Other modules keep their settings of an offering in their own parts of the same item.
/// </summary>
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

    [JsonIgnore]
    public bool IsFree => CostEuros == 0;
}
