namespace Academy.EmployerSignup.Services;

/// <summary>The "Academy:EmployerSignup" configuration section.</summary>
public sealed class EmployerSignupOptions
{
    /// <summary>How long seats stay held for an unconfirmed sign-up, in minutes (default 30).</summary>
    public int? HoldMinutes { get; set; }

    /// <summary>The old setting (hours); still honoured when <see cref="HoldMinutes"/> is not set.</summary>
    public int? HoldHours { get; set; }

    /// <summary>The content item id of the HARRIE offering (as the setup recipe sets it).</summary>
    public string OfferingId { get; set; } = "harrie-training";

    /// <summary>Employees per sign-up at most (a group has 12 seats).</summary>
    public int MaxParticipants { get; set; } = 12;

    /// <summary>Sign-up POSTs allowed per client address within <see cref="SubmissionWindowSeconds"/> (each holds seats, so a flood must not empty a group).</summary>
    public int SubmissionsPerWindow { get; set; } = 10;

    public int SubmissionWindowSeconds { get; set; } = 600;

    /// <summary>Seats of one group that unconfirmed sign-ups may hold together.</summary>
    public int MaxUnconfirmedSeatsPerGroup { get; set; } = 12;

    /// <summary>Unconfirmed seats one client address (IPv6: its /64) may hold over all groups.</summary>
    public int MaxUnconfirmedSeatsPerAddress { get; set; } = 12;

    /// <summary>Unconfirmed seats one contact e-mail address may hold over all groups.</summary>
    public int MaxUnconfirmedSeatsPerEmail { get; set; } = 12;

    /// <summary>Days a sign-up that was never confirmed (expired or released) is kept after its hold ended.</summary>
    public int UnconfirmedRetentionDays { get; set; } = 30;

    /// <summary>Days a confirmed (or cancelled) sign-up is kept after the group's last session.</summary>
    public int RetentionDays { get; set; } = 365;

    public const int DefaultHoldMinutes = 30;

    public TimeSpan HoldDuration => TimeSpan.FromMinutes(Math.Max(1,
        HoldMinutes ?? (HoldHours is { } hours ? hours * 60 : DefaultHoldMinutes)));

    /// <summary>The hold in words: "30 minuten", "1 uur", "48 uur", "1 uur en 30 minuten".</summary>
    public string HoldDurationText()
    {
        var total = (int)HoldDuration.TotalMinutes;
        var (hours, minutes) = (total / 60, total % 60);
        var minuteText = minutes == 1 ? "1 minuut" : $"{minutes} minuten";
        return hours == 0 ? minuteText : minutes == 0 ? $"{hours} uur" : $"{hours} uur en {minuteText}";
    }
}
