namespace Academy.Core.Content.Display;

/// <summary>
/// Validation messages of an editor form keyed by form field name ("Editions[0].Sessions[1].EndTime"), so the
/// error summary can link to the field; the first message per field wins. Messages about the whole form have no field.
/// </summary>
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

    /// <summary>The aria-describedby value for a control: its hint and its error message, when present.</summary>
    public static string? DescribedBy(FormErrors errors, string field, bool hasHint)
    {
        var id = Id(field);
        var parts = new List<string>();
        if (hasHint) parts.Add(id + "-hint");
        if (errors.Has(field)) parts.Add(id + "-fout");
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}
