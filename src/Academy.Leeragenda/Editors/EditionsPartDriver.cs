using System.Text.RegularExpressions;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Recipes;
using Academy.Core.Text;
using Academy.Leeragenda.Models;
using Microsoft.Extensions.Localization;

namespace Academy.Leeragenda.Editors;

/// <summary>What the groups-and-sessions editor posts; everything is text, parsed by the driver.</summary>
public sealed class EditionsPartInput
{
    public List<EditionInput>? Editions { get; set; } = [];
}

public sealed class EditionInput
{
    public string? EditionId { get; set; }
    public string? Name { get; set; }
    public string? Capacity { get; set; }
    /// <summary>Trainers' e-mail addresses, one per line or separated by commas.</summary>
    public string? TrainerEmails { get; set; }
    public List<SessionInput>? Sessions { get; set; } = [];

    public bool IsBlank => string.IsNullOrWhiteSpace(EditionId) && string.IsNullOrWhiteSpace(Name)
        && string.IsNullOrWhiteSpace(Capacity) && string.IsNullOrWhiteSpace(TrainerEmails) && (Sessions ?? []).All(s => s.IsBlank);
}

public sealed class SessionInput
{
    public string? SessionId { get; set; }
    /// <summary>Amsterdam local date, dd-mm-jjjj.</summary>
    public string? Date { get; set; }
    /// <summary>Amsterdam local time, uu:mm.</summary>
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    /// <summary>Only for a session that ends on a later day (e.g. an e-learning period); empty means the same day.</summary>
    public string? EndDate { get; set; }
    public string? Location { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(SessionId) && string.IsNullOrWhiteSpace(Date)
        && string.IsNullOrWhiteSpace(StartTime) && string.IsNullOrWhiteSpace(EndTime) && string.IsNullOrWhiteSpace(EndDate)
        && string.IsNullOrWhiteSpace(Location) && string.IsNullOrWhiteSpace(Place) && string.IsNullOrWhiteSpace(OnlineUrl);
}

/// <summary>
/// The editor of <see cref="EditionsPart"/>: the groups (editions) with their capacity, trainers and sessions. Adding and
/// removing groups and sessions are row commands (submit buttons), so it works without JavaScript. After the offering's
/// other parts and fields (position 90).
/// </summary>
public sealed partial class EditionsPartDriver(IStringLocalizer<EditionsPartDriver> T) : ContentPartDriver<EditionsPart, EditionsPartInput>
{
    public const int MaxEditionNameLength = 200;
    public const int MaxPlaceLength = 100;
    public const int MaxLocationLength = 300;
    public const int MaxEditionIdLength = 100;
    public const int MaxSessionIdLength = 120;
    public const int MaxTrainersPerEdition = 20;
    private static readonly string[] SessionProperties = ["Date", "StartTime", "EndTime", "EndDate", "Location", "Place", "OnlineUrl"];

    /// <summary>Where each stored edition and session came from in the form (blank rows are skipped); set by the last update.</summary>
    private readonly List<int> _editionRows = [];
    private readonly List<List<int>> _sessionRows = [];

    public override int Position => 90;
    public override string EditorView => "~/Views/EditionsPart/Edit.cshtml";

    public static string Edition(int e, string property) => $"Editions[{e}].{property}";

    public static string Session(int e, int s, string property) => $"Editions[{e}].Sessions[{s}].{property}";

    public static EditionInput NewEdition() => new() { Sessions = [new SessionInput()] };

