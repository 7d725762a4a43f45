namespace Academy.Accreditation.Abstractions;

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
