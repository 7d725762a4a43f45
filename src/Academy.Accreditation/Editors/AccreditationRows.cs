using Academy.Accreditation.Abstractions;
using System.Text.Json.Nodes;
using Academy.Accreditation.Models;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Core.Text;
using Microsoft.Extensions.Localization;

namespace Academy.Accreditation.Editors;

/// <summary>Parses the posted accreditation rows into the part: what does not parse becomes a Dutch message at its field.</summary>
/// <param name="known">The registers an accreditation may name; any other register id is an error.</param>
internal sealed class AccreditationRows(IStringLocalizer T, IReadOnlyDictionary<string, RegisterSummary> known)
{
    /// <summary>The form owns the accreditations: the non-blank rows replace the stored list (written only when it changed).</summary>
    public void Apply(IReadOnlyList<AccreditationInput> rows, JsonObject node, AccreditationPart stored, FormErrors errors)
    {
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
            var accreditation = Parse(input, a, errors, out var rowValid);
            valid &= rowValid;
            if (accreditation.RegisterId.Length > 0 && !firstRow.TryAdd(accreditation.RegisterId, a))
            {
                errors.Add(AccreditationPartDriver.Row(a, "RegisterId"),
                    T["Dit register staat al bij accreditatie {0}. Geef per register één accreditatie.", firstRow[accreditation.RegisterId] + 1]);
                valid = false;
            }
            parsed.Add(accreditation);
        }
        if (!valid || SameAccreditations(stored.Accreditations, parsed))
        {
            return;
        }
        node[nameof(AccreditationPart.Accreditations)] = new JsonArray([.. parsed.Select(AccreditationNode)]);
    }

    private OfferingAccreditation Parse(AccreditationInput input, int a, FormErrors errors, out bool valid)
    {
        var errorCount = errors.Count;
        var accreditation = new OfferingAccreditation
        {
            RegisterId = input.RegisterId?.Trim() ?? "",
            Code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim(),
        };
        if (accreditation.RegisterId.Length == 0)
        {
            errors.Add(AccreditationPartDriver.Row(a, "RegisterId"), T["Kies het register van deze accreditatie."]);
        }
        else if (!known.ContainsKey(accreditation.RegisterId))
        {
            errors.Add(AccreditationPartDriver.Row(a, "RegisterId"), T["Het register '{0}' bestaat niet. Kies een register uit de lijst.", accreditation.RegisterId]);
        }

        var hoursField = AccreditationPartDriver.Row(a, "Hours");
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
        else if (hours > AccreditationPartHandler.MaxHours)
        {
            errors.Add(hoursField, T["Het aantal uren of punten mag hoogstens {0} zijn.", DutchInput.FormatNumber(AccreditationPartHandler.MaxHours)]);
        }
        else if (decimal.Round(hours, 2) != hours)
        {
            errors.Add(hoursField, T["Gebruik voor de uren of punten hoogstens twee cijfers achter de komma, bijvoorbeeld 1,25."]);
        }
        else
        {
            accreditation.Hours = hours;
        }

        if (accreditation.Code?.Length > AccreditationPartDriver.MaxCodeLength)
        {
            errors.Add(AccreditationPartDriver.Row(a, "Code"), T["De accreditatiecode is te lang (maximaal {0} tekens).", AccreditationPartDriver.MaxCodeLength]);
        }
        accreditation.ValidFrom = ParseOptionalDate(input.ValidFrom, AccreditationPartDriver.Row(a, "ValidFrom"), errors);
        accreditation.ValidTo = ParseOptionalDate(input.ValidTo, AccreditationPartDriver.Row(a, "ValidTo"), errors);
        if (accreditation.ValidFrom > accreditation.ValidTo)
        {
            errors.Add(AccreditationPartDriver.Row(a, "ValidTo"), T["De accreditatie is geldig tot een datum die vóór de begindatum ligt. Vul een latere einddatum in."]);
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
        if (accreditation.ValidFrom is { } from) node[nameof(OfferingAccreditation.ValidFrom)] = DateNode(from);
        if (accreditation.ValidTo is { } to) node[nameof(OfferingAccreditation.ValidTo)] = DateNode(to);
        return node;
    }

    private static JsonNode? DateNode(DateOnly date) => System.Text.Json.JsonSerializer.SerializeToNode(date, ContentJson.Options);
}
