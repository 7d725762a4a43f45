using System.Text.Json.Nodes;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Core.Text;
using Academy.Leeragenda.Models;
using Academy.Leeragenda.Services;
using Academy.Users.Abstractions;
using Microsoft.Extensions.Localization;

namespace Academy.Leeragenda.Editors;

/// <summary>What the offering's summary editor posts.</summary>
public sealed class OfferingSummaryInput
{
    public string? Summary { get; set; }
}

/// <summary>What the offering's catalogue-facts editor posts; everything is text, parsed by the driver.</summary>
public sealed class OfferingPartInput
{
    public string? OrganiserId { get; set; }
    public List<string>? Themes { get; set; } = [];
    public List<string>? Audiences { get; set; } = [];
    /// <summary>fysiek | online | hybride</summary>
    public string? Form { get; set; }
    /// <summary>Dutch notation: "95,00".</summary>
    public string? Cost { get; set; }
    public string? CostNote { get; set; }
}

/// <summary>The choices the catalogue-facts editor offers.</summary>
public sealed record OfferingPartOptions(IReadOnlyList<OrganisationInfo> Organisations, IReadOnlyList<TaxonomyTerm> Themes, IReadOnlyList<TaxonomyTerm> Audiences);

/// <summary>
/// The first of <see cref="OfferingPart"/>'s two editors: the summary, right under the title and address (position 2), before
/// the body text (Core's Markdown editor, 3); the catalogue facts follow it (<see cref="OfferingPartDriver"/>, 4).
/// </summary>
public sealed class OfferingSummaryDriver : ContentPartDriver<OfferingPart, OfferingSummaryInput>
{
    public override int Position => 2;
    public override string EditorView => "~/Views/OfferingPart/Summary.cshtml";

    protected override OfferingSummaryInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew) => new() { Summary = item.As<OfferingPart>().Summary };

    protected override Task UpdateAsync(OfferingSummaryInput input, ContentItem item, FormErrors errors)
    {
        OfferingPartDriver.Node(item)[nameof(OfferingPart.Summary)] = input.Summary?.ReplaceLineEndings("\n").Trim() ?? "";
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> FieldOrder(OfferingSummaryInput input) => [nameof(OfferingSummaryInput.Summary)];

    public override string? FieldFor(string validationKey) => validationKey == "OfferingPart.Summary" ? nameof(OfferingSummaryInput.Summary) : null;
}

