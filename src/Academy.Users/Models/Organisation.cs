using System.Text.RegularExpressions;

namespace Academy.Users;

/// <summary>A partner organisation of the region (municipality, UWV, school, employer…).</summary>
public class Organisation
{
    public const int IdMaxLength = 64;

    /// <summary>Stable id: lowercase letters, digits and hyphens, at most 64 characters.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="OrganisationKinds.All"/>.</summary>
    public string Kind { get; set; } = OrganisationKinds.Other;
    public string? Place { get; set; }
    /// <summary>
    /// The organisation's own e-mail domains, lowercase, separated by spaces (e.g. "arnhem.nl"): someone who registers
    /// and confirms an address in one of them becomes a Professional at once (<see cref="Services.EmailDomains"/>).
    /// </summary>
    public string? EmailDomains { get; set; }

    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= IdMaxLength && IdPattern.IsMatch(id);

    private static readonly Regex IdPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);
}

public static class OrganisationKinds
{
    public const string Other = "overig";

    public static readonly IReadOnlyList<string> All =
        ["gemeente", "uwv", "sbb", "onderwijs", "socialepartner", "werkgever", "werkcentrum", Other];

    /// <summary>Dutch label of a kind, for display.</summary>
    public static string Label(string kind) => kind switch
    {
        "gemeente" => "Gemeente",
        "uwv" => "UWV",
        "sbb" => "SBB",
        "onderwijs" => "Onderwijs",
        "socialepartner" => "Sociale partner",
        "werkgever" => "Werkgever",
        "werkcentrum" => "Werkcentrum",
        _ => "Overig",
    };
}
