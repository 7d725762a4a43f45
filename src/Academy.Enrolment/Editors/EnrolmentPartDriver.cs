using System.Text.Json.Nodes;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Enrolment.Models;
using Microsoft.Extensions.Localization;

namespace Academy.Enrolment.Editors;

/// <summary>What the enrolment part's editor posts (text, parsed here, so bad input becomes a Dutch message at its field).</summary>
public sealed class EnrolmentPartInput
{
    /// <summary>"true" when the leer-coördinator approves each enrolment (a checkbox).</summary>
    public string? RequiresApproval { get; set; }
    /// <summary>Whole days before the first session until which participants may cancel; empty: until the start.</summary>
    public string? CancellationDays { get; set; }
}

/// <summary>The editor of <see cref="EnrolmentPart"/>: approval and the self-cancellation deadline.</summary>
public sealed class EnrolmentPartDriver(IStringLocalizer<EnrolmentPartDriver> T) : ContentPartDriver<EnrolmentPart, EnrolmentPartInput>
{
    public override int Position => 10;
    public override string EditorView => "~/Views/EnrolmentPart/Edit.cshtml";

    protected override EnrolmentPartInput Edit(ContentItem item, ContentTypeDefinition type, bool isNew)
    {
        var part = item.As<EnrolmentPart>();
        return new()
        {
            RequiresApproval = part.RequiresApproval ? "true" : null,
            CancellationDays = part.CancellationDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    protected override Task UpdateAsync(EnrolmentPartInput input, ContentItem item, FormErrors errors)
    {
        // Edit the stored part in place: an unchanged form leaves the JSON as it was (no new draft).
        var node = item.Content[nameof(EnrolmentPart)] as JsonObject ?? [];
        var approval = input.RequiresApproval == "true";
        if (approval || node.ContainsKey(nameof(EnrolmentPart.RequiresApproval)))
        {
            node[nameof(EnrolmentPart.RequiresApproval)] = approval;
        }
        if (string.IsNullOrWhiteSpace(input.CancellationDays))
        {
            if (node.ContainsKey(nameof(EnrolmentPart.CancellationDays)))
            {
                node[nameof(EnrolmentPart.CancellationDays)] = null;
            }
        }
        else if (int.TryParse(input.CancellationDays.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
                 && days <= EnrolmentPartHandler.MaxCancellationDays)
        {
            node[nameof(EnrolmentPart.CancellationDays)] = days;
        }
        else
        {
            errors.Add(nameof(EnrolmentPartInput.CancellationDays), T["Vul het aantal dagen in als heel getal van 0 tot en met 365, of laat het leeg."]);
        }
        // A part the item did not have is added only when it says something.
        if (node.Parent is null && node.Count > 0)
        {
            item.Content[nameof(EnrolmentPart)] = node;
        }
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> FieldOrder(EnrolmentPartInput input) =>
        [nameof(EnrolmentPartInput.RequiresApproval), nameof(EnrolmentPartInput.CancellationDays)];

    public override string? FieldFor(string validationKey) => validationKey switch
    {
        "EnrolmentPart.CancellationDays" => nameof(EnrolmentPartInput.CancellationDays),
        "EnrolmentPart.RequiresApproval" => nameof(EnrolmentPartInput.RequiresApproval),
        _ => null,
    };
}
