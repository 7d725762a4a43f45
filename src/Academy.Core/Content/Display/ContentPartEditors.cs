using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Content.Display;

/// <summary>
/// Composes the editors of a content type's parts from the registered drivers: the content editor asks this for the
/// parts of the type it edits, renders each with its module's partial, and lets each validate and apply its own fields.
/// </summary>
public sealed class ContentPartEditors(IEnumerable<IContentPartDriver> drivers)
{
    /// <summary>The drivers of the parts <paramref name="type"/> has, in page order.</summary>
    public IReadOnlyList<IContentPartDriver> DriversFor(ContentTypeDefinition type) =>
        drivers.Where(d => type.Parts.Contains(d.PartName)).OrderBy(d => d.Position).ThenBy(d => d.PartName, StringComparer.Ordinal).ToList();

    /// <summary>Editors filled from the stored item (or empty ones for a new item).</summary>
    public IReadOnlyList<PartEditor> Edit(ContentItem item, ContentTypeDefinition type, bool isNew, FormErrors errors) =>
        DriversFor(type).Select(d => new PartEditor(d, d.Edit(item, type, isNew), errors)).ToList();

    /// <summary>Editors filled from the posted form; <paramref name="bind"/> binds one input object (the controller's model binder).</summary>
    public async Task<IReadOnlyList<PartEditor>> BindAsync(ContentTypeDefinition type, Func<object, Type, Task> bind, FormErrors errors)
    {
        var editors = new List<PartEditor>();
        foreach (var driver in DriversFor(type))
        {
            var input = Activator.CreateInstance(driver.InputType)!;
            await bind(input, driver.InputType);
            driver.Normalize(input);
            editors.Add(new PartEditor(driver, input, errors));
        }
        return editors;
    }

    /// <summary>The displays of the item's parts (facts on its page), in page order.</summary>
    public async Task<IReadOnlyList<PartDisplay>> DisplayAsync(ContentItem item, ContentTypeDefinition type, string displayType)
    {
        var displays = new List<PartDisplay>();
        foreach (var driver in DriversFor(type))
        {
            if (await driver.DisplayAsync(item, displayType) is { } display)
            {
                displays.Add(display);
            }
        }
        return displays;
    }

    /// <summary>Offers a row command ("remove-accreditation:1") to each editor; the one that handled it, or null.</summary>
    public static PartEditor? Command(IEnumerable<PartEditor> editors, string command)
    {
        var parts = command.Split(':');
        return editors.FirstOrDefault(e => e.Driver.Command(e, parts[0], parts[1..]));
    }

    /// <summary>Each editor validates its posted input and writes it into the item.</summary>
    public static async Task UpdateAsync(IEnumerable<PartEditor> editors, ContentItem item)
    {
        foreach (var editor in editors)
        {
            await editor.Driver.UpdateAsync(editor, item);
        }
    }

    public static async Task PrepareAsync(IEnumerable<PartEditor> editors)
    {
        foreach (var editor in editors)
        {
            await editor.Driver.PrepareAsync(editor);
        }
    }

    /// <summary>The error summary's items: messages about the whole form first, then field errors in page order, each linked to its control.</summary>
    public static IReadOnlyList<(string? TargetId, string Message)> ErrorSummary(IReadOnlyList<PartEditor> editors, FormErrors errors)
    {
        var order = editors.SelectMany(e => e.Driver.FieldOrder(e.Input)).ToList();
        return errors.General.Select(m => ((string?)null, m))
            .Concat(errors.Fields.OrderBy(f => order.IndexOf(f.Key) is var i && i < 0 ? int.MaxValue : i)
                .Select(f => ((string?)(editors.FirstOrDefault(e => e.Driver.FieldOrder(e.Input).Contains(f.Key))?.Driver.TargetId(f.Key) ?? FormNames.Id(f.Key)), f.Value)))
            .ToList();
    }

    /// <summary>The form field a content validation key is about, asked of each part's driver.</summary>
    public static string? FieldFor(IEnumerable<PartEditor> editors, string validationKey) =>
        editors.Select(e => e.Driver.FieldFor(validationKey)).FirstOrDefault(f => f is not null);
}

public static class ContentPartDriverServiceCollectionExtensions
{
    public static IServiceCollection AddContentPartDriver<TDriver>(this IServiceCollection services)
        where TDriver : class, IContentPartDriver
    {
        services.AddScoped<IContentPartDriver, TDriver>();
        return services;
    }
}
