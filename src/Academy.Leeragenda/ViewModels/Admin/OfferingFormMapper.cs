using Academy.Core.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Recipes;
using Academy.Leeragenda.Models;
using Microsoft.Extensions.Localization;

namespace Academy.Leeragenda.ViewModels.Admin;

/// <summary>
/// Moves an offering between its content item and the admin form: fills the form from an item, and
/// parses the posted strings into the item's parts, collecting Dutch messages for what does not parse.
/// It also translates the content manager's validation keys ("EditionsPart.Editions[0].Capacity")
/// into the form's field names ("Editions[0].Capacity").
/// </summary>
/// <remarks>Only the Leeragenda's own parts: the other parts of the type have their own editors (part drivers).</remarks>
public sealed partial class OfferingFormMapper(IStringLocalizer T)
{
    public const int MaxTitleLength = 300;
    public const int MaxEditionNameLength = 200;
    public const int MaxPlaceLength = 100;
    public const int MaxLocationLength = 300;
    public const int MaxEditionIdLength = 100;
    public const int MaxSessionIdLength = 120;
    public const decimal MaxCost = 99999.99m;
    public const int MaxTrainersPerEdition = 20;

    /// <summary>Where each edition and session of the item came from in the form (blank rows are skipped).</summary>
    public sealed class IndexMap
    {
        public List<int> Editions { get; } = [];
        public List<List<int>> Sessions { get; } = [];
        public Dictionary<string, int> Fields { get; } = new(StringComparer.Ordinal);
    }

    // ------------------------------------------------------------ item → form

    public static OfferingInput FromItem(ContentItem item, ContentTypeDefinition type)
    {
        var offering = item.As<OfferingPart>();
        var form = new OfferingInput
        {
            Title = item.As<TitlePart>().Title,
            Slug = item.As<AutoroutePart>().Path,
            Markdown = item.As<MarkdownBodyPart>().Markdown,
            Summary = offering.Summary,
            OrganiserId = offering.OrganiserId,
            Themes = [.. offering.Themes],
            Audiences = [.. offering.Audiences],
            Form = offering.Form.ToString().ToLowerInvariant(),
            Cost = DutchInput.FormatMoney(offering.CostEuros),
            CostNote = offering.CostNote,
            Fields = type.Fields.Select(f => FieldFromItem(item, type, f)).ToList(),
            Editions = item.As<EditionsPart>().Editions.Select(e => new EditionInput
            {
                EditionId = e.EditionId,
                Name = e.Name,
                Capacity = e.Capacity.ToString(DutchInput.Culture),
                TrainerEmails = e.TrainerEmails.Count == 0 ? null : string.Join("\n", e.TrainerEmails),
                Sessions = e.Sessions.Select(s =>
                {
                    var start = AmsterdamTime.ToLocal(s.Start);
                    var end = AmsterdamTime.ToLocal(s.End);
                    return new SessionInput
                    {
                        SessionId = s.SessionId,
                        Date = DutchInput.FormatDate(DateOnly.FromDateTime(start)),
                        StartTime = DutchInput.FormatTime(start),
                        EndTime = DutchInput.FormatTime(end),
                        EndDate = end.Date == start.Date ? null : DutchInput.FormatDate(DateOnly.FromDateTime(end)),
                        Location = s.Location,
                        Place = s.Place,
                        OnlineUrl = s.OnlineUrl,
                    };
                }).ToList(),
            }).ToList(),
        };
        return form;
    }

    /// <summary>An empty form for a new item: one empty group with one empty session to fill in.</summary>
    public static OfferingInput NewForm(ContentTypeDefinition type) => new()
    {
        Form = "fysiek",
        Cost = DutchInput.FormatMoney(0),
        Fields = type.Fields.Select(f => new FieldInput { Name = f.Name }).ToList(),
        Editions = type.Parts.Contains(nameof(EditionsPart)) ? [NewEdition()] : [],
    };

    public static EditionInput NewEdition() => new() { Sessions = [new SessionInput()] };

    // ------------------------------------------------------------ posted form, tidied

