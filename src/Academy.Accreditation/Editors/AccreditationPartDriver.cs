using System.Text.Json.Nodes;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Core.Text;
using Microsoft.Extensions.Localization;

namespace Academy.Accreditation.Editors;

/// <summary>What the accreditation part's editor posts; everything is text, parsed by the driver.</summary>
public sealed class AccreditationPartInput
{
    /// <summary>allsessions | minimumpercent | markedcomplete (the CompletionRuleKind, lower-cased).</summary>
    public string? CompletionRule { get; set; }
    /// <summary>Whole percent 1–100; only read with "minimumpercent".</summary>
    public string? CompletionPercent { get; set; }
    /// <summary>Hours or points per register; blank rows are ignored.</summary>
    public List<AccreditationInput>? Accreditations { get; set; } = [];
}

public sealed class AccreditationInput
{
    public string? RegisterId { get; set; }
    /// <summary>Hours or points in the register's unit, Dutch notation: "1,5".</summary>
    public string? Hours { get; set; }
    public string? Code { get; set; }
    /// <summary>dd-mm-jjjj; empty: valid from the start.</summary>
    public string? ValidFrom { get; set; }
    /// <summary>dd-mm-jjjj, inclusive; empty: no end.</summary>
    public string? ValidTo { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(RegisterId) && string.IsNullOrWhiteSpace(Hours) && string.IsNullOrWhiteSpace(Code)
        && string.IsNullOrWhiteSpace(ValidFrom) && string.IsNullOrWhiteSpace(ValidTo);
}

/// <summary>What the accreditation part shows among an offering's facts.</summary>
public sealed record AccreditationFacts(AccreditationPart Part, IReadOnlyList<RegisterSummary> Registers, bool ShowCompletion);

/// <summary>The editor of <see cref="AccreditationPart"/>: the completion rule and the accreditations per register.</summary>
public sealed class AccreditationPartDriver(IRegisterDirectory registers, IStringLocalizer<AccreditationPartDriver> T)
    : ContentPartDriver<AccreditationPart, AccreditationPartInput>
{
    public const int MaxCodeLength = 64;
    private static readonly string[] RowProperties = ["RegisterId", "Hours", "Code", "ValidFrom", "ValidTo"];

    public override int Position => 20;
    public override string EditorView => "~/Views/AccreditationPart/Edit.cshtml";

    public static string Row(int a, string property) => $"Accreditations[{a}].{property}";

    protected override AccreditationPartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew)
    {
        var part = item.As<AccreditationPart>();
        return new()
        {
            CompletionRule = part.CompletionRule.ToString().ToLowerInvariant(),
            CompletionPercent = part.CompletionPercent?.ToString(DutchInput.Culture),
            // One empty row to fill in.
            Accreditations = part.Accreditations.Count == 0
                ? [new AccreditationInput()]
                : part.Accreditations.Select(a => new AccreditationInput
                {
                    RegisterId = a.RegisterId,
                    Hours = DutchInput.FormatNumber(a.Hours),
                    Code = a.Code,
                    ValidFrom = a.ValidFrom is { } from ? DutchInput.FormatDate(from) : null,
                    ValidTo = a.ValidTo is { } to ? DutchInput.FormatDate(to) : null,
                }).ToList(),
        };
    }

    protected override void Normalize(AccreditationPartInput input) =>
        input.Accreditations = (input.Accreditations ?? []).Where(a => a is not null).ToList();

    public override async Task PrepareAsync(PartEditor editor) => editor.Options = await registers.ListAsync();

    protected override bool Command(PartEditor editor, AccreditationPartInput input, string command, IReadOnlyList<string> arguments)
    {
        var rows = input.Accreditations!;
        switch (command)
        {
            case "add-accreditation":
                rows.Add(new AccreditationInput());
                editor.FocusId = FormNames.Id(Row(rows.Count - 1, "RegisterId"));
                editor.Notice = T["Accreditatie {0} is toegevoegd.", rows.Count];
                return true;
            case "remove-accreditation" when arguments.Count > 0 && int.TryParse(arguments[0], out var a) && a >= 0 && a < rows.Count:
                rows.RemoveAt(a);
                editor.FocusId = "accreditatie-toevoegen";
                editor.Notice = T["Accreditatie {0} is verwijderd. De wijziging is nog niet opgeslagen.", a + 1];
                return true;
            default:
                return false;
        }
    }

