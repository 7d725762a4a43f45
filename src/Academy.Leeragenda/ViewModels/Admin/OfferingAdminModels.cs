using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
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

/// <summary>The offering form's own field names (the part editors name theirs).</summary>
public static class OfferingFormNames
{
    public static string Field(int index, string property) => $"Fields[{index}].{property}";

    public static string Edition(int e, string property) => $"Editions[{e}].{property}";

    public static string Session(int e, int s, string property) => $"Editions[{e}].Sessions[{s}].{property}";
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

    /// <summary>The list's route values for <paramref name="page"/> with the current filters (for Url.RouteUrl).</summary>
    public Microsoft.AspNetCore.Routing.RouteValueDictionary PageValues(int page)
    {
        var values = new Microsoft.AspNetCore.Routing.RouteValueDictionary();
        if (!string.IsNullOrWhiteSpace(Query)) values["q"] = Query;
        if (!string.IsNullOrWhiteSpace(Type)) values["type"] = Type;
        if (!string.IsNullOrWhiteSpace(Status)) values["status"] = Status;
        if (page > 1) values["page"] = page;
        return values;
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
    /// <summary>The editors of the other parts of the type (other modules' drivers), in page order.</summary>
    public IReadOnlyList<PartEditor> PartEditors { get; init; } = [];

    /// <summary>Part editors below this position come before the type's own fields, the others after them.</summary>
    public const int FieldsPosition = 50;

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
        foreach (var editor in PartEditors.Where(e => e.Driver.Position < FieldsPosition))
        {
            foreach (var name in editor.Driver.FieldOrder(editor.Input))
            {
                yield return name;
            }
        }
        var fields = Input.Fields ?? [];
        for (var i = 0; i < fields.Count; i++)
        {
            yield return OfferingFormNames.Field(i, "Value");
            yield return OfferingFormNames.Field(i, "Url");
            yield return OfferingFormNames.Field(i, "Text");
        }
        foreach (var editor in PartEditors.Where(e => e.Driver.Position >= FieldsPosition))
        {
            foreach (var name in editor.Driver.FieldOrder(editor.Input))
            {
                yield return name;
            }
        }
        yield return "Editions";
        var editions = Input.Editions ?? [];
        for (var e = 0; e < editions.Count; e++)
        {
            yield return OfferingFormNames.Edition(e, "Name");
            yield return OfferingFormNames.Edition(e, "Capacity");
            yield return OfferingFormNames.Edition(e, "TrainerEmails");
            yield return OfferingFormNames.Edition(e, "Sessions");
            var sessions = editions[e].Sessions ?? [];
            for (var s = 0; s < sessions.Count; s++)
            {
                foreach (var property in new[] { "Date", "StartTime", "EndTime", "EndDate", "Location", "Place", "OnlineUrl" })
                {
                    yield return OfferingFormNames.Session(e, s, property);
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
        _ => PartEditors.FirstOrDefault(e => e.Driver.FieldOrder(e.Input).Contains(field))?.Driver.TargetId(field) ?? FormNames.Id(field),
    };

    /// <summary>The aria-describedby value for a control: its hint and its error message, when present.</summary>
    public string? DescribedBy(string field, bool hasHint) => FormNames.DescribedBy(Errors, field, hasHint);
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
    /// <summary>What the other parts of the item show among its facts (their modules' partials).</summary>
    public IReadOnlyList<PartDisplay> PartDisplays { get; init; } = [];
}
