namespace Academy.Accreditation.Services.Dashboard;

/// <summary>
/// The privacy rule of every figure about people: a group of fewer than <see cref="Threshold"/> distinct people
/// is never shown (not its hours, completions or number of people), in charts, tables and totals alike.
/// </summary>
public static class SmallGroups
{
    public const int Threshold = 5;

    /// <summary>1 to 4 people: hidden. Zero people reveals nobody and is shown as 0.</summary>
    public static bool IsSuppressed(int people) => people is > 0 and < Threshold;

    /// <summary>What is shown instead of a suppressed figure.</summary>
    public const string Placeholder = "< 5";
}

/// <summary>The figures of one group (an organisation, a thema, a quarter, or everything).</summary>
public sealed record GroupFigures(string Key, string Label, int People, int Completions, decimal Hours)
{
    public bool Suppressed => SmallGroups.IsSuppressed(People);

    public static GroupFigures Of(string key, string label, IEnumerable<LedgerFact> facts)
    {
        var list = facts as IReadOnlyCollection<LedgerFact> ?? facts.ToList();
        return new GroupFigures(
            key,
            label,
            list.Select(f => f.PersonKey).Distinct(StringComparer.Ordinal).Count(),
            list.Where(f => f.CompletedEnrolmentId is not null).Select(f => f.CompletedEnrolmentId).Distinct().Count(),
            list.Sum(f => f.Hours));
    }
}
