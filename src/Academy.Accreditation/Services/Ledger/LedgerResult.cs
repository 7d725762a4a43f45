namespace Academy.Accreditation.Services.Ledger;

/// <summary>The outcome of a ledger or certificate change: the entry, or a Dutch message (and the form field it is about) when nothing changed.</summary>
public sealed record LedgerResult<T>(T? Value, string? Error, string? Field = null) where T : class
{
    public bool Succeeded => Error is null;

    public static LedgerResult<T> Ok(T value) => new(value, null);

    public static LedgerResult<T> Fail(string dutchMessage, string? field = null) => new(null, dutchMessage, field);
}