    /// <summary>Makes the posted form safe to work with: no null lists, one field input per defined field, in definition order.</summary>
    public static void Normalize(OfferingInput form, ContentTypeDefinition type)
    {
        form.Themes = (form.Themes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();
        form.Audiences = (form.Audiences ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();
        var posted = (form.Fields ?? []).Where(f => f?.Name is not null).GroupBy(f => f.Name!).ToDictionary(g => g.Key, g => g.First());
        form.Fields = type.Fields.Select(d => posted.TryGetValue(d.Name, out var f) ? f : new FieldInput { Name = d.Name }).ToList();
        form.Editions = (form.Editions ?? []).Where(e => e is not null).ToList();
        foreach (var edition in form.Editions)
        {
            edition.Sessions = (edition.Sessions ?? []).Where(s => s is not null).ToList();
        }
    }

    // ------------------------------------------------------------ form → item

    /// <summary>Writes the form into <paramref name="item"/>'s parts; what cannot be parsed becomes an error and a harmless placeholder.</summary>
    public IndexMap ApplyTo(OfferingInput form, ContentItem item, ContentTypeDefinition type, FormErrors errors)
    {
        var map = new IndexMap();
        var title = form.Title?.Trim() ?? "";
        if (title.Length > MaxTitleLength)
        {
            errors.Add("Title", T["De titel is te lang (maximaal {0} tekens).", MaxTitleLength]);
        }
        if (type.Parts.Contains(nameof(TitlePart)))
        {
            item.Apply(new TitlePart { Title = title });
        }
        if (type.Parts.Contains(nameof(AutoroutePart)))
        {
            item.Apply(new AutoroutePart { Path = form.Slug?.Trim() ?? "" });
        }
        if (type.Parts.Contains(nameof(MarkdownBodyPart)))
        {
            // Browsers send text areas with CRLF line ends; store LF, as the recipes do.
            var markdown = form.Markdown?.ReplaceLineEndings("\n") ?? "";
            if (item.As<MarkdownBodyPart>().Markdown != markdown)
            {
                item.Apply(new MarkdownBodyPart { Markdown = markdown });
            }
        }
        if (type.Parts.Contains(nameof(OfferingPart)))
        {
            ApplyOffering(form, item, errors);
        }
        ApplyFields(form, item, type, errors, map);
        if (type.Parts.Contains(nameof(EditionsPart)))
        {
            ApplyEditions(form, item, errors, map);
        }
        return map;
    }

    private void ApplyOffering(OfferingInput form, ContentItem item, FormErrors errors)
    {
        // Edit the stored part in place: what this form does not show (future properties) is kept as it is,
        // and an unchanged form leaves the JSON unchanged.
        var stored = item.As<OfferingPart>();
        if (item.Content[nameof(OfferingPart)] is not JsonObject node)
        {
            node = [];
            item.Content[nameof(OfferingPart)] = node;
        }
        node[nameof(OfferingPart.Summary)] = form.Summary?.ReplaceLineEndings("\n").Trim() ?? "";
        node[nameof(OfferingPart.OrganiserId)] = string.IsNullOrWhiteSpace(form.OrganiserId) ? null : form.OrganiserId.Trim();
        node[nameof(OfferingPart.Themes)] = ToNode(KeepOrder(stored.Themes, form.Themes ?? []));
        node[nameof(OfferingPart.Audiences)] = ToNode(KeepOrder(stored.Audiences, form.Audiences ?? []));
        node[nameof(OfferingPart.CostNote)] = string.IsNullOrWhiteSpace(form.CostNote) ? null : form.CostNote.Trim();
        if (TryParseForm(form.Form, out var kind))
        {
            node[nameof(OfferingPart.Form)] = ToNode(kind);
        }
        else
        {
            errors.Add("Form", T["Kies of het aanbod fysiek, online of hybride is."]);
        }

        decimal? cost = null;
        if (string.IsNullOrWhiteSpace(form.Cost))
        {
            cost = 0;
        }
        else if (!DutchInput.TryParseDecimal(form.Cost, out var parsed))
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
    }

    private static JsonNode? ToNode<TValue>(TValue value) =>
        System.Text.Json.JsonSerializer.SerializeToNode(value, ContentJson.Options);

    /// <summary>The chosen terms, with those already stored in their stored order, then the new ones.</summary>
    private static List<string> KeepOrder(IReadOnlyList<string> stored, IReadOnlyList<string> chosen) =>
        [.. stored.Where(chosen.Contains).Distinct(), .. chosen.Where(t => !stored.Contains(t))];

    private static bool TryParseForm(string? text, out OfferingForm form) => TryParseEnum(text, out form);

    /// <summary>An enum member by name (any case); numbers and undefined values are refused.</summary>
    private static bool TryParseEnum<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text)
            && !int.TryParse(text, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    // ------------------------------------------------------------ validation keys → form fields

    /// <summary>Adds the content manager's messages to <paramref name="errors"/>, under the form field they are about.</summary>
    /// <param name="partFields">The other parts' editors, asked first about their own keys.</param>
    public static void AddValidation(IEnumerable<KeyValuePair<string, string>> validation, ContentTypeDefinition type, IndexMap map, FormErrors errors,
        IEnumerable<PartEditor>? partFields = null)
    {
        foreach (var (key, message) in validation)
        {
            errors.Add(ContentPartEditors.FieldFor(partFields ?? [], key) ?? FieldFor(key, type, map), message);
        }
    }

    /// <summary>The form field a validation key is about, or null for a message about the whole form.</summary>
    public static string? FieldFor(string key, ContentTypeDefinition type, IndexMap map)
    {
        switch (key)
        {
            case "TitlePart.Title": return "Title";
            case "AutoroutePart.Path": return "Slug";
            case "MarkdownBodyPart.Markdown": return "Markdown";
            case "OfferingPart.Summary": return "Summary";
            case "OfferingPart.OrganiserId": return "OrganiserId";
            case "OfferingPart.Themes": return "Themes";
            case "OfferingPart.Audiences": return "Audiences";
            case "OfferingPart.Form": return "Form";
            case "OfferingPart.CostEuros": return "Cost";
            case "OfferingPart.CostNote": return "CostNote";
            case "EditionsPart.Editions": return "Editions";
        }
        if (key.StartsWith(type.Name + ".", StringComparison.Ordinal))
        {
            var fieldName = key[(type.Name.Length + 1)..];
            var definition = type.Fields.FirstOrDefault(f => f.Name == fieldName);
            if (definition is not null && map.Fields.TryGetValue(fieldName, out var index))
            {
                return OfferingFormNames.Field(index, definition.Type == nameof(LinkField) ? "Url" : "Value");
            }
            return null;
        }
        var match = EditionKey().Match(key);
        if (!match.Success)
        {
            return null;
        }
        var e = int.Parse(match.Groups["e"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (e >= map.Editions.Count)
        {
            return "Editions";
        }
        var formEdition = map.Editions[e];
        var property = match.Groups["prop"].Value;
        if (!match.Groups["s"].Success)
        {
            return property switch
            {
                "Name" => OfferingFormNames.Edition(formEdition, "Name"),
                "Capacity" => OfferingFormNames.Edition(formEdition, "Capacity"),
                "Sessions" => OfferingFormNames.Edition(formEdition, "Sessions"),
                _ => null,
            };
        }
        var s = int.Parse(match.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (s >= map.Sessions[e].Count)
        {
            return OfferingFormNames.Edition(formEdition, "Sessions");
        }
        var formSession = map.Sessions[e][s];
        return match.Groups["sprop"].Value switch
        {
            "Start" => OfferingFormNames.Session(formEdition, formSession, "StartTime"),
            "End" => OfferingFormNames.Session(formEdition, formSession, "EndTime"),
            "Location" => OfferingFormNames.Session(formEdition, formSession, "Location"),
            "Place" => OfferingFormNames.Session(formEdition, formSession, "Place"),
            "OnlineUrl" => OfferingFormNames.Session(formEdition, formSession, "OnlineUrl"),
            "SessionId" => null,
            _ => OfferingFormNames.Session(formEdition, formSession, "Date"),
        };
    }

    [GeneratedRegex(@"^EditionsPart\.Editions\[(?<e>\d{1,6})\](\.(?<prop>\w+)(\[(?<s>\d{1,6})\](\.(?<sprop>\w+))?)?)?$")]
    private static partial Regex EditionKey();
}
