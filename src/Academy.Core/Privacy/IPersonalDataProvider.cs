using System.Text.Json.Nodes;

namespace Academy.Core.Privacy;

/// <summary>The person whose data is exported or erased (AVG right of access and right to erasure).</summary>
public sealed record PersonalDataSubject(string UserId, string Email, string DisplayName);

/// <summary>A file that belongs in the export ZIP next to the JSON, e.g. a certificate PDF.</summary>
public sealed record PersonalDataFile(string FileName, string ContentType, byte[] Content);

/// <summary>One module's part of a person's export: a JSON section under <see cref="Name"/> and optional files.</summary>
public sealed record PersonalDataSection(string Name, JsonNode Data, IReadOnlyList<PersonalDataFile> Files)
{
    public PersonalDataSection(string name, JsonNode data) : this(name, data, []) { }
}

/// <summary>
/// Every module that keeps personal data registers one provider, so "mijn gegevens" and "account verwijderen"
/// cannot forget a module. Erase runs inside the caller's unit of work (one transaction over all modules): it
/// deletes or anonymises the subject's rows and must not commit on its own.
/// </summary>
public interface IPersonalDataProvider
{
    /// <summary>Stable section name in the export, e.g. "enrolment".</summary>
    string Name { get; }

    /// <summary>What this module keeps on the subject; null when it keeps nothing.</summary>
    Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default);

    /// <summary>Deletes or anonymises the subject's data. Records that must stay verifiable keep no name or e-mail.</summary>
    Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default);
}
