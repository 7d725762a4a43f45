using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Academy.Users.Controllers;

/// <summary>The errors of an account form for its view: the first per field, and the summary in the fields' order.</summary>
public static class FormErrors
{
    public static string? Of(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The form's own errors (key "") first, then one per field, linking to the field's id (its name).</summary>
    public static IReadOnlyList<(string? TargetId, string Message)> Summary(ModelStateDictionary state, params string[] fields)
    {
        var summary = new List<(string?, string)>();
        if (state.TryGetValue("", out var form))
        {
            summary.AddRange(form.Errors.Select(e => ((string?)null, e.ErrorMessage)));
        }
        foreach (var field in fields)
        {
            if (Of(state, field) is { } message)
            {
                summary.Add((field, message));
            }
        }
        return summary;
    }
}
