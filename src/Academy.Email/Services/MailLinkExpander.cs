using System.Net;
using Academy.Core.Contracts;
using Academy.Core.Hosting;
using Academy.Email.Models;
using Microsoft.Extensions.Options;
using Academy.Email.Abstractions;

namespace Academy.Email.Services;

/// <summary>
/// Turns the one-time link references in a mail (see <see cref="MailLinks"/>) into working links just before it
/// is handed over, in memory only: the mail outbox keeps the references, so no usable token rests in it. Each
/// attempt makes fresh links; a reference nobody resolves becomes the site's address.
/// </summary>
public sealed class MailLinkExpander(IEnumerable<IMailLinkResolver> resolvers, IOptions<AcademyOptions> site)
{
    /// <summary>Replaces the references in <paramref name="mail"/>'s HTML and text; the record must not be saved afterwards.</summary>
    public async Task ExpandAsync(MailMessageRecord mail, CancellationToken cancellationToken)
    {
        var baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');
        var found = MailLinks.Find(baseUrl, mail.Html).Concat(MailLinks.Find(baseUrl, mail.Text))
            .DistinctBy(r => r.Reference, StringComparer.Ordinal).ToList();
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (reference, kind, value) in found)
        {
            var resolver = resolvers.FirstOrDefault(r => string.Equals(r.Kind, kind, StringComparison.Ordinal));
            links[reference] = (resolver is null ? null : await resolver.ResolveAsync(value, mail.To, cancellationToken)) ?? baseUrl + "/";
        }
        // Longest first: a reference that starts another one is not replaced inside it.
        foreach (var (reference, url) in links.OrderByDescending(l => l.Key.Length))
        {
            mail.Html = mail.Html.Replace(reference, WebUtility.HtmlEncode(url), StringComparison.Ordinal);
            mail.Text = mail.Text.Replace(reference, url, StringComparison.Ordinal);
        }
    }
}
