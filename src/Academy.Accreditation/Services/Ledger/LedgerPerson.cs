namespace Academy.Accreditation.Services.Ledger;

/// <summary>
/// Whose hours: their account when they have one, else their e-mail address (an employee signed up by an employer).
/// Entries without an account count for the account with the same e-mail address.
/// </summary>
public sealed record LedgerPerson
{
    public LedgerPerson(string? userId, string email, string name)
    {
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
        Email = email.Trim().ToLowerInvariant();
        Name = name.Trim();
    }

    public string? UserId { get; }
    public string Email { get; }
    public string Name { get; }
}

/// <summary>The outcome of a ledger or certificate change: the entry, or a Dutch message (and the form field it is about) when nothing changed.</summary>
public sealed record LedgerResult<T>(T? Value, string? Error, string? Field = null) where T : class
{
    public bool Succeeded => Error is null;

    public static LedgerResult<T> Ok(T value) => new(value, null);

    public static LedgerResult<T> Fail(string dutchMessage, string? field = null) => new(null, dutchMessage, field);
}

/// <summary>Hours a register grants for a completed enrolment (one award per enrolment per register).</summary>
public sealed record AwardRequest(
    LedgerPerson Person,
    long EnrolmentId,
    string RegisterId,
    decimal Hours,
    DateOnly ActivityDate,
    string OfferingId,
    string OfferingTitle,
    string? EditionId,
    string? AccreditationCode,
    string? OrganisationId,
    IReadOnlyList<string> ThemeNames,
    long? CertificateId,
    string ActorUserId);

/// <summary>A person's total in one register: the sum of their entries there.</summary>
public sealed record RegisterTotal(string RegisterId, decimal Hours);
