using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Users.Abstractions;
using Academy.Werkcentrum.Models;
using Academy.Werkcentrum.Services;

namespace Academy.Werkcentrum.Editors;

/// <summary>What the inlooppunt editor posts: address, one text per weekday ("09:00-12:30, 13:30-17:00"), exceptions as lines.</summary>
public sealed class WalkInPointPartInput
{
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? Place { get; set; }
    public string? Phone { get; set; }
    public string? AccessibilityNotes { get; set; }
    /// <summary>Seven texts, Monday first.</summary>
    public List<string?> Hours { get; set; } = [];
    /// <summary>One exception per line: "2026-12-25; gesloten; Eerste Kerstdag" or "2026-12-24; 09:00-12:00; Kerstavond".</summary>
    public string? Exceptions { get; set; }
    public List<string> PartnerIds { get; set; } = [];
}

/// <summary>The editor of <see cref="WalkInPointPart"/>.</summary>
public sealed class WalkInPointPartDriver(IOrganisationDirectory organisations) : ContentPartDriver<WalkInPointPart, WalkInPointPartInput>
{
    public const string Closed = "gesloten";

    public override int Position => 10;
    public override string EditorView => "~/Views/WerkcentrumParts/WalkInPoint.cshtml";

    protected override WalkInPointPartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew)
    {
        var part = item.As<WalkInPointPart>();
        return new()
        {
            Address = part.Address,
            Postcode = part.Postcode,
            Place = part.Place,
            Phone = part.Phone,
            AccessibilityNotes = part.AccessibilityNotes,
            Hours = OpeningHours.DayKeys.Select(d => (string?)string.Join(", ", part.OpeningHours.GetValueOrDefault(d) ?? [])).ToList(),
            Exceptions = string.Join("\n", part.Exceptions.Select(e =>
                $"{e.Date}; {(e.Hours.Count == 0 ? Closed : string.Join(", ", e.Hours))}; {e.Note}".TrimEnd(' ', ';'))),
            PartnerIds = [.. part.PartnerIds],
        };
    }

    protected override void Normalize(WalkInPointPartInput input)
    {
        input.Hours ??= [];
        while (input.Hours.Count < 7)
        {
            input.Hours.Add(null);
        }
        input.PartnerIds ??= [];
    }

    protected override Task UpdateAsync(WalkInPointPartInput input, ContentItem item, FormErrors errors)
    {
        var part = item.As<WalkInPointPart>();
        part.Address = Required(input.Address, nameof(input.Address), "Vul het adres in (straat en huisnummer).", errors);
        part.Postcode = (input.Postcode ?? "").Trim().ToUpperInvariant();
        part.Place = Required(input.Place, nameof(input.Place), "Vul de plaats in.", errors);
        part.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        part.AccessibilityNotes = string.IsNullOrWhiteSpace(input.AccessibilityNotes) ? null : input.AccessibilityNotes.Trim();
        part.OpeningHours = [];
        for (var i = 0; i < OpeningHours.DayKeys.Count; i++)
        {
            var texts = (input.Hours.ElementAtOrDefault(i) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (texts.Any(t => TimeRange.Parse(t) is null))
            {
                errors.Add($"Hours[{i}]", $"Schrijf de tijden op {OpeningHours.DayNames[i]} als 09:00-12:30, meerdere gescheiden door een komma.");
                continue;
            }
            if (texts.Length > 0)
            {
                part.OpeningHours[OpeningHours.DayKeys[i]] = OpeningHours.Periods(texts).Select(p => p.ToString()).ToList();
            }
        }
        part.Exceptions = [];
        foreach (var line in (input.Exceptions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ParseException(line) is { } exception)
            {
                part.Exceptions.Add(exception);
            }
            else
            {
                errors.Add(nameof(input.Exceptions), $"De regel '{line}' klopt niet. Schrijf bijvoorbeeld: 2026-12-25; gesloten; Eerste Kerstdag.");
            }
        }
        part.Exceptions = [.. part.Exceptions.OrderBy(e => e.Date, StringComparer.Ordinal)];
        part.PartnerIds = input.PartnerIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        item.Apply(part);
        return Task.CompletedTask;
    }

    public static OpeningException? ParseException(string line)
    {
        var fields = line.Split(';', 3, StringSplitOptions.TrimEntries);
        if (fields.Length < 2 || OpeningHours.ParseDate(fields[0]) is not { } date)
        {
            return null;
        }
        var hours = new List<string>();
        if (!string.Equals(fields[1], Closed, StringComparison.OrdinalIgnoreCase))
        {
            var texts = fields[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (texts.Length == 0 || texts.Any(t => TimeRange.Parse(t) is null))
            {
                return null;
            }
            hours = OpeningHours.Periods(texts).Select(p => p.ToString()).ToList();
        }
        return new OpeningException
        {
            Date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Hours = hours,
            Note = fields.Length > 2 && fields[2].Length > 0 ? fields[2] : null,
        };
    }

    public override async Task PrepareAsync(PartEditor editor) =>
        editor.Options = (await organisations.ListAsync()).Where(o => o.Kind != "werkgever").OrderBy(o => o.Name).ToList();

    protected override IEnumerable<string> FieldOrder(WalkInPointPartInput input) =>
        new[] { nameof(input.Address), nameof(input.Postcode), nameof(input.Place), nameof(input.Phone) }
            .Concat(Enumerable.Range(0, 7).Select(i => $"Hours[{i}]"))
            .Concat([nameof(input.Exceptions), nameof(input.AccessibilityNotes)]);

    public override string? FieldFor(string validationKey) => validationKey switch
    {
        "WalkInPointPart.OpeningHours" => "Hours[0]",
        "WalkInPointPart.Exceptions" => nameof(WalkInPointPartInput.Exceptions),
        _ => null,
    };

    internal static string Required(string? value, string field, string message, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, message);
            return "";
        }
        return value.Trim();
    }
}
