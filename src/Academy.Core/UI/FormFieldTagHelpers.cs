using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Academy.Core.UI;

/// <summary>
/// An NL Design System form field: label, optional description, error message and the control(s) inside it.
/// <code>&lt;nl-form-field for="Email" label="E-mailadres" error="@error"&gt;&lt;input nl-control .../&gt;&lt;/nl-form-field&gt;</code>
/// The control inside (marked <c>nl-control</c>) gets its id, <c>aria-invalid</c> and an <c>aria-describedby</c> naming the
/// description and the error message, so every form links them the same way.
/// </summary>
[HtmlTargetElement("nl-form-field")]
public sealed class FormFieldTagHelper(IStringLocalizer<FormFieldTagHelper> localizer) : TagHelper
{
    /// <summary>The control's id.</summary>
    public string For { get; set; } = "";

    public string Label { get; set; } = "";

    /// <summary>A hint below the label (id "{for}-hint"); null or empty: none.</summary>
    public string? Description { get; set; }

    /// <summary>The error message (id "{for}-fout"); null or empty (Razor binds a null string as ""): the field is valid.</summary>
    public string? Error { get; set; }

    /// <summary>text (default), textarea, select or checkbox: the utrecht-form-field modifier.</summary>
    public string Kind { get; set; } = "text";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var field = new FormFieldState(For, !string.IsNullOrEmpty(Description), !string.IsNullOrEmpty(Error));
        context.Items[typeof(FormFieldState)] = field;
        var inner = await output.GetChildContentAsync();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var classes = "utrecht-form-field utrecht-form-field--" + Kind + (field.Invalid ? " utrecht-form-field--invalid" : "");
        var existing = output.Attributes["class"]?.Value?.ToString();
        output.Attributes.SetAttribute("class", string.IsNullOrEmpty(existing) ? classes : classes + " " + existing);

        var checkbox = Kind == "checkbox";
        var label = $"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label{(checkbox ? " utrecht-form-label--checkbox" : "")}\" for=\"{Encode(For)}\">{Encode(Label)}</label></div>";
        var description = field.HasDescription
            ? $"<div class=\"utrecht-form-field-description\" id=\"{Encode(field.DescriptionId)}\">{Encode(Description!)}</div>"
            : "";
        var error = field.Invalid
            ? $"<p class=\"utrecht-form-field-error-message\" id=\"{Encode(field.ErrorId)}\"><span class=\"visually-hidden\">{Encode(localizer["Fout:"].Value)} </span>{Encode(Error!)}</p>"
            : "";
        var control = "<div class=\"utrecht-form-field__input\">" + inner.GetContent() + "</div>";
        // A checkbox stands before its label (NL Design System); other controls follow label, hint and error.
        output.Content.SetHtmlContent(checkbox ? control + label + description + error : label + description + error + control);
    }

    private static string Encode(string value) => System.Net.WebUtility.HtmlEncode(value);
}

/// <summary>The control of an <c>nl-form-field</c>: gets id, aria-invalid, aria-describedby and the invalid class.</summary>
[HtmlTargetElement("input", Attributes = "nl-control", ParentTag = "nl-form-field")]
[HtmlTargetElement("textarea", Attributes = "nl-control", ParentTag = "nl-form-field")]
[HtmlTargetElement("select", Attributes = "nl-control", ParentTag = "nl-form-field")]
public sealed class FormControlTagHelper : TagHelper
{
    /// <summary>Runs after the framework's input/select helpers, so what they wrote is kept and only completed.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("nl-control");
        if (!context.Items.TryGetValue(typeof(FormFieldState), out var item) || item is not FormFieldState field)
        {
            return;
        }
        if (!output.Attributes.ContainsName("id"))
        {
            output.Attributes.SetAttribute("id", field.ControlId);
        }
        if (field.Invalid)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var invalidClass = output.TagName switch
            {
                "select" => "utrecht-select--invalid",
                "textarea" => "utrecht-textarea--invalid",
                _ => "utrecht-textbox--invalid",
            };
            var existing = output.Attributes["class"]?.Value?.ToString();
            output.Attributes.SetAttribute("class", string.IsNullOrEmpty(existing) ? invalidClass : existing + " " + invalidClass);
        }
        var describedBy = field.DescribedBy(output.Attributes["aria-describedby"]?.Value?.ToString());
        if (describedBy is not null)
        {
            output.Attributes.SetAttribute("aria-describedby", describedBy);
        }
    }
}

/// <summary>What a form field tells its control: the ids of its parts and whether it is invalid.</summary>
public sealed record FormFieldState(string ControlId, bool HasDescription, bool Invalid)
{
    public string DescriptionId => ControlId + "-hint";

    public string ErrorId => ControlId + "-fout";

    /// <summary>The description and error ids (after any ids the control already names), or null when there are none.</summary>
    public string? DescribedBy(string? existing)
    {
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(existing)) ids.Add(existing.Trim());
        if (HasDescription) ids.Add(DescriptionId);
        if (Invalid) ids.Add(ErrorId);
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