    protected override EditionsPartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew) => new()
    {
        // A new item starts with one empty group with one empty session to fill in.
        Editions = isNew ? [NewEdition()] : item.As<EditionsPart>().Editions.Select(e => new EditionInput
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

    protected override void Normalize(EditionsPartInput input)
    {
        input.Editions = (input.Editions ?? []).Where(e => e is not null).ToList();
        foreach (var edition in input.Editions)
        {
            edition.Sessions = (edition.Sessions ?? []).Where(s => s is not null).ToList();
        }
    }

    protected override bool Command(PartEditor editor, EditionsPartInput input, string command, IReadOnlyList<string> arguments)
    {
        var editions = input.Editions!;
        int Index(int position) => arguments.Count > position && int.TryParse(arguments[position], out var n) ? n : -1;
        switch (command)
        {
            case "add-edition":
                editions.Add(NewEdition());
                editor.FocusId = FormNames.Id(Edition(editions.Count - 1, "Name"));
                editor.Notice = T["Groep {0} is toegevoegd.", editions.Count];
                return true;
            case "add-session" when Index(0) is var e && e >= 0 && e < editions.Count:
                editions[e].Sessions!.Add(new SessionInput());
                editor.FocusId = FormNames.Id(Session(e, editions[e].Sessions!.Count - 1, "Date"));
                editor.Notice = T["Bijeenkomst {0} is toegevoegd aan groep {1}.", editions[e].Sessions!.Count, e + 1];
                return true;
            case "remove-edition" when Index(0) is var e && e >= 0 && e < editions.Count:
                editions.RemoveAt(e);
                editor.FocusId = "groep-toevoegen";
                editor.Notice = T["Groep {0} is verwijderd. De wijziging is nog niet opgeslagen.", e + 1];
                return true;
            case "remove-session" when Index(0) is var e && e >= 0 && e < editions.Count
                                       && Index(1) is var s && s >= 0 && s < editions[e].Sessions!.Count:
                editions[e].Sessions!.RemoveAt(s);
                editor.FocusId = $"bijeenkomst-toevoegen-{e + 1}";
                editor.Notice = T["Bijeenkomst {0} van groep {1} is verwijderd. De wijziging is nog niet opgeslagen.", s + 1, e + 1];
                return true;
            default:
                return false;
        }
    }

    protected override IEnumerable<string> FieldOrder(EditionsPartInput input)
    {
        yield return "Editions";
        var editions = input.Editions ?? [];
        for (var e = 0; e < editions.Count; e++)
        {
            yield return Edition(e, "Name");
            yield return Edition(e, "Capacity");
            yield return Edition(e, "TrainerEmails");
            yield return Edition(e, "Sessions");
            var sessions = editions[e].Sessions ?? [];
            for (var s = 0; s < sessions.Count; s++)
            {
                foreach (var property in SessionProperties)
                {
                    yield return Session(e, s, property);
                }
            }
        }
    }

    /// <summary>The form field a validation key ("EditionsPart.Editions[0].Sessions[1].End") is about, through the rows of the last update.</summary>
    public override string? FieldFor(string validationKey)
    {
        if (validationKey == "EditionsPart.Editions")
        {
            return "Editions";
        }
        var match = EditionKey().Match(validationKey);
        if (!match.Success)
        {
            return null;
        }
        var e = int.Parse(match.Groups["e"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (e >= _editionRows.Count)
        {
            return "Editions";
        }
        var formEdition = _editionRows[e];
        if (!match.Groups["s"].Success)
        {
            return match.Groups["prop"].Value switch
            {
                "Name" => Edition(formEdition, "Name"),
                "Capacity" => Edition(formEdition, "Capacity"),
                "Sessions" => Edition(formEdition, "Sessions"),
                _ => null,
            };
        }
        var s = int.Parse(match.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (s >= _sessionRows[e].Count)
        {
            return Edition(formEdition, "Sessions");
        }
        var formSession = _sessionRows[e][s];
        return match.Groups["sprop"].Value switch
        {
            "Start" => Session(formEdition, formSession, "StartTime"),
            "End" => Session(formEdition, formSession, "EndTime"),
            "Location" => Session(formEdition, formSession, "Location"),
            "Place" => Session(formEdition, formSession, "Place"),
            "OnlineUrl" => Session(formEdition, formSession, "OnlineUrl"),
            "SessionId" => null,
            _ => Session(formEdition, formSession, "Date"),
        };
    }

    [GeneratedRegex(@"^EditionsPart\.Editions\[(?<e>\d{1,6})\](\.(?<prop>\w+)(\[(?<s>\d{1,6})\](\.(?<sprop>\w+))?)?)?$")]
    private static partial Regex EditionKey();
}
