using System.Text.RegularExpressions;

namespace Academy.Email.Abstractions;

/// <summary>
/// Makes the working link for a one-time link reference (see <see cref="MailLinks"/>) when the mail that holds it
/// is sent. The module that owns the secret provides it (set-password, HARRIE confirmation, workflow signals).
/// </summary>
public interface IMailLinkResolver
{
    /// <summary>The reference's kind, e.g. "wachtwoord".</summary>
    string Kind { get; }

    /// <summary>
    /// The absolute link for <paramref name="value"/> in a mail to <paramref name="recipient"/>, or null when the
    /// reference does not apply (unknown, or not meant for this recipient); the mail then shows the site's address.
    /// </summary>
    Task<string?> ResolveAsync(string value, string recipient, CancellationToken cancellationToken = default);
}

/// <summary>
/// One-time links (a token that lets someone set a password, confirm or approve) never rest in a table: events,
/// workflow input and the mail outbox hold a reference "{PublicBaseUrl}/eenmalige-link/{kind}/{value}" instead,
/// and the Email module turns it into the real link when it hands the mail over. References only work as link
/// targets written by the site (a reference typed into a form is shown as text and never resolved).
/// </summary>
public static partial class MailLinks
{
    public const string Segment = "eenmalige-link";

    /// <param name="value">Letters, digits and <c>-._~</c> only, so Markdown, HTML and URLs leave it as is.</param>
    public static string Reference(string baseUrl, string kind, string value)
    {
        if (!ValuePattern().IsMatch(kind) || !ValuePattern().IsMatch(value))
        {
            throw new ArgumentException("A link reference holds only letters, digits and -._~", nameof(value));
        }
        return $"{baseUrl.TrimEnd('/')}/{Segment}/{kind}/{value}";
    }

    /// <summary>Every reference to this site in <paramref name="text"/>: the whole match, its kind and its value.</summary>
    public static IEnumerable<(string Reference, string Kind, string Value)> Find(string baseUrl, string text)
    {
        var prefix = $"{baseUrl.TrimEnd('/')}/{Segment}/";
        var start = 0;
        while ((start = text.IndexOf(prefix, start, StringComparison.Ordinal)) >= 0)
        {
            var match = ReferenceTail().Match(text, start + prefix.Length);
            if (match.Success && match.Index == start + prefix.Length)
            {
                yield return (prefix + match.Value, match.Groups["kind"].Value, match.Groups["value"].Value);
            }
            start += prefix.Length;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._~-]+$")]
    private static partial Regex ValuePattern();

    [GeneratedRegex("(?<kind>[A-Za-z0-9._~-]+)/(?<value>[A-Za-z0-9._~-]+)")]
    private static partial Regex ReferenceTail();
}
