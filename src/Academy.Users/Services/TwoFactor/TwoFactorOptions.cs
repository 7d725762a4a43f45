namespace Academy.Users.Services.TwoFactor;

/// <summary>Two-step verification (configuration section Academy:Users:TwoFactor).</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Academy:Users:TwoFactor";

    /// <summary>Accounts with one of <see cref="StaffRoles"/> must set up two-step verification before any /admin page.</summary>
    public bool RequiredForStaff { get; set; } = true;

    /// <summary>The roles for which two-step verification is required.</summary>
    public string[] StaffRoles { get; set; } = ["Beheerder", "Leercoördinator"];
}
