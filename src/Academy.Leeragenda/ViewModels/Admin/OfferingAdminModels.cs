using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Accreditation.Abstractions;
using Academy.Users.Abstractions;

namespace Academy.Leeragenda.ViewModels.Admin;

// ---------------------------------------------------------------- what the edit form posts
// Everything is a string: the controller parses it itself, so malformed input ("abc", "32-13-2026")
// becomes a Dutch message next to the field instead of a model-binding failure.

/// <summary>The posted offering form. Field names in the HTML are exactly these property paths.</summary>
public sealed class OfferingInput
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Markdown { get; set; }
    public string? OrganiserId { get; set; }
    public List<string>? Themes { get; set; } = [];
    public List<string>? Audiences { get; set; } = [];
    /// <summary>fysiek | online | hybride</summary>
    public string? Form { get; set; }
    /// <summary>Dutch notation: "95,00".</summary>
    public string? Cost { get; set; }
    public string? CostNote { get; set; }
    /// <summary>"true" when the leer-coördinator approves each enrolment (a checkbox).</summary>
    public string? RequiresApproval { get; set; }
    /// <summary>Whole days before the first session until which participants may cancel; empty: until the start.</summary>
    public string? CancellationDays { get; set; }
    /// <summary>allsessions | minimumpercent | markedcomplete (the CompletionRuleKind, lower-cased, as Form is).</summary>
    public string? CompletionRule { get; set; }
    /// <summary>Whole percent 1–100; only read with "minimumpercent".</summary>
    public string? CompletionPercent { get; set; }
    /// <summary>Hours or points per register; blank rows are ignored.</summary>
    public List<AccreditationInput>? Accreditations { get; set; } = [];
    /// <summary>The type-level fields, in the order of the type definition.</summary>
    public List<FieldInput>? Fields { get; set; } = [];
    public List<EditionInput>? Editions { get; set; } = [];
}

public sealed class FieldInput
{
    /// <summary>The field's technical name (hidden input), so values follow their field.</summary>
    public string? Name { get; set; }
    /// <summary>Text, number, date (dd-mm-jjjj), "true" for a checkbox, or a content item id for a picker.</summary>
    public string? Value { get; set; }
    /// <summary>LinkField only.</summary>
    public string? Url { get; set; }
    /// <summary>LinkField only.</summary>
    public string? Text { get; set; }
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

// ---------------------------------------------------------------- errors keyed by form field name

/// <summary>Validation messages keyed by form field name ("Editions[0].Sessions[1].EndTime"); the first message per field wins.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _general = [];

    public bool Any => _fields.Count > 0 || _general.Count > 0;

    public int Count => _fields.Count + _general.Count;

    public IReadOnlyList<string> General => _general;

    public IReadOnlyDictionary<string, string> Fields => _fields;

    public void Add(string? field, string message)
    {
        if (field is null)
        {
            if (!_general.Contains(message))
            {
                _general.Add(message);
            }
            return;
        }
        _fields.TryAdd(field, message);
    }

    public bool Has(string field) => _fields.ContainsKey(field);

    public string? For(string field) => _fields.GetValueOrDefault(field);
}

/// <summary>Form field names and the HTML ids derived from them (the same ids MVC would generate).</summary>
public static class FormNames
{
    public static string Id(string name) => name.Replace('[', '_').Replace(']', '_').Replace('.', '_');

    public static string Field(int index, string property) => $"Fields[{index}].{property}";

    public static string Edition(int e, string property) => $"Editions[{e}].{property}";

    public static string Session(int e, int s, string property) => $"Editions[{e}].Sessions[{s}].{property}";

    public static string Accreditation(int a, string property) => $"Accreditations[{a}].{property}";
}

// ---------------------------------------------------------------- list page

public enum OfferingStatus
{
    Concept,
    Published,
    PublishedWithDraft,
}

public sealed record OfferingListRow(
    string ContentItemId,
    string Title,
    string TypeName,
    string TypeDisplayName,
    OfferingStatus Status,
    DateTime? NextSessionUtc,
    DateTime ModifiedUtc);

public sealed class OfferingListViewModel
{
    public string? Query { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public int Page { get; init; } = 1;
    public int PageCount { get; init; } = 1;
    public int Total { get; init; }
    public IReadOnlyList<ContentTypeDefinition> Types { get; init; } = [];
    public IReadOnlyList<OfferingListRow> Rows { get; init; } = [];
    public string? Notice { get; init; }
    public bool CanCreate { get; init; }

    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query)) query.Add("q=" + Uri.EscapeDataString(Query));
        if (!string.IsNullOrWhiteSpace(Type)) query.Add("type=" + Uri.EscapeDataString(Type));
        if (!string.IsNullOrWhiteSpace(Status)) query.Add("status=" + Uri.EscapeDataString(Status));
        if (page > 1) query.Add("page=" + page);
        return "/admin/aanbod" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}

public sealed class ChooseTypeViewModel
{
    public IReadOnlyList<ContentTypeDefinition> Types { get; init; } = [];
    public string? Error { get; init; }
}

// ---------------------------------------------------------------- edit page

public sealed record PickerOption(string ContentItemId, string Title);

public sealed class OfferingEditViewModel
{
    public bool IsNew { get; init; }
    public string ContentItemId { get; init; } = "";
    public ContentTypeDefinition Type { get; init; } = new();
    public OfferingInput Input { get; init; } = new();
    public FormErrors Errors { get; init; } = new();
    public string FormAction { get; init; } = "";
    public OfferingStatus? Status { get; init; }
    public string? PublicPath { get; init; }
    public bool CanPublish { get; init; }
    public string? FocusId { get; init; }
    public string? Notice { get; init; }
    public string? ErrorNotice { get; init; }
    public string? SavedTitle { get; init; }
    public IReadOnlyList<OrganisationInfo> Organisations { get; init; } = [];
    public IReadOnlyList<TaxonomyTerm> ThemeTerms { get; init; } = [];
    public IReadOnlyList<TaxonomyTerm> AudienceTerms { get; init; } = [];
    public IReadOnlyList<PickerOption> PickerOptions { get; init; } = [];
    /// <summary>The registers an accreditation can be for (empty without the accreditation module).</summary>
    public IReadOnlyList<RegisterSummary> Registers { get; init; } = [];

