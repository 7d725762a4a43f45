namespace Academy.EmployerSignup.Services;

/// <summary>Dutch validation messages by field name (the form field's name), plus messages about the whole form.</summary>
public sealed class FormErrors
{
    private readonly List<(string? Field, string Message)> _all = [];

    public bool Any => _all.Count > 0;

    /// <summary>In form order, for the error summary.</summary>
    public IReadOnlyList<(string? Field, string Message)> All => _all;

    public void Add(string? field, string message)
    {
        if (field is not null && Has(field))
        {
            return;
        }
        _all.Add((field, message));
    }

    public bool Has(string field) => _all.Any(e => e.Field == field);

    public string? For(string field) => _all.FirstOrDefault(e => e.Field == field).Message;

    /// <summary>The shared error summary's items: each message (through <paramref name="localize"/>) with the id of its field.</summary>
    public IReadOnlyList<(string? TargetId, string Message)> Summary(Func<string, string> localize) =>
        _all.Select(e => (e.Field is null ? null : Id(e.Field), localize(e.Message))).ToList();

    /// <summary>The HTML id of a field name, as MVC would make it ("Employees[0].Name" → "Employees_0__Name").</summary>
    public static string Id(string name) => name.Replace('[', '_').Replace(']', '_').Replace('.', '_');
}
