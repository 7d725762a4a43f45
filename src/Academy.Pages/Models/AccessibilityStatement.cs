using Academy.Core.Settings;

namespace Academy.Pages.Models;

/// <summary>How far the site meets WCAG 2.2 AA, in the categories of the Dutch government's model statement.</summary>
public enum AccessibilityStatus
{
    /// <summary>A: voldoet volledig.</summary>
    Full,
    /// <summary>B: voldoet gedeeltelijk.</summary>
    Partial,
    /// <summary>C: eerste maatregelen genomen.</summary>
    FirstMeasures,
    /// <summary>D: voldoet niet.</summary>
    None,
}

/// <summary>
/// The accessibility statement at /toegankelijkheid (site document "AccessibilityStatement"). A site that never saved one
/// shows these defaults, so sites set up before the page existed have it too; the organisation edits it in
/// /admin/toegankelijkheid.
/// </summary>
public sealed class AccessibilityStatement
{
    public const string DocumentKey = nameof(AccessibilityStatement);

    /// <summary>The date the defaults were checked: the automated checks (axe-core, WCAG 2.2 AA, at 375 and 1280 px) and a keyboard pass.</summary>
    public static readonly DateOnly DefaultCheckedOn = new(2026, 12, 3);

    public AccessibilityStatus Status { get; set; } = AccessibilityStatus.Partial;

    /// <summary>What is known not to work yet, one problem per line.</summary>
    public string KnownIssues { get; set; } =
        "Certificaten (pdf) zijn nog niet goed leesbaar met een schermlezer.\n" +
        "Sommige brede tabellen in het beheer schuiven op een smal scherm binnen hun eigen kader.";

    public DateOnly LastCheckedOn { get; set; } = DefaultCheckedOn;

    /// <summary>How the last check was done (B1: "met automatische tests en met het toetsenbord").</summary>
    public string CheckMethod { get; set; } = "met automatische tests (axe-core) op een groot en een klein scherm, en met alleen het toetsenbord";

    /// <summary>Where visitors report a problem; empty: the site's contact address.</summary>
    public string ReportEmail { get; set; } = "";

    /// <summary>Working days within which a report gets an answer.</summary>
    public int ResponseDays { get; set; } = 5;

    public IReadOnlyList<string> KnownIssueList() =>
        KnownIssues.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string ReportAddress(SiteSettings site) => string.IsNullOrWhiteSpace(ReportEmail) ? site.ContactEmail : ReportEmail;

    /// <summary>The status as the model statement words it.</summary>
    public static string StatusText(AccessibilityStatus status) => status switch
    {
        AccessibilityStatus.Full => "voldoet volledig",
        AccessibilityStatus.Partial => "voldoet gedeeltelijk",
        AccessibilityStatus.FirstMeasures => "eerste maatregelen genomen",
        _ => "voldoet niet",
    };
}
