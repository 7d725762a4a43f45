namespace Academy.Users;

/// <summary>Where a self-registered account stands; only <see cref="Approved"/> may sign in.</summary>
public static class RegistrationStatus
{
    /// <summary>The e-mail address has not been confirmed through the mailed link yet.</summary>
    public const string Unconfirmed = "onbevestigd";
    /// <summary>Confirmed, outside the partner domains: waits for the leer-coördinator.</summary>
    public const string Pending = "wacht";
    public const string Approved = "goedgekeurd";
}

/// <summary>
/// A self-registration (<c>/account/registreren</c>), one row per account that registered itself. Accounts made by a
/// recipe, an invitation or an employer have none and are not affected. A declined registration deletes the account
/// (and with it this row), so nothing is kept about people who were not let in.
/// </summary>
public class AccountRegistration
{
    public string UserId { get; set; } = "";
    /// <summary>One of the <see cref="RegistrationStatus"/> values.</summary>
    public string Status { get; set; } = RegistrationStatus.Unconfirmed;
    /// <summary>The organisation's name when the person chose "andere organisatie" (otherwise the account's organisation).</summary>
    public string? OtherOrganisation { get; set; }
    public string Function { get; set; } = "";
    /// <summary>When the person agreed to the privacy statement.</summary>
    public DateTime ConsentUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    public DateTime? ApprovedUtc { get; set; }
}