/// <summary>The editor of <see cref="OfferingPart"/>'s catalogue facts: organiser, themes, audiences, form and cost.</summary>
public sealed class OfferingPartDriver(IOrganisationDirectory organisations, TaxonomyService taxonomies, IStringLocalizer<OfferingPartDriver> T)
    : ContentPartDriver<OfferingPart, OfferingPartInput>
{
    public const decimal MaxCost = 99999.99m;
    private bool _hasThemes = true;
    private bool _hasAudiences = true;

    public override int Position => 4;
    public override string EditorView => "~/Views/OfferingPart/Edit.cshtml";

    /// <summary>The stored part's JSON, created when missing: both editors edit it in place, so what no form shows is kept.</summary>
    internal static JsonObject Node(ContentItem item)
    {
        if (item.Content[nameof(OfferingPart)] is not JsonObject node)
        {
            node = [];
            item.Content[nameof(OfferingPart)] = node;
        }
        return node;
    }

    protected override OfferingPartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew)
    {
        if (isNew)
        {
            return new() { Form = "fysiek", Cost = DutchInput.FormatMoney(0) };
        }
        var offering = item.As<OfferingPart>();
        return new()
        {
            OrganiserId = offering.OrganiserId,
            Themes = [.. offering.Themes],
            Audiences = [.. offering.Audiences],
            Form = offering.Form.ToString().ToLowerInvariant(),
            Cost = DutchInput.FormatMoney(offering.CostEuros),
            CostNote = offering.CostNote,
        };
    }

    protected override void Normalize(OfferingPartInput input)
    {
        input.Themes = (input.Themes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();
        input.Audiences = (input.Audiences ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();
    }

    public override async Task PrepareAsync(PartEditor editor)
    {
        var options = new OfferingPartOptions(
            await organisations.ListAsync(),
            await taxonomies.TermsAsync(TaxonomyService.Themes),
            await taxonomies.TermsAsync(TaxonomyService.Audiences));
        (_hasThemes, _hasAudiences) = (options.Themes.Count > 0, options.Audiences.Count > 0);
        editor.Options = options;
    }

    protected override Task UpdateAsync(OfferingPartInput input, ContentItem item, FormErrors errors)
    {
        // Edit the stored part in place: what this form does not show (future properties) is kept as it is,
        // and an unchanged form leaves the JSON unchanged.
        var stored = item.As<OfferingPart>();
        var node = Node(item);
        node[nameof(OfferingPart.OrganiserId)] = string.IsNullOrWhiteSpace(input.OrganiserId) ? null : input.OrganiserId.Trim();
        node[nameof(OfferingPart.Themes)] = ToNode(KeepOrder(stored.Themes, input.Themes ?? []));
        node[nameof(OfferingPart.Audiences)] = ToNode(KeepOrder(stored.Audiences, input.Audiences ?? []));
        node[nameof(OfferingPart.CostNote)] = string.IsNullOrWhiteSpace(input.CostNote) ? null : input.CostNote.Trim();
        if (TryParseForm(input.Form, out var kind))
        {
            node[nameof(OfferingPart.Form)] = ToNode(kind);
        }
        else
        {
            errors.Add("Form", T["Kies of het aanbod fysiek, online of hybride is."]);
        }

        decimal? cost = null;
        if (string.IsNullOrWhiteSpace(input.Cost))
        {
            cost = 0;
        }
        else if (!DutchInput.TryParseDecimal(input.Cost, out var parsed))
        {
            errors.Add("Cost", T["Vul de kosten in als bedrag in euro's, bijvoorbeeld 95,00."]);
        }
        else if (decimal.Round(parsed, 2) != parsed)
        {
            errors.Add("Cost", T["Gebruik voor de kosten hoogstens twee cijfers achter de komma, bijvoorbeeld 95,50."]);
        }
        else if (parsed > MaxCost)
        {
            errors.Add("Cost", T["De kosten mogen hoogstens € 99.999,99 zijn."]);
        }
        else
        {
            cost = parsed;
        }
        // 95 and 95,00 are the same amount: keep the stored number when it did not change.
        if (cost is { } euros && (euros != stored.CostEuros || node[nameof(OfferingPart.CostEuros)] is null))
        {
            node[nameof(OfferingPart.CostEuros)] = euros;
        }
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> FieldOrder(OfferingPartInput input) => ["OrganiserId", "Themes", "Audiences", "Form", "Cost", "CostNote"];

    public override string? FieldFor(string validationKey) => validationKey switch
    {
        "OfferingPart.OrganiserId" => "OrganiserId",
        "OfferingPart.Themes" => "Themes",
        "OfferingPart.Audiences" => "Audiences",
        "OfferingPart.Form" => "Form",
        "OfferingPart.CostEuros" => "Cost",
        "OfferingPart.CostNote" => "CostNote",
        _ => null,
    };

    public override string TargetId(string field) => field switch
    {
        "Themes" => _hasThemes ? "Themes_0" : "Themes",
        "Audiences" => _hasAudiences ? "Audiences_0" : "Audiences",
        "Form" => "Form_fysiek",
        _ => FormNames.Id(field),
    };

    private static JsonNode? ToNode<TValue>(TValue value) => System.Text.Json.JsonSerializer.SerializeToNode(value, ContentJson.Options);

    /// <summary>The chosen terms, with those already stored in their stored order, then the new ones.</summary>
    private static List<string> KeepOrder(IReadOnlyList<string> stored, IReadOnlyList<string> chosen) =>
        [.. stored.Where(chosen.Contains).Distinct(), .. chosen.Where(t => !stored.Contains(t))];

    /// <summary>A form by name (any case); numbers and undefined values are refused.</summary>
    private static bool TryParseForm(string? text, out OfferingForm form)
    {
        form = default;
        return !string.IsNullOrWhiteSpace(text)
            && !int.TryParse(text, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out form)
            && Enum.IsDefined(form);
    }
}
