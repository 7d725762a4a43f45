using System.Security.Claims;

namespace Academy.Core.Contracts;

public sealed record SessionInfo(string SessionId, DateTime StartUtc, DateTime EndUtc, string? Location, string? Place, string? OnlineUrl);

/// <summary>
/// One edition (group) of a published offering, as the enrolment module needs it. The Leeragenda module
/// provides it from its index and the published content item.
/// </summary>
/// <param name="OfferingUrl">Site-relative URL of the offering's page.</param>
/// <param name="CancellationDeadlineUtc">Participants may cancel themselves until then; null when always.</param>
/// <param name="PrerequisiteOfferingIds">Offerings a participant must have completed first (intervisie needs HARRIE).</param>
public sealed record EditionInfo(
    string EditionId,
    string EditionName,
    int Capacity,
    string OfferingId,
    string OfferingTitle,
    string OfferingUrl,
    string OfferingType,
    bool RequiresApproval,
    DateTime? CancellationDeadlineUtc,
    IReadOnlyList<string> PrerequisiteOfferingIds,
    IReadOnlyList<SessionInfo> Sessions)
{
    public DateTime? StartUtc => Sessions.Count == 0 ? null : Sessions.Min(s => s.StartUtc);
    public DateTime? EndUtc => Sessions.Count == 0 ? null : Sessions.Max(s => s.EndUtc);
}

/// <summary>Published editions by id (the Leeragenda module provides it).</summary>
public interface IEditionCatalog
{
    /// <summary>The edition of a published offering, or null when unknown or unpublished.</summary>
    Task<EditionInfo?> GetAsync(string editionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EditionInfo>> ListForOfferingAsync(string offeringId, CancellationToken cancellationToken = default);

    /// <summary>An .ics calendar with every session of the edition.</summary>
    Task<byte[]?> IcsAsync(string editionId, CancellationToken cancellationToken = default);
}

/// <summary>
/// What a visitor can do with an edition on the offering page (enrol, join the waitlist, see their
/// status). The enrolment module provides it; the Leeragenda view renders it as a POST form or a note.
/// </summary>
/// <param name="PostUrl">When set, a button posts (with antiforgery) to this URL.</param>
/// <param name="LinkUrl">When set (and no PostUrl), a link.</param>
public sealed record EditionAction(string Label, string? PostUrl, string? LinkUrl, string? Note);

public interface IEditionActions
{
    Task<IReadOnlyDictionary<string, EditionAction>> GetAsync(ClaimsPrincipal user, string offeringId, IReadOnlyCollection<string> editionIds, CancellationToken cancellationToken = default);
}

/// <summary>TempData keys through which the enrolment POST tells the offering page what happened (after its redirect).</summary>
public static class EnrolmentNotice
{
    public const string Status = "EnrolmentStatus";
    public const string Error = "EnrolmentError";
}
