using System.Security.Claims;
using Academy.Core.Content;

namespace Academy.Leeragenda.Abstractions;

public sealed record SessionInfo(string SessionId, DateTime StartUtc, DateTime EndUtc, string? Location, string? Place, string? OnlineUrl)
{
    public int Minutes => (int)Math.Round((EndUtc - StartUtc).TotalMinutes);
}

/// <summary>
/// One edition (group) of a published offering, as other modules (enrolment, accreditation) need it. The Leeragenda module
/// provides it from its index and the published content item.
/// </summary>
/// <param name="OfferingUrl">Site-relative URL of the offering's page.</param>
/// <param name="PrerequisiteOfferingIds">Offerings a participant must have completed first (intervisie needs HARRIE).</param>
public sealed record EditionInfo(
    string EditionId,
    string EditionName,
    int Capacity,
    string OfferingId,
    string OfferingTitle,
    string OfferingUrl,
    string OfferingType,
    IReadOnlyList<string> PrerequisiteOfferingIds,
    IReadOnlyList<SessionInfo> Sessions)
{
    public DateTime? StartUtc => Sessions.Count == 0 ? null : Sessions.Min(s => s.StartUtc);
    public DateTime? EndUtc => Sessions.Count == 0 ? null : Sessions.Max(s => s.EndUtc);

    /// <summary>
    /// The published offering itself: other modules read their own parts from it (enrolment settings,
    /// accreditation), so this record needs to know none of them.
    /// </summary>
    public ContentItem Offering { get; init; } = new();
    /// <summary>Names of the offering's "thema" terms (dashboard grouping).</summary>
    public IReadOnlyList<string> ThemeNames { get; init; } = [];
    /// <summary>Lower-cased e-mail addresses of the trainers who give this edition (they take its attendance).</summary>
    public IReadOnlyList<string> TrainerEmails { get; init; } = [];
}

/// <summary>Published editions by id (the Leeragenda module provides it).</summary>
public interface IEditionCatalog
{
    /// <summary>The edition of a published offering, or null when unknown or unpublished.</summary>
    Task<EditionInfo?> GetAsync(string editionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EditionInfo>> ListForOfferingAsync(string offeringId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Published editions with a session between <paramref name="fromUtc"/> and <paramref name="toUtc"/>, earliest first;
    /// only those given by <paramref name="trainerEmail"/> when set (attendance lists).
    /// </summary>
    Task<IReadOnlyList<EditionInfo>> ListInPeriodAsync(DateTime fromUtc, DateTime toUtc, string? trainerEmail = null, CancellationToken cancellationToken = default);

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
