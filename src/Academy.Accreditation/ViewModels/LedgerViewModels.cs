using Academy.Accreditation.Services;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Certificates;
using Academy.Accreditation.Services.Ledger;
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation.ViewModels;

/// <summary>A page that only says something: throttled, unknown certificate.</summary>
public sealed record CertificateMessageViewModel(string Heading, string Text);

/// <summary>The public form "Certificaat controleren".</summary>
public sealed record CertificateCheckViewModel(string? Code, string? Error);

/// <summary>One entry of a person's ledger with what the page needs to show it.</summary>
public sealed record LedgerEntryRow(LedgerEntryRecord Entry, RegisterRecord? Register, bool IsReversed)
{
    public string RegisterName => Register?.Name ?? Entry.RegisterId;

    public string HoursText => Format(Entry.Hours);

    public string Format(decimal hours) => Services.HoursText.WithUnit(hours, Register?.Unit ?? Academy.Accreditation.Abstractions.RegisterUnit.Uren);

    public bool CanReverse => Entry.Kind != LedgerEntryKind.Reversal && !IsReversed;
}

/// <summary>What the coördinator typed in the manual-entry form (kept when it has errors).</summary>
public sealed class ManualEntryInput
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? RegisterId { get; set; }
    public string? Hours { get; set; }
    public string? Date { get; set; }
    public string? Title { get; set; }
    public string? Reason { get; set; }
}

/// <summary>What the coördinator typed to correct a person's name or e-mail address (kept when it has errors).</summary>
public sealed class PersonCorrectionInput
{
    public string? PersonId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    /// <summary>The address the page was searched by, to return to.</summary>
    public string? Back { get; set; }
}

/// <summary>/admin/accreditatie/leeruren: find a person, their entries per register with totals, and a manual entry.</summary>
public sealed class LedgerAdminViewModel
{
    public string? Email { get; init; }
    public string? SearchError { get; init; }
    public LedgerPerson? Person { get; init; }
    /// <summary>The person has an account (the name comes from it).</summary>
    public bool HasAccount { get; init; }
    public IReadOnlyList<RegisterRecord> Registers { get; init; } = [];
    public IReadOnlyList<LedgerEntryRow> Entries { get; init; } = [];
    public IReadOnlyList<RegisterTotal> Totals { get; init; } = [];
    public ManualEntryInput Manual { get; init; } = new();
    /// <summary>The person rows behind the entries: the account's, and any under its address without an account.</summary>
    public IReadOnlyList<AccreditationPersonRecord> People { get; init; } = [];
    /// <summary>A correction with errors, shown again in the form of its person.</summary>
    public PersonCorrectionInput? Correction { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Errors { get; init; } = [];
    public string? Notice { get; init; }

    public RegisterRecord? Register(string id) => Registers.FirstOrDefault(r => r.Id == id);
}

/// <summary>/admin/accreditatie/leeruren/regel/{id}: one entry and the form to reverse it.</summary>
public sealed class LedgerEntryViewModel
{
    public required LedgerEntryRow Row { get; init; }
    /// <summary>Whose entry it is; anonymised (or missing) means no name and no address.</summary>
    public AccreditationPersonRecord? Person { get; init; }
    public string PersonName => LedgerPeople.NameOf(Person);
    public LedgerEntryRecord? Reversal { get; init; }
    public LedgerEntryRecord? Reverses { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Errors { get; init; } = [];
}

public sealed class CertificateAdminListViewModel
{
    public string? Query { get; init; }
    public IReadOnlyList<CertificateListItem> Certificates { get; init; } = [];
    public string? Notice { get; init; }
}

public sealed class CertificateAdminDetailViewModel
{
    public required CertificateDetails Details { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<(string? TargetId, string Message)> Errors { get; init; } = [];
    public string? Notice { get; init; }
}

/// <summary>One form field for the _LedgerField partial.</summary>
public sealed record LedgerFieldModel(string Id, string Name, string Label, string? Value, string? Error,
    string? Hint = null, bool Required = true, bool Multiline = false, string Type = "text", string? Autocomplete = "off");
