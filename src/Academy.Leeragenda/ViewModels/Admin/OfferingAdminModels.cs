using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Users.Abstractions;

namespace Academy.Leeragenda.ViewModels.Admin;

// ---------------------------------------------------------------- what the edit form posts
// Everything is a string: the controller parses it itself, so malformed input ("abc", "32-13-2026")
// becomes a Dutch message next to the field instead of a model-binding failure.

/// <summary>The offering form's own part: the type's fields (the parts post to their drivers' inputs). Field names in the HTML are these property paths.</summary>
public sealed class OfferingInput
{
    /// <summary>The type-level fields, in the order of the type definition.</summary>
    public List<FieldInput>? Fields { get; set; } = [];
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

/// <summary>The offering form's own field names (the part editors name theirs).</summary>
public static class OfferingFormNames
{
    public static string Field(int index, string property) => $"Fields[{index}].{property}";
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
    public IReadOnlyList<PickerOption> PickerOptions { get; init; } = [];
    /// <summary>The editors of the type's parts (each part's module's driver), in page order.</summary>
    public IReadOnlyList<PartEditor> PartEditors { get; init; } = [];

    /// <summary>Part editors below this position come before the type's own fields, the others after them.</summary>
    public const int FieldsPosition = 50;

    public bool HasPart(string part) => Type.Parts.Contains(part);

    public ContentFieldDefinition? Definition(FieldInput field) => Type.Fields.FirstOrDefault(f => f.Name == field.Name);

    /// <summary>Form field names in the order they appear, so the error summary follows the page.</summary>
    public IEnumerable<string> FieldOrder()
    {
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
    public string TargetId(string field) =>
        PartEditors.FirstOrDefault(e => e.Driver.FieldOrder(e.Input).Contains(field))?.Driver.TargetId(field) ?? FormNames.Id(field);

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
