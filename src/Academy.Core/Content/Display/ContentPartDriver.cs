namespace Academy.Core.Content.Display;

/// <summary>
/// The editor of one content part, owned by the part's module (Orchard Core's display driver): it builds the part's
/// form input from a stored item, renders it with the module's own partial view, and validates and applies the posted
/// form. A content editor composes the drivers of the parts its content type has, so no form knows every module.
/// Register with <c>services.AddContentPartDriver&lt;TDriver&gt;()</c>.
/// </summary>
public interface IContentPartDriver
{
    /// <summary>The part this driver edits; its editor appears only for types that have the part.</summary>
    string PartName { get; }

    /// <summary>Order among the composed editors, lower first.</summary>
    int Position { get; }

    /// <summary>The module's partial view; its model is the <see cref="PartEditor"/>.</summary>
    string EditorView { get; }

    /// <summary>The type of the posted form input the editor binds (field names are its property paths).</summary>
    Type InputType { get; }

    /// <summary>The form input of the stored item (or of a new one).</summary>
    object Edit(ContentItem item, ContentTypeDefinition type, bool isNew);

    /// <summary>Makes posted input safe to use (no null lists); the input came from the model binder.</summary>
    void Normalize(object input);

    /// <summary>A row command of this part ("add-accreditation"); true when handled, with focus and notice set on the editor.</summary>
    bool Command(PartEditor editor, string command, IReadOnlyList<string> arguments);

    /// <summary>Validates the posted input and writes it into <paramref name="item"/>; errors keyed by form field name.</summary>
    Task UpdateAsync(PartEditor editor, ContentItem item);

    /// <summary>Loads what the editor shows besides the input (choices of a select); stored in <see cref="PartEditor.Options"/>.</summary>
    Task PrepareAsync(PartEditor editor);

    /// <summary>Form field names in page order, so the error summary follows the page.</summary>
    IEnumerable<string> FieldOrder(object input);

    /// <summary>The form field a content validation key ("EnrolmentPart.CancellationDays") is about; null when not this part's.</summary>
    string? FieldFor(string validationKey);

    /// <summary>The id of the control an error summary link for <paramref name="field"/> leads to.</summary>
    string TargetId(string field);

    /// <summary>
    /// What the part shows among an item's facts (a partial rendering &lt;dt&gt;/&lt;dd&gt; pairs); null for nothing.
    /// <paramref name="displayType"/> is "Detail" (the public page) or "Preview" (the admin preview, which shows more).
    /// </summary>
    Task<PartDisplay?> DisplayAsync(ContentItem item, string displayType);
}

/// <summary>A part's display: the module's partial view and its model.</summary>
public sealed record PartDisplay(string View, object Model);

/// <summary>Typed base of a part driver.</summary>
public abstract class ContentPartDriver<TPart, TInput> : IContentPartDriver
    where TPart : ContentPart
    where TInput : class, new()
{
    public string PartName => typeof(TPart).Name;
    public abstract int Position { get; }
    public abstract string EditorView { get; }
    public Type InputType => typeof(TInput);

    protected abstract TInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew);
    protected virtual void Normalize(TInput input) { }
    protected virtual bool Command(PartEditor editor, TInput input, string command, IReadOnlyList<string> arguments) => false;
    protected abstract Task UpdateAsync(TInput input, ContentItem item, FormErrors errors);
    protected virtual IEnumerable<string> FieldOrder(TInput input) => [];
    public virtual Task PrepareAsync(PartEditor editor) => Task.CompletedTask;
    public virtual Task<PartDisplay?> DisplayAsync(ContentItem item, string displayType) => Task.FromResult<PartDisplay?>(null);

    public virtual string? FieldFor(string validationKey) => null;
    public virtual string TargetId(string field) => FormNames.Id(field);

    object IContentPartDriver.Edit(ContentItem item, ContentTypeDefinition type, bool isNew) => Edit(item, type, isNew);
    void IContentPartDriver.Normalize(object input) => Normalize((TInput)input);
    bool IContentPartDriver.Command(PartEditor editor, string command, IReadOnlyList<string> arguments) =>
        Command(editor, (TInput)editor.Input, command, arguments);
    Task IContentPartDriver.UpdateAsync(PartEditor editor, ContentItem item) => UpdateAsync((TInput)editor.Input, item, editor.Errors);
    IEnumerable<string> IContentPartDriver.FieldOrder(object input) => FieldOrder((TInput)input);
}

/// <summary>One part's editor on a page: the driver, its form input, and the page's errors (the partial view's model).</summary>
public sealed class PartEditor(IContentPartDriver driver, object input, FormErrors errors)
{
    public IContentPartDriver Driver { get; } = driver;
    public object Input { get; } = input;
    public FormErrors Errors { get; } = errors;
    /// <summary>What the driver loaded for display (<see cref="IContentPartDriver.PrepareAsync"/>), e.g. the choices of a select.</summary>
    public object? Options { get; set; }
    /// <summary>The id of the control to focus after a row command.</summary>
    public string? FocusId { get; set; }
    /// <summary>What a row command did, for the page's notice.</summary>
    public string? Notice { get; set; }

    public string? Focus(string id) => FocusId == id ? "autofocus" : null;

    public string? Invalid(string field) => Errors.Has(field) ? "true" : null;

    public string? DescribedBy(string field, bool hasHint) => FormNames.DescribedBy(Errors, field, hasHint);
}
