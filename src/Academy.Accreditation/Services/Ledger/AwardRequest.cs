namespace Academy.Accreditation.Services.Ledger;

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
