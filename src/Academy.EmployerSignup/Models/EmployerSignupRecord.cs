namespace Academy.EmployerSignup.Models;

public enum EmployerSignupStatus
{
    /// <summary>Seats are held until the contact confirms by mail or the hold expires.</summary>
    Unconfirmed,
    Confirmed,
    /// <summary>Not confirmed in time; the seats were released.</summary>
    Expired,
    Cancelled,
    /// <summary>The leer-coördinator released the held seats before the contact confirmed.</summary>
    Released,
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
    /// <summary>
    /// The sending client (address, or /64 network) while the hold lasts, for the per-address cap on unconfirmed
    /// seats; cleared as soon as the hold ends.
    /// </summary>
    public string? ClientKey { get; set; }

    public string Address => $"{Street}, {Postcode} {Place}";
}

/// <summary>
/// A contact person of an employer organisation. A KvK number is public, so a new contact of an organisation that
/// already has one is not <see cref="IsLinked"/>: they see only their own sign-ups until a linked contact of the
/// organisation, or the leer-coördinator, links them. Linked contacts see each other's sign-ups.
/// </summary>
public class EmployerContact
{
    public string OrganisationId { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>As on the contact's latest confirmed sign-up (shown when colleagues decide to link them).</summary>
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public bool IsLinked { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? LinkedUtc { get; set; }
    /// <summary>Who linked them (a colleague or the coördinator); null for the contact who registered the organisation.</summary>
    public string? LinkedByUserId { get; set; }
}
