using System.Security.Claims;

namespace Academy.Core.Contracts;

public sealed record SessionInfo(string SessionId, DateTime StartUtc, DateTime EndUtc, string? Location, string? Place, string? OnlineUrl)
{
    public int Minutes => (int)Math.Round((EndUtc - StartUtc).TotalMinutes);
}

/// <summary>When an enrolment counts as completed (the offering's completion rule).</summary>
public enum CompletionRuleKind
{
    /// <summary>Present (fully) at every session.</summary>
    AllSessions,
    /// <summary>Present for at least <see cref="CompletionRuleInfo.MinimumPercent"/> % of the total session time.</summary>
    MinimumPercent,
    /// <summary>E-learning and the like: the coördinator (or the provider's report) marks it complete.</summary>
    MarkedComplete,
}

public sealed record CompletionRuleInfo(CompletionRuleKind Kind, int? MinimumPercent = null)
{
    public static CompletionRuleInfo Default { get; } = new(CompletionRuleKind.AllSessions);
}

/// <summary>Hours (or points, in the register's unit) a register grants for an offering, valid from/to (inclusive; null = open).</summary>
public sealed record AccreditationInfo(string RegisterId, decimal Hours, string? Code, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);
}

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

    public CompletionRuleInfo Completion { get; init; } = CompletionRuleInfo.Default;
    public IReadOnlyList<AccreditationInfo> Accreditations { get; init; } = [];
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

/// <summary>TempData keys through which the enrolment POST tells the offering page what happened (after its redirect).</summary>
public static class EnrolmentNotice
{
    public const string Status = "EnrolmentStatus";
    public const string Error = "EnrolmentError";
}
