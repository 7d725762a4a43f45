using System.Text.RegularExpressions;

namespace Academy.Users.Services;

/// <summary>An organisation's e-mail domains (<see cref="Organisation.EmailDomains"/>): parsing, checking and matching.</summary>
public static partial class EmailDomains
{
    public const int MaxStoredLength = 1000;

    /// <summary>
    /// The domains in <paramref name="text"/> (separated by spaces, commas, semicolons or new lines), lowercase and
    /// without a leading "@", or the first one that is not a domain name.
    /// </summary>
    public static (IReadOnlyList<string> Domains, string? Invalid) Parse(string? text)
    {
        var domains = new List<string>();
        foreach (var part in (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var domain = part.Trim().TrimStart('@').ToLowerInvariant();
            if (!DomainPattern().IsMatch(domain) || domain.Length > 253)
            {
                return (domains, part);
            }
            if (!domains.Contains(domain))
            {
                domains.Add(domain);
            }
        }
        return (domains, null);
    }

    /// <summary>The stored form: the domains separated by one space, or null when there are none.</summary>
    public static string? Store(IEnumerable<string> domains)
    {
        var joined = string.Join(' ', domains);
        return joined.Length == 0 ? null : joined;
    }

    public static IReadOnlyList<string> Of(Organisation organisation) => Parse(organisation.EmailDomains).Domains;

    /// <summary>The domain of an e-mail address, lowercase (the part after the last "@").</summary>
    public static string DomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? "" : email[(at + 1)..].Trim().ToLowerInvariant();
    }

    /// <summary>Whether the address is in one of the domains; sub-domains (team.arnhem.nl) count too.</summary>
    public static bool Matches(string email, IEnumerable<string> domains)
    {
        var domain = DomainOf(email);
        return domain.Length > 0 && domains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));
    }

    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
