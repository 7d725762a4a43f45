using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Recipes;
using Academy.Leeragenda.Models;
using Microsoft.Extensions.Localization;
using Academy.Accreditation.Abstractions;

namespace Academy.Leeragenda.ViewModels.Admin;

/// <summary>
/// Moves an offering between its content item and the admin form: fills the form from an item, and
/// parses the posted strings into the item's parts, collecting Dutch messages for what does not parse.
/// It also translates the content manager's validation keys ("EditionsPart.Editions[0].Capacity")
/// into the form's field names ("Editions[0].Capacity").
/// </summary>
/// <param name="registers">The registers an accreditation may name; any other register id is an error.</param>
public sealed partial class OfferingFormMapper(IStringLocalizer T, IReadOnlyList<RegisterSummary>? registers = null)
{
    public const int MaxTitleLength = 300;
    public const int MaxEditionNameLength = 200;
    public const int MaxPlaceLength = 100;
    public const int MaxLocationLength = 300;
    public const int MaxEditionIdLength = 100;
    public const int MaxSessionIdLength = 120;
    public const decimal MaxCost = 99999.99m;
    public const decimal MaxAccreditationHours = 1000m;
    public const int MaxAccreditationCodeLength = 64;
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
            RequiresApproval = offering.RequiresApproval ? "true" : null,
            CancellationDays = offering.CancellationDays?.ToString(DutchInput.Culture),
            CompletionRule = offering.CompletionRule.ToString().ToLowerInvariant(),
            CompletionPercent = offering.CompletionPercent?.ToString(DutchInput.Culture),
            Accreditations = offering.Accreditations.Count == 0
                ? [new AccreditationInput()]
                : offering.Accreditations.Select(a => new AccreditationInput
                {
                    RegisterId = a.RegisterId,
                    Hours = DutchInput.FormatNumber(a.Hours),
                    Code = a.Code,
                    ValidFrom = a.ValidFrom is { } from ? DutchInput.FormatDate(from) : null,
                    ValidTo = a.ValidTo is { } to ? DutchInput.FormatDate(to) : null,
                }).ToList(),
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

    /// <summary>An empty form for a new item: one empty group with one empty session, and one empty accreditation, to fill in.</summary>
    public static OfferingInput NewForm(ContentTypeDefinition type) => new()
    {
        Form = "fysiek",
        Cost = DutchInput.FormatMoney(0),
        CompletionRule = CompletionRuleKind.AllSessions.ToString().ToLowerInvariant(),
        Accreditations = [new AccreditationInput()],
        Fields = type.Fields.Select(f => new FieldInput { Name = f.Name }).ToList(),
        Editions = type.Parts.Contains(nameof(EditionsPart)) ? [NewEdition()] : [],
    };

    public static EditionInput NewEdition() => new() { Sessions = [new SessionInput()] };

