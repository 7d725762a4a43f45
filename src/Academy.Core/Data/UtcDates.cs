namespace Academy.Core.Data;

public static class UtcDates
{
    /// <summary>Stored times are UTC; SQLite returns them without a kind, and Npgsql insists on UTC for timestamptz.</summary>
    public static DateTime AsUtc(this DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