    public bool HasPart(string part) => Type.Parts.Contains(part);

    public ContentFieldDefinition? Definition(FieldInput field) => Type.Fields.FirstOrDefault(f => f.Name == field.Name);

    /// <summary>Form field names in the order they appear, so the error summary follows the page.</summary>
    public IEnumerable<string> FieldOrder()
    {
        yield return "Title";
        yield return "Slug";
        yield return "Summary";
        yield return "Markdown";
        yield return "OrganiserId";
        yield return "Themes";
        yield return "Audiences";
        yield return "Form";
        yield return "Cost";
        yield return "CostNote";
        yield return "RequiresApproval";
        yield return "CancellationDays";
        yield return "CompletionRule";
        yield return "CompletionPercent";
        yield return "Accreditations";
        var accreditations = Input.Accreditations ?? [];
        for (var a = 0; a < accreditations.Count; a++)
        {
            foreach (var property in new[] { "RegisterId", "Hours", "Code", "ValidFrom", "ValidTo" })
            {
                yield return FormNames.Accreditation(a, property);
            }
        }
        var fields = Input.Fields ?? [];
        for (var i = 0; i < fields.Count; i++)
        {
            yield return FormNames.Field(i, "Value");
            yield return FormNames.Field(i, "Url");
            yield return FormNames.Field(i, "Text");
        }
        yield return "Editions";
        var editions = Input.Editions ?? [];
        for (var e = 0; e < editions.Count; e++)
        {
            yield return FormNames.Edition(e, "Name");
            yield return FormNames.Edition(e, "Capacity");
            yield return FormNames.Edition(e, "TrainerEmails");
            yield return FormNames.Edition(e, "Sessions");
            var sessions = editions[e].Sessions ?? [];
            for (var s = 0; s < sessions.Count; s++)
            {
                foreach (var property in new[] { "Date", "StartTime", "EndTime", "EndDate", "Location", "Place", "OnlineUrl" })
                {
                    yield return FormNames.Session(e, s, property);
                }
            }
        }
    }

    /// <summary>The error summary: general messages first, then field messages in page order, each with the id to link to.</summary>
    public IReadOnlyList<(string? TargetId, string Message)> Summary()
    {
        var list = Errors.General.Select(m => ((string?)null, m)).ToList();
        var order = FieldOrder().Select((name, index) => (name, index)).ToDictionary(x => x.name, x => x.index);
        foreach (var (field, message) in Errors.Fields.OrderBy(f => order.GetValueOrDefault(f.Key, int.MaxValue)))
        {
            list.Add((TargetId(field), message));
        }
        return list;
    }

    /// <summary>The id of the control an error about <paramref name="field"/> should lead to.</summary>
    public string TargetId(string field) => field switch
    {
        "Themes" => ThemeTerms.Count > 0 ? "Themes_0" : "Themes",
        "Audiences" => AudienceTerms.Count > 0 ? "Audiences_0" : "Audiences",
        "Form" => "Form_fysiek",
        "CompletionRule" => "CompletionRule_allsessions",
        _ => FormNames.Id(field),
    };

    /// <summary>The aria-describedby value for a control: its hint and its error message, when present.</summary>
    public string? DescribedBy(string field, bool hasHint)
    {
        var id = FormNames.Id(field);
        var parts = new List<string>();
        if (hasHint) parts.Add(id + "-hint");
        if (Errors.Has(field)) parts.Add(id + "-fout");
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}

public sealed class OfferingDeleteViewModel
{
    public string ContentItemId { get; init; } = "";
    public string Title { get; init; } = "";
    public string TypeDisplayName { get; init; } = "";
    public bool IsPublished { get; init; }
}

public sealed record PreviewSession(DateTime StartLocal, DateTime EndLocal, string? Location, string? Place, string? OnlineUrl);

public sealed record PreviewEdition(string Name, int Capacity, IReadOnlyList<PreviewSession> Sessions, IReadOnlyList<string> TrainerEmails);

public sealed record PreviewField(string Label, string? Text, string? Url);

public sealed class OfferingPreviewViewModel
{
    public string ContentItemId { get; init; } = "";
    public string Title { get; init; } = "";
    public string TypeDisplayName { get; init; } = "";
    public bool IsPublishedVersion { get; init; }
    public string Summary { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public string? Organiser { get; init; }
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Audiences { get; init; } = [];
    public string Form { get; init; } = "";
    public decimal CostEuros { get; init; }
    public string? CostNote { get; init; }
    public string? Slug { get; init; }
    public IReadOnlyList<PreviewField> Fields { get; init; } = [];
    public IReadOnlyList<PreviewEdition> Editions { get; init; } = [];
    public DateTime ModifiedUtc { get; init; }
    /// <summary>"Alle bijeenkomsten bijgewoond", "Minimaal 80 % van de tijd aanwezig" or "Handmatig afgemeld".</summary>
    public string CompletionText { get; init; } = "";
    public IReadOnlyList<Academy.Leeragenda.Models.OfferingAccreditation> Accreditations { get; init; } = [];
    public IReadOnlyList<Academy.Accreditation.Abstractions.RegisterSummary> Registers { get; init; } = [];
}
