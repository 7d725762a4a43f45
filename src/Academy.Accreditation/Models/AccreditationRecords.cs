using Academy.Core.Contracts;
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation.Models;

/// <summary>
/// A professional register (Registerplein, SKJ, …), configured by the recipe step "Registers". A register number
/// is <see cref="Prefix"/> followed by exactly <see cref="Digits"/> digits (PE-online style, e.g. "RP" + 6 digits).
/// </summary>
public class RegisterRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public int Digits { get; set; }
    public RegisterUnit Unit { get; set; } = RegisterUnit.Uren;
    /// <summary>Length of the register's accreditation cycle in years; 1 = per calendar year.</summary>
    public int CycleYears { get; set; } = 1;
    /// <summary>First year of a multi-year cycle (cycles run CycleStartYear, +CycleYears, …); null = calendar years.</summary>
    public int? CycleStartYear { get; set; }
    /// <summary>Register's own website, shown to professionals.</summary>
    public string? Url { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A professional's number in one register (one per register per person).</summary>
public class RegisterNumberRecord
{
    public string UserId { get; set; } = "";
    public string RegisterId { get; set; } = "";
    /// <summary>Normalised: upper-case prefix plus digits, no spaces.</summary>
    public string Number { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>Whether a professional consents to sharing their register numbers and hours with the registers.</summary>
public class RegisterConsentRecord
{
    public string UserId { get; set; } = "";
    public bool Consented { get; set; }
    public DateTime ChangedUtc { get; set; }
}

public enum AttendanceStatus
{
    Present,
    Absent,
    /// <summary>Part of the session; <see cref="AttendanceRecord.MinutesPresent"/> says how long.</summary>
    Partial,
}

/// <summary>Attendance of one enrolment at one session, as last recorded by the trainer or coördinator.</summary>
public class AttendanceRecord
{
    public long Id { get; set; }
    public string EditionId { get; set; } = "";
    public string SessionId { get; set; } = "";
    public long EnrolmentId { get; set; }
    public AttendanceStatus Status { get; set; }
    /// <summary>With <see cref="AttendanceStatus.Partial"/>: minutes present (less than the session's length).</summary>
    public int? MinutesPresent { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public DateTime RecordedUtc { get; set; }
}

public enum LedgerEntryKind
{
    /// <summary>Hours granted for a completed enrolment (workflow "Accreditatie-uren toekennen").</summary>
    Award,
    /// <summary>Reverses an earlier entry (negative hours), with a reason and who made it.</summary>
    Reversal,
    /// <summary>Hours added by hand by the leer-coördinator (e.g. a correction after a reversal), with a reason.</summary>
    Manual,
}

/// <summary>
/// One line in a person's hours dossier for one register. APPEND-ONLY: rows are never updated or deleted
/// (database triggers refuse it); a correction is a new <see cref="LedgerEntryKind.Reversal"/> row.
/// Whose hours they are is a <see cref="PersonId"/>: the person's name, e-mail address and account live in
/// <see cref="AccreditationPersonRecord"/>, which can be corrected or anonymised while these rows stay as they are.
/// </summary>
public class LedgerEntryRecord
{
    public long Id { get; set; }
    /// <summary>Unique: makes awarding idempotent ("award:{enrolmentId}:{registerId}", "reversal:{entryId}", "manual:{guid}").</summary>
    public string IdempotencyKey { get; set; } = "";
    public LedgerEntryKind Kind { get; set; }
    /// <summary>The <see cref="AccreditationPersonRecord.Id"/> of whose hours these are.</summary>
    public string PersonId { get; set; } = "";
    public string RegisterId { get; set; } = "";
    /// <summary>Hours or points in the register's unit; negative for a reversal.</summary>
    public decimal Hours { get; set; }
    /// <summary>The day the learning took place (completion date); decides the period it counts for.</summary>
    public DateOnly ActivityDate { get; set; }
    public string OfferingId { get; set; } = "";
    public string OfferingTitle { get; set; } = "";
    public string? EditionId { get; set; }
    public long? EnrolmentId { get; set; }
    public string? AccreditationCode { get; set; }
    /// <summary>Snapshot for the dashboard: the participant's organisation and the offering's themes ("|"-separated).</summary>
    public string? OrganisationId { get; set; }
    public string? ThemeNames { get; set; }
    public long? CertificateId { get; set; }
    /// <summary>For a reversal: the entry it cancels out.</summary>
    public long? ReversesEntryId { get; set; }
    public string? Reason { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// A certificate for one completed enrolment. Its <see cref="Code"/> is printed on the PDF and checked at
/// /certificaat/{code}. Revoking sets <see cref="RevokedUtc"/> (the ledger gets reversals for its entries).
/// </summary>
public class CertificateRecord
{
    public long Id { get; set; }
    /// <summary>Unguessable, unique, upper-case letters and digits without look-alikes (e.g. "K7QM-4XPA-93TD").</summary>
    public string Code { get; set; } = "";
    public long EnrolmentId { get; set; }
    /// <summary>The <see cref="AccreditationPersonRecord.Id"/> of whom it was issued to (the name printed comes from there).</summary>
    public string PersonId { get; set; } = "";
    public string OfferingId { get; set; } = "";
    public string OfferingTitle { get; set; } = "";
    public string? EditionId { get; set; }
    public string? EditionName { get; set; }
    public DateOnly CompletedOn { get; set; }
    public DateTime IssuedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? RevokedReason { get; set; }
    public string? RevokedByUserId { get; set; }
}

/// <summary>
/// The person behind ledger entries and certificates: the only place the module keeps their name, e-mail address
/// and account id, so a correction or an erasure changes one row and no append-only entry. A person is their account
/// (<see cref="UserId"/>) when they have one, else their e-mail address. Anonymised: all three are null.
/// </summary>
public class AccreditationPersonRecord
{
    /// <summary>Opaque and random (32 hex characters); says nothing about the person.</summary>
    public string Id { get; set; } = "";
    public string? UserId { get; set; }
    /// <summary>Lower-cased.</summary>
    public string? Email { get; set; }
    public string? Name { get; set; }
    public DateTime? AnonymisedUtc { get; set; }
    /// <summary>
    /// After anonymising someone with several rows (an account and their address without one): the row they counted
    /// with, so the dashboard still counts them as one person.
    /// </summary>
    public string? MergedIntoId { get; set; }

    public bool IsAnonymised => AnonymisedUtc is not null;

    public static string NewId() => Guid.NewGuid().ToString("n");
}