    private static FieldInput FieldFromItem(ContentItem item, ContentTypeDefinition type, ContentFieldDefinition definition)
    {
        var input = new FieldInput { Name = definition.Name };
        try
        {
            switch (definition.Type)
            {
                case nameof(TextField):
                    input.Value = item.Field<TextField>(type.Name, definition.Name)?.Text;
                    break;
                case nameof(NumericField):
                    input.Value = item.Field<NumericField>(type.Name, definition.Name)?.Value is { } number ? DutchInput.FormatNumber(number) : null;
                    break;
                case nameof(DateField):
                    input.Value = item.Field<DateField>(type.Name, definition.Name)?.Value is { } date ? DutchInput.FormatDate(DateOnly.FromDateTime(date)) : null;
                    break;
                case nameof(BooleanField):
                    input.Value = item.Field<BooleanField>(type.Name, definition.Name)?.Value == true ? "true" : null;
                    break;
                case nameof(LinkField):
                    var link = item.Field<LinkField>(type.Name, definition.Name);
                    input.Url = link?.Url;
                    input.Text = link?.Text;
                    break;
                case nameof(ContentPickerField):
                    input.Value = item.Field<ContentPickerField>(type.Name, definition.Name)?.ContentItemIds.FirstOrDefault();
                    break;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // A stored value of the wrong shape shows as empty; saving writes a valid one.
        }
        return input;
    }

    // ------------------------------------------------------------ posted form, tidied

    /// <summary>Makes the posted form safe to work with: no null lists, one field input per defined field, in definition order.</summary>
    public static void Normalize(OfferingInput form, ContentTypeDefinition type)
    {
        form.Themes = (form.Themes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();
        form.Audiences = (form.Audiences ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct().ToList();
        var posted = (form.Fields ?? []).Where(f => f?.Name is not null).GroupBy(f => f.Name!).ToDictionary(g => g.Key, g => g.First());
        form.Fields = type.Fields.Select(d => posted.TryGetValue(d.Name, out var f) ? f : new FieldInput { Name = d.Name }).ToList();
        form.Accreditations = (form.Accreditations ?? []).Where(a => a is not null).ToList();
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
        // Written only when set or already stored, so unchanged forms of older items leave the JSON as it was.
        var approval = form.RequiresApproval == "true";
        if (approval || node.ContainsKey(nameof(OfferingPart.RequiresApproval)))
        {
            node[nameof(OfferingPart.RequiresApproval)] = approval;
        }
        ApplyCancellationDays(form, node, errors);
        ApplyCompletion(form, node, stored, errors);
        ApplyAccreditations(form, node, stored, errors);
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

    private void ApplyCancellationDays(OfferingInput form, JsonObject node, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(form.CancellationDays))
        {
            if (node.ContainsKey(nameof(OfferingPart.CancellationDays)))
            {
                node[nameof(OfferingPart.CancellationDays)] = null;
            }
        }
        else if (int.TryParse(form.CancellationDays.Trim(), System.Globalization.NumberStyles.None, DutchInput.Culture, out var days) && days <= 365)
        {
            node[nameof(OfferingPart.CancellationDays)] = days;
        }
        else
        {
            errors.Add("CancellationDays", T["Vul het aantal dagen in als heel getal van 0 tot en met 365, of laat het leeg."]);
        }
    }

    private void ApplyCompletion(OfferingInput form, JsonObject node, OfferingPart stored, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(form.CompletionRule))
        {
            // One radio is always checked in the form; a post without the field changes nothing.
            return;
        }
        if (!TryParseEnum<CompletionRuleKind>(form.CompletionRule, out var rule))
        {
            errors.Add("CompletionRule", T["Kies wanneer de deelname is afgerond."]);
            return;
        }
        int? percent = null;
        if (rule == CompletionRuleKind.MinimumPercent)
        {
            if (string.IsNullOrWhiteSpace(form.CompletionPercent))
            {
                errors.Add("CompletionPercent", T["Vul het percentage in dat deelnemers minimaal aanwezig moeten zijn, bijvoorbeeld 80."]);
                return;
            }
            if (!int.TryParse(form.CompletionPercent.Trim().TrimEnd('%').TrimEnd(), System.Globalization.NumberStyles.None, DutchInput.Culture, out var value)
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
            node[nameof(OfferingPart.CompletionRule)] = ToNode(rule);
        }
        if (percent != stored.CompletionPercent)
        {
            node[nameof(OfferingPart.CompletionPercent)] = percent;
        }
    }

    /// <summary>The form owns the accreditations: the non-blank rows replace the stored list (written only when it changed).</summary>
    private void ApplyAccreditations(OfferingInput form, JsonObject node, OfferingPart stored, FormErrors errors)
    {
        var known = (registers ?? []).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rows = form.Accreditations ?? [];
        var parsed = new List<OfferingAccreditation>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = true;
        for (var a = 0; a < rows.Count; a++)
        {
            var input = rows[a];
            if (input.IsBlank)
            {
                continue;
            }
            var accreditation = ParseAccreditation(input, a, known, errors, out var rowValid);
            valid &= rowValid;
            if (accreditation.RegisterId.Length > 0 && !firstRow.TryAdd(accreditation.RegisterId, a))
            {
                errors.Add(FormNames.Accreditation(a, "RegisterId"),
                    T["Dit register staat al bij accreditatie {0}. Geef per register één accreditatie.", firstRow[accreditation.RegisterId] + 1]);
                valid = false;
            }
            parsed.Add(accreditation);
        }
        if (!valid || SameAccreditations(stored.Accreditations, parsed))
        {
            return;
        }
        node[nameof(OfferingPart.Accreditations)] = new JsonArray([.. parsed.Select(AccreditationNode)]);
    }

    private OfferingAccreditation ParseAccreditation(AccreditationInput input, int a, Dictionary<string, RegisterSummary> known,
        FormErrors errors, out bool valid)
    {
        var errorCount = errors.Count;
        var accreditation = new OfferingAccreditation
        {
            RegisterId = input.RegisterId?.Trim() ?? "",
            Code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim(),
        };
        if (accreditation.RegisterId.Length == 0)
        {
            errors.Add(FormNames.Accreditation(a, "RegisterId"), T["Kies het register van deze accreditatie."]);
        }
        else if (!known.ContainsKey(accreditation.RegisterId))
        {
            errors.Add(FormNames.Accreditation(a, "RegisterId"), T["Het register '{0}' bestaat niet. Kies een register uit de lijst.", accreditation.RegisterId]);
        }

        var hoursField = FormNames.Accreditation(a, "Hours");
        if (string.IsNullOrWhiteSpace(input.Hours))
        {
            errors.Add(hoursField, T["Vul het aantal uren of punten in, bijvoorbeeld 12 of 1,5."]);
        }
        else if (!DutchInput.TryParseDecimal(input.Hours, out var hours))
        {
            errors.Add(hoursField, T["Vul de uren of punten in als getal, bijvoorbeeld 12 of 1,5."]);
        }
        else if (hours <= 0)
        {
            errors.Add(hoursField, T["Het aantal uren of punten moet groter dan 0 zijn."]);
        }
        else if (hours > MaxAccreditationHours)
        {
            errors.Add(hoursField, T["Het aantal uren of punten mag hoogstens {0} zijn.", DutchInput.FormatNumber(MaxAccreditationHours)]);
        }
        else if (decimal.Round(hours, 2) != hours)
        {
            errors.Add(hoursField, T["Gebruik voor de uren of punten hoogstens twee cijfers achter de komma, bijvoorbeeld 1,25."]);
        }
        else
        {
            accreditation.Hours = hours;
        }

        if (accreditation.Code?.Length > MaxAccreditationCodeLength)
        {
            errors.Add(FormNames.Accreditation(a, "Code"), T["De accreditatiecode is te lang (maximaal {0} tekens).", MaxAccreditationCodeLength]);
        }
        accreditation.ValidFrom = ParseOptionalDate(input.ValidFrom, FormNames.Accreditation(a, "ValidFrom"), errors);
        accreditation.ValidTo = ParseOptionalDate(input.ValidTo, FormNames.Accreditation(a, "ValidTo"), errors);
        if (accreditation.ValidFrom > accreditation.ValidTo)
        {
            errors.Add(FormNames.Accreditation(a, "ValidTo"), T["De accreditatie is geldig tot een datum die vóór de begindatum ligt. Vul een latere einddatum in."]);
        }
        valid = errors.Count == errorCount;
        return accreditation;
    }

    private DateOnly? ParseOptionalDate(string? text, string field, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DutchInput.TryParseDate(text, out var date))
        {
            return date;
        }
        errors.Add(field, T["De datum '{0}' bestaat niet. Vul de datum in als dd-mm-jjjj, bijvoorbeeld 01-01-2027, of laat het veld leeg.", text.Trim()]);
        return null;
    }

    private static bool SameAccreditations(IReadOnlyList<OfferingAccreditation> stored, IReadOnlyList<OfferingAccreditation> parsed) =>
        stored.Count == parsed.Count && stored.Zip(parsed).All(p =>
            p.First.RegisterId == p.Second.RegisterId && p.First.Hours == p.Second.Hours && p.First.Code == p.Second.Code
            && p.First.ValidFrom == p.Second.ValidFrom && p.First.ValidTo == p.Second.ValidTo);

    /// <summary>One accreditation as JSON, without the empty optional properties (the shape the recipes use).</summary>
    private static JsonObject AccreditationNode(OfferingAccreditation accreditation)
    {
        var node = new JsonObject
        {
            [nameof(OfferingAccreditation.RegisterId)] = accreditation.RegisterId,
            [nameof(OfferingAccreditation.Hours)] = accreditation.Hours,
        };
        if (accreditation.Code is not null) node[nameof(OfferingAccreditation.Code)] = accreditation.Code;
        if (accreditation.ValidFrom is { } from) node[nameof(OfferingAccreditation.ValidFrom)] = ToNode(from);
        if (accreditation.ValidTo is { } to) node[nameof(OfferingAccreditation.ValidTo)] = ToNode(to);
        return node;
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

    private void ApplyFields(OfferingInput form, ContentItem item, ContentTypeDefinition type, FormErrors errors, IndexMap map)
    {
        var inputs = form.Fields ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var definition = type.Fields.FirstOrDefault(f => f.Name == input.Name);
            if (definition is null)
            {
                continue;
            }
            map.Fields[definition.Name] = i;
            var value = input.Value?.Trim();
            switch (definition.Type)
            {
                case nameof(TextField):
                    SetField(item, type, definition, string.IsNullOrEmpty(value) ? null : new TextField { Text = value });
                    break;
                case nameof(NumericField):
                    if (string.IsNullOrEmpty(value))
                    {
                        SetField(item, type, definition, null);
                    }
                    else if (DutchInput.TryParseDecimal(value, out var number))
                    {
                        if (StoredField<NumericField>(item, type, definition)?.Value != number)
                        {
                            SetField(item, type, definition, new NumericField { Value = number });
                        }
                    }
                    else
                    {
                        errors.Add(FormNames.Field(i, "Value"), T["{0}: vul een getal in, bijvoorbeeld 90 of 2,5.", definition.DisplayName]);
                    }
                    break;
                case nameof(DateField):
                    if (string.IsNullOrEmpty(value))
                    {
                        SetField(item, type, definition, null);
                    }
                    else if (DutchInput.TryParseDate(value, out var date))
                    {
                        if (StoredField<DateField>(item, type, definition)?.Value is not { } storedDate || DateOnly.FromDateTime(storedDate) != date)
                        {
                            SetField(item, type, definition, new DateField { Value = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
                        }
                    }
                    else
                    {
                        errors.Add(FormNames.Field(i, "Value"), T["{0}: vul een bestaande datum in als dd-mm-jjjj, bijvoorbeeld 15-09-2026.", definition.DisplayName]);
                    }
                    break;
                case nameof(BooleanField):
                    SetField(item, type, definition, new BooleanField { Value = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) });
                    break;
                case nameof(LinkField):
                    var url = input.Url?.Trim();
                    var text = input.Text?.Trim();
                    if (string.IsNullOrEmpty(url))
                    {
                        if (!string.IsNullOrEmpty(text))
                        {
                            errors.Add(FormNames.Field(i, "Url"), T["{0}: vul ook het webadres van de link in.", definition.DisplayName]);
                        }
                        SetField(item, type, definition, null);
                    }
                    else if (!DutchInput.IsWebAddress(url))
                    {
                        errors.Add(FormNames.Field(i, "Url"), T["{0}: het webadres is niet geldig. Het begint met https://", definition.DisplayName]);
                    }
                    else
                    {
                        SetField(item, type, definition, new LinkField { Url = url, Text = string.IsNullOrEmpty(text) ? null : text });
                    }
                    break;
                case nameof(ContentPickerField):
                    SetField(item, type, definition, string.IsNullOrEmpty(value) ? null : new ContentPickerField { ContentItemIds = [value] });
                    break;
            }
        }
    }

    /// <summary>
    /// Writes a field value; an empty value removes the field, so a required field is reported as missing by
    /// the content manager (a stored value that is empty too is left alone, so an unchanged form changes nothing).
    /// </summary>
    private static void SetField(ContentItem item, ContentTypeDefinition type, ContentFieldDefinition definition, ContentField? field)
    {
        if (field is not null)
        {
            if (item.Content[type.Name] is not JsonObject part)
            {
                part = [];
                item.Content[type.Name] = part;
            }
            var node = System.Text.Json.JsonSerializer.SerializeToNode(field, field.GetType(), ContentJson.Options);
            if (!JsonNode.DeepEquals(part[definition.Name], node))
            {
                part[definition.Name] = node;
            }
        }
        else if (item.Content[type.Name] is JsonObject part && part[definition.Name] is { } stored
                 && (definition.Required || !IsEmpty(stored, definition.Type)))
        {
            part.Remove(definition.Name);
        }
    }

    private static TField? StoredField<TField>(ContentItem item, ContentTypeDefinition type, ContentFieldDefinition definition) where TField : ContentField
    {
        try
        {
            return item.Field<TField>(type.Name, definition.Name);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsEmpty(JsonNode stored, string fieldType)
    {
        try
        {
            return fieldType switch
            {
                nameof(TextField) => string.IsNullOrWhiteSpace(stored.Deserialize<TextField>(ContentJson.Options)?.Text),
                nameof(NumericField) => stored.Deserialize<NumericField>(ContentJson.Options)?.Value is null,
                nameof(DateField) => stored.Deserialize<DateField>(ContentJson.Options)?.Value is null,
                nameof(LinkField) => string.IsNullOrWhiteSpace(stored.Deserialize<LinkField>(ContentJson.Options)?.Url),
                nameof(ContentPickerField) => stored.Deserialize<ContentPickerField>(ContentJson.Options)?.ContentItemIds is null or { Count: 0 },
                _ => false,
            };
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private void ApplyEditions(OfferingInput form, ContentItem item, FormErrors errors, IndexMap map)
    {
        var part = new EditionsPart();
        var editions = form.Editions ?? [];
        for (var e = 0; e < editions.Count; e++)
        {
            var input = editions[e];
            if (input.IsBlank)
            {
                continue;
            }
            var edition = new Edition
            {
                EditionId = input.EditionId?.Trim() ?? "",
                Name = input.Name?.Trim() ?? "",
            };
            if (edition.EditionId.Length > MaxEditionIdLength)
            {
                errors.Add(null, T["Een groep heeft een ongeldige id."]);
                edition.EditionId = "";
            }
            if (edition.Name.Length > MaxEditionNameLength)
            {
                errors.Add(FormNames.Edition(e, "Name"), T["De naam van de groep is te lang (maximaal {0} tekens).", MaxEditionNameLength]);
            }
            if (string.IsNullOrWhiteSpace(input.Capacity))
            {
                errors.Add(FormNames.Edition(e, "Capacity"), T["Vul het aantal plaatsen in."]);
                edition.Capacity = 1;
            }
            else if (!DutchInput.TryParseInt(input.Capacity, out var capacity))
            {
                errors.Add(FormNames.Edition(e, "Capacity"), T["Het aantal plaatsen moet een heel getal zijn, bijvoorbeeld 12."]);
                edition.Capacity = 1;
            }
            else
            {
                edition.Capacity = capacity;
            }
            edition.TrainerEmails = ParseTrainerEmails(input.TrainerEmails, FormNames.Edition(e, "TrainerEmails"), errors);

            var sessionMap = new List<int>();
            var sessions = input.Sessions ?? [];
            for (var s = 0; s < sessions.Count; s++)
            {
                var sessionInput = sessions[s];
                if (sessionInput.IsBlank)
                {
                    continue;
                }
                edition.Sessions.Add(ParseSession(sessionInput, e, s, errors));
                sessionMap.Add(s);
            }
            part.Editions.Add(edition);
            map.Editions.Add(e);
            map.Sessions.Add(sessionMap);
        }
        item.Apply(part);
    }

    /// <summary>E-mail addresses one per line or separated by commas (or semicolons), lower-cased, each once, in the order given.</summary>
    private List<string> ParseTrainerEmails(string? text, string field, FormErrors errors)
    {
        var entries = (text ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var emails = entries.Select(e => e.ToLowerInvariant()).Distinct().ToList();
        if (entries.FirstOrDefault(e => !DutchInput.IsEmail(e)) is { } bad)
        {
            errors.Add(field, T["'{0}' is geen geldig e-mailadres. Vul de e-mailadressen van de trainers in, één per regel, bijvoorbeeld trainer@example.nl.", bad]);
            return [];
        }
        if (emails.Count > MaxTrainersPerEdition)
        {
            errors.Add(field, T["Vul hoogstens {0} trainers per groep in.", MaxTrainersPerEdition]);
            return [];
        }
        return emails;
    }

    private Session ParseSession(SessionInput input, int e, int s, FormErrors errors)
    {
        var session = new Session
        {
            SessionId = input.SessionId?.Trim() ?? "",
            Location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim(),
            Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim(),
            OnlineUrl = string.IsNullOrWhiteSpace(input.OnlineUrl) ? null : input.OnlineUrl.Trim(),
        };
        if (session.SessionId.Length > MaxSessionIdLength)
        {
            errors.Add(null, T["Een bijeenkomst heeft een ongeldige id."]);
            session.SessionId = "";
        }
        if (session.Place?.Length > MaxPlaceLength)
        {
            errors.Add(FormNames.Session(e, s, "Place"), T["De plaatsnaam is te lang (maximaal {0} tekens).", MaxPlaceLength]);
        }
        if (session.Location?.Length > MaxLocationLength)
        {
            errors.Add(FormNames.Session(e, s, "Location"), T["De locatie is te lang (maximaal {0} tekens).", MaxLocationLength]);
        }

        var dateOk = false;
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            errors.Add(FormNames.Session(e, s, "Date"), T["Vul de datum van de bijeenkomst in, bijvoorbeeld 15-09-2026."]);
        }
        else if (!(dateOk = DutchInput.TryParseDate(input.Date, out date)))
        {
            errors.Add(FormNames.Session(e, s, "Date"), T["De datum '{0}' bestaat niet. Vul de datum in als dd-mm-jjjj, bijvoorbeeld 15-09-2026.", input.Date.Trim()]);
        }
        var start = ParseTime(input.StartTime, FormNames.Session(e, s, "StartTime"), T["begintijd"], errors);
        var end = ParseTime(input.EndTime, FormNames.Session(e, s, "EndTime"), T["eindtijd"], errors);
        var endDate = date;
        var endDateOk = true;
        if (!string.IsNullOrWhiteSpace(input.EndDate) && !(endDateOk = DutchInput.TryParseDate(input.EndDate, out endDate)))
        {
            errors.Add(FormNames.Session(e, s, "EndDate"), T["De einddatum '{0}' bestaat niet. Vul de datum in als dd-mm-jjjj, of laat het veld leeg als de bijeenkomst op dezelfde dag eindigt.", input.EndDate.Trim()]);
        }
        else if (string.IsNullOrWhiteSpace(input.EndDate))
        {
            endDate = date;
        }

        // Placeholders that pass the model's checks, so only the real problem is reported.
        session.Start = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        session.End = session.Start.AddHours(1);
        if (dateOk && endDateOk && start is { } startTime && end is { } endTime)
        {
            var startOk = DutchInput.TryToUtc(date, startTime, out var startUtc);
            var endOk = DutchInput.TryToUtc(endDate, endTime, out var endUtc);
            if (!startOk)
            {
                errors.Add(FormNames.Session(e, s, "StartTime"), T["De begintijd bestaat niet op deze dag: de klok gaat dan een uur vooruit."]);
            }
            if (!endOk)
            {
                errors.Add(FormNames.Session(e, s, "EndTime"), T["De eindtijd bestaat niet op deze dag: de klok gaat dan een uur vooruit."]);
            }
            if (startOk && endOk)
            {
                session.Start = startUtc;
                session.End = endUtc;
            }
        }
        return session;
    }

    private TimeOnly? ParseTime(string? text, string field, string what, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, T["Vul de {0} in, bijvoorbeeld 09:30.", what]);
            return null;
        }
        if (!DutchInput.TryParseTime(text, out var time))
        {
            errors.Add(field, T["De {0} '{1}' is geen geldige tijd. Vul de tijd in als uu:mm, bijvoorbeeld 09:30.", what, text.Trim()]);
            return null;
        }
        return time;
    }

    // ------------------------------------------------------------ validation keys → form fields

    /// <summary>Adds the content manager's messages to <paramref name="errors"/>, under the form field they are about.</summary>
    public static void AddValidation(IEnumerable<KeyValuePair<string, string>> validation, ContentTypeDefinition type, IndexMap map, FormErrors errors)
    {
        foreach (var (key, message) in validation)
        {
            errors.Add(FieldFor(key, type, map), message);
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
            case "OfferingPart.CancellationDays": return "CancellationDays";
            case "EditionsPart.Editions": return "Editions";
        }
        if (key.StartsWith(type.Name + ".", StringComparison.Ordinal))
        {
            var fieldName = key[(type.Name.Length + 1)..];
            var definition = type.Fields.FirstOrDefault(f => f.Name == fieldName);
            if (definition is not null && map.Fields.TryGetValue(fieldName, out var index))
            {
                return FormNames.Field(index, definition.Type == nameof(LinkField) ? "Url" : "Value");
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
                "Name" => FormNames.Edition(formEdition, "Name"),
                "Capacity" => FormNames.Edition(formEdition, "Capacity"),
                "Sessions" => FormNames.Edition(formEdition, "Sessions"),
                _ => null,
            };
        }
        var s = int.Parse(match.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (s >= map.Sessions[e].Count)
        {
            return FormNames.Edition(formEdition, "Sessions");
        }
        var formSession = map.Sessions[e][s];
        return match.Groups["sprop"].Value switch
        {
            "Start" => FormNames.Session(formEdition, formSession, "StartTime"),
            "End" => FormNames.Session(formEdition, formSession, "EndTime"),
            "Location" => FormNames.Session(formEdition, formSession, "Location"),
            "Place" => FormNames.Session(formEdition, formSession, "Place"),
            "OnlineUrl" => FormNames.Session(formEdition, formSession, "OnlineUrl"),
            "SessionId" => null,
            _ => FormNames.Session(formEdition, formSession, "Date"),
        };
    }

    [GeneratedRegex(@"^EditionsPart\.Editions\[(?<e>\d{1,6})\](\.(?<prop>\w+)(\[(?<s>\d{1,6})\](\.(?<sprop>\w+))?)?)?$")]
    private static partial Regex EditionKey();
}
