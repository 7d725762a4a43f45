using Academy.Core.Content;
using Academy.Core.Content.Display;
using Microsoft.Extensions.Localization;

namespace Academy.Leeragenda.ViewModels.Admin;

/// <summary>
/// Moves the type's own fields (text, number, date, yes/no, link, picker) between an offering and the admin form, and
/// translates the content manager's validation keys into form field names: the type's own fields here, every part's keys
/// through its driver (<see cref="ContentPartEditors"/>). The parts themselves are edited by their drivers.
/// </summary>
public sealed partial class OfferingFormMapper(IStringLocalizer T)
{
    /// <summary>Where each type field's value came from in the form.</summary>
    public sealed class IndexMap
    {
        public Dictionary<string, int> Fields { get; } = new(StringComparer.Ordinal);
    }

    // ------------------------------------------------------------ item → form

    public static OfferingInput FromItem(ContentItem item, ContentTypeDefinition type) =>
        new() { Fields = type.Fields.Select(f => FieldFromItem(item, type, f)).ToList() };

    /// <summary>An empty form for a new item.</summary>
    public static OfferingInput NewForm(ContentTypeDefinition type) => new() { Fields = type.Fields.Select(f => new FieldInput { Name = f.Name }).ToList() };

    // ------------------------------------------------------------ posted form, tidied

    /// <summary>Makes the posted form safe to work with: one field input per defined field, in definition order.</summary>
    public static void Normalize(OfferingInput form, ContentTypeDefinition type)
    {
        var posted = (form.Fields ?? []).Where(f => f?.Name is not null).GroupBy(f => f.Name!).ToDictionary(g => g.Key, g => g.First());
        form.Fields = type.Fields.Select(d => posted.TryGetValue(d.Name, out var f) ? f : new FieldInput { Name = d.Name }).ToList();
    }

    // ------------------------------------------------------------ form → item

    /// <summary>Writes the form's field values into <paramref name="item"/>; what cannot be parsed becomes an error.</summary>
    public IndexMap ApplyTo(OfferingInput form, ContentItem item, ContentTypeDefinition type, FormErrors errors)
    {
        var map = new IndexMap();
        ApplyFields(form, item, type, errors, map);
        return map;
    }

    // ------------------------------------------------------------ validation keys → form fields

    /// <summary>Adds the content manager's messages to <paramref name="errors"/>, under the form field they are about.</summary>
    /// <param name="partFields">The parts' editors, asked first about their own keys.</param>
    public static void AddValidation(IEnumerable<KeyValuePair<string, string>> validation, ContentTypeDefinition type, IndexMap map, FormErrors errors,
        IEnumerable<PartEditor>? partFields = null)
    {
        foreach (var (key, message) in validation)
        {
            errors.Add(ContentPartEditors.FieldFor(partFields ?? [], key) ?? FieldFor(key, type, map), message);
        }
    }

    /// <summary>The form field of a type field's validation key ("Workshop.Materiaal"), or null for a message about the whole form.</summary>
    public static string? FieldFor(string key, ContentTypeDefinition type, IndexMap map)
    {
        if (!key.StartsWith(type.Name + ".", StringComparison.Ordinal))
        {
            return null;
        }
        var fieldName = key[(type.Name.Length + 1)..];
        var definition = type.Fields.FirstOrDefault(f => f.Name == fieldName);
        return definition is not null && map.Fields.TryGetValue(fieldName, out var index)
            ? OfferingFormNames.Field(index, definition.Type == nameof(LinkField) ? "Url" : "Value")
            : null;
    }
}
