namespace Academy.EmployerSignup.Models;

public enum EmployerSignupStatus
{
    /// <summary>Seats are held until the contact confirms by mail or the hold expires.</summary>
    Unconfirmed,
    Confirmed,
    /// <summary>Not confirmed in time; the seats were released.</summary>
    Expired,
    Cancelled,
}

/// <summary>
/// One employer's sign-up of employees for a HARRIE group. The employees themselves are enrolments of the
/// enrolment module, grouped by <see cref="Id"/> as their hold group.
/// </summary>
public class EmployerSignupRecord
{
    /// <summary>Random and unguessable; also the hold group id of the enrolments.</summary>
    public string Id { get; set; } = "";
    public string OrganisationName { get; set; } = "";
    public string KvkNumber { get; set; } = "";
    /// <summary>Street and house number.</summary>
    public string Street { get; set; } = "";
    /// <summary>Normalised "1234 AB".</summary>
    public string Postcode { get; set; } = "";
    public string Place { get; set; } = "";
    public string ContactName { get; set; } = "";
    /// <summary>As entered (trimmed).</summary>
    public string ContactEmail { get; set; } = "";
    public string? ContactPhone { get; set; }
    public string EditionId { get; set; } = "";
    public string OfferingId { get; set; } = "";
    public int ParticipantCount { get; set; }
    public EmployerSignupStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? ConfirmedUtc { get; set; }
    /// <summary>The employer organisation, known once the contact confirmed.</summary>
    public string? OrganisationId { get; set; }
    /// <summary>The contact's account, made when the contact confirmed.</summary>
    public string? ContactUserId { get; set; }

    public string Address => $"{Street}, {Postcode} {Place}";
}
