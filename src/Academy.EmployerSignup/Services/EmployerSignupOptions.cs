namespace Academy.EmployerSignup.Services;

/// <summary>The "Academy:EmployerSignup" configuration section.</summary>
public sealed class EmployerSignupOptions
{
    /// <summary>How long seats stay held for an unconfirmed sign-up.</summary>
    public int HoldHours { get; set; } = 48;

    /// <summary>The content item id of the HARRIE offering (as the setup recipe sets it).</summary>
    public string OfferingId { get; set; } = "harrie-training";

    /// <summary>Employees per sign-up at most (a group has 12 seats).</summary>
    public int MaxParticipants { get; set; } = 12;

    /// <summary>Sign-up POSTs allowed per client address within <see cref="SubmissionWindowSeconds"/> (each holds seats, so a flood must not empty a group).</summary>
    public int SubmissionsPerWindow { get; set; } = 10;

    public int SubmissionWindowSeconds { get; set; } = 600;
}
