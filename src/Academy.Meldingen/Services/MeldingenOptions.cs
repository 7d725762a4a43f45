namespace Academy.Meldingen.Services;

/// <summary>The "Academy:Meldingen" configuration section.</summary>
public sealed class MeldingenOptions
{
    /// <summary>The gemeenten on the question form; empty: the partner organisations of kind "gemeente".</summary>
    public List<string> Gemeenten { get; set; } = [];

    /// <summary>Questions one client address (IPv6: its /64) may send within <see cref="SubmissionWindowSeconds"/>.</summary>
    public int SubmissionsPerWindow { get; set; } = 5;

    public int SubmissionWindowSeconds { get; set; } = 3600;

    /// <summary>A form sent back sooner than this after it was shown was filled in by a program, not a person.</summary>
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>A form older than this is refused as expired (its time stamp could otherwise be reused for ever).</summary>
    public int MaximumFormAgeHours { get; set; } = 24;

    /// <summary>Months after closing that a melding's personal data (contact details, question, notes) is erased.</summary>
    public int RetentionMonths { get; set; } = 12;
}