    protected override async Task UpdateAsync(AccreditationPartInput input, ContentItem item, FormErrors errors)
    {
        // Edit the stored part in place: an unchanged form leaves the JSON as it was (no new draft).
        var stored = item.As<AccreditationPart>();
        var node = item.Content[nameof(AccreditationPart)] as JsonObject ?? [];
        ApplyCompletion(input, node, stored, errors);
        var known = (await registers.ListAsync()).ToDictionary(r => r.Id, StringComparer.Ordinal);
        new AccreditationRows(T, known).Apply(input.Accreditations ?? [], node, stored, errors);
        // A part the item did not have is added only when it says something.
        if (node.Parent is null && node.Count > 0)
        {
            item.Content[nameof(AccreditationPart)] = node;
        }
    }

    private void ApplyCompletion(AccreditationPartInput input, JsonObject node, AccreditationPart stored, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input.CompletionRule))
        {
            // One radio is always checked in the form; a post without the field changes nothing.
            return;
        }
        if (int.TryParse(input.CompletionRule, out _) || !Enum.TryParse<CompletionRuleKind>(input.CompletionRule.Trim(), ignoreCase: true, out var rule)
            || !Enum.IsDefined(rule))
        {
            errors.Add("CompletionRule", T["Kies wanneer de deelname is afgerond."]);
            return;
        }
        int? percent = null;
        if (rule == CompletionRuleKind.MinimumPercent)
        {
            if (string.IsNullOrWhiteSpace(input.CompletionPercent))
            {
                errors.Add("CompletionPercent", T["Vul het percentage in dat deelnemers minimaal aanwezig moeten zijn, bijvoorbeeld 80."]);
                return;
            }
            if (!int.TryParse(input.CompletionPercent.Trim().TrimEnd('%').TrimEnd(), System.Globalization.NumberStyles.None, DutchInput.Culture, out var value)
                || value is < 1 or > 100)
            {
                errors.Add("CompletionPercent", T["Vul het percentage in als heel getal van 1 tot en met 100, bijvoorbeeld 80."]);
                return;
            }
            percent = value;
        }
        // Written only when changed, so an unchanged form of an older item leaves the JSON as it was.
        if (rule != stored.CompletionRule)
        {
            node[nameof(AccreditationPart.CompletionRule)] = System.Text.Json.JsonSerializer.SerializeToNode(rule, ContentJson.Options);
        }
        if (percent != stored.CompletionPercent)
        {
            node[nameof(AccreditationPart.CompletionPercent)] = percent;
        }
    }

    protected override IEnumerable<string> FieldOrder(AccreditationPartInput input)
    {
        yield return "CompletionRule";
        yield return "CompletionPercent";
        yield return "Accreditations";
        var rows = input.Accreditations ?? [];
        for (var a = 0; a < rows.Count; a++)
        {
            foreach (var property in RowProperties)
            {
                yield return Row(a, property);
            }
        }
    }

    public override string? FieldFor(string validationKey) => validationKey switch
    {
        "AccreditationPart.CompletionRule" => "CompletionRule",
        "AccreditationPart.CompletionPercent" => "CompletionPercent",
        "AccreditationPart.Accreditations" => "Accreditations",
        _ => null,
    };

    public override string TargetId(string field) => field == "CompletionRule" ? "CompletionRule_allsessions" : FormNames.Id(field);

    public override async Task<PartDisplay?> DisplayAsync(ContentItem item, string displayType)
    {
        var part = item.As<AccreditationPart>();
        var preview = displayType == "Preview";
        if (!preview && part.Accreditations.Count == 0)
        {
            return null;
        }
        return new PartDisplay("~/Views/AccreditationPart/Facts.cshtml",
            new AccreditationFacts(part, part.Accreditations.Count == 0 ? [] : await registers.ListAsync(), ShowCompletion: preview));
    }
}
