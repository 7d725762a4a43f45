namespace Academy.Users;

/// <summary>
/// What a person tells colleagues about themselves, beside the account (which holds the name and organisation).
/// One row per account at most; no row is an empty, hidden profile.
/// </summary>
public class UserProfile
{
    public const int FunctionMaxLength = 200;
    public const int BioMaxLength = 1000;
    public const int ThemesMaxLength = 1000;

    public string UserId { get; set; } = "";
    public string? Function { get; set; }
    public string? Bio { get; set; }
    /// <summary>Theme term ids of the leeragenda, stored as "|a|b|" so one theme is found with LIKE '%|a|%'.</summary>
    public string ExpertiseThemes { get; set; } = "";
    /// <summary>The owner's choice: colleagues (signed-in users) may find the profile and see its photo.</summary>
    public bool VisibleToColleagues { get; set; }
    /// <summary>Random per upload, part of the photo's path and address (cached for good); null when there is no photo.</summary>
    public string? PhotoVersion { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public IReadOnlyList<string> Themes => ExpertiseThemes.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinThemes(IEnumerable<string> themes)
    {
        var list = themes.Where(t => !string.IsNullOrWhiteSpace(t) && !t.Contains('|')).Distinct().ToList();
        return list.Count == 0 ? "" : "|" + string.Join('|', list) + "|";
    }
}
