using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Core.Contracts;

namespace Academy.Accreditation.Services.Exports;

/// <summary>Why a participant who completed the edition is not on a register's list. A person may have several.</summary>
public enum NotReportableReason
{
    /// <summary>No hours for this register in the ledger (not awarded, e.g. the accreditation was not valid that day).</summary>
    NoHoursAwarded,
    /// <summary>The award was reversed by a correction.</summary>
    HoursReversed,
    /// <summary>Signed up by an employer (HARRIE) without an account, so no register number can be known.</summary>
    NoAccount,
    NoRegisterNumber,
    /// <summary>The stored number does not match the register's prefix and digits (e.g. the register's format changed).</summary>
    InvalidRegisterNumber,
    NoConsent,
}

/// <summary>Someone the coördinator can report to the register: the PE-online list, CSV and XLSX contain only these.</summary>
public sealed record ReportableParticipant(string Name, string RegisterNumber, DateOnly ActivityDate, decimal Hours, string? AccreditationCode);

/// <summary>Someone who completed the edition but cannot be reported, with why (never silently left out).</summary>
public sealed record NotReportableParticipant(string Name, IReadOnlyList<NotReportableReason> Reasons);

/// <summary>One register of an edition's accreditations: who can be reported and who cannot.</summary>
public sealed record RegisterReport(
    RegisterRecord Register,
    AccreditationInfo Accreditation,
    IReadOnlyList<ReportableParticipant> Reportable,
    IReadOnlyList<NotReportableParticipant> NotReportable);

/// <summary>The reports of one edition, one per register it is accredited by.</summary>
public sealed record EditionReport(EditionInfo Edition, IReadOnlyList<RegisterReport> Registers, int CompletedCount, int NotCompletedCount)
{
    public RegisterReport? For(string registerId) => Registers.FirstOrDefault(r => r.Register.Id == registerId);
}

public static class NotReportableReasonText
{
    /// <summary>The Dutch reason, through <paramref name="localize"/> (a view or string localizer).</summary>
    public static string Describe(NotReportableReason reason, Func<string, string> localize) => localize(reason switch
    {
        NotReportableReason.NoHoursAwarded => "Geen uren toegekend voor dit register",
        NotReportableReason.HoursReversed => "Toegekende uren zijn teruggedraaid",
        NotReportableReason.NoAccount => "Geen account (aangemeld door de werkgever)",
        NotReportableReason.NoRegisterNumber => "Geen registernummer",
        NotReportableReason.InvalidRegisterNumber => "Registernummer ongeldig",
        NotReportableReason.NoConsent => "Geen toestemming om gegevens te delen",
        _ => reason.ToString(),
    });

    public static string Describe(IEnumerable<NotReportableReason> reasons, Func<string, string> localize) =>
        string.Join("; ", reasons.Select(r => Describe(r, localize)));
}
