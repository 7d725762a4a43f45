using Academy.Core.Contracts;
using Academy.Core.Hosting;
using Academy.Core.Text;
using Academy.Email.Models;
using Academy.Email.Services;
using Microsoft.Extensions.Options;
using Academy.Email.Abstractions;

namespace Academy.Tests.Email;

/// <summary>
/// Issue 9, finding 3: what a person typed stays text in the academy's mails (no foreign link, no image), only the
/// site's own links are links, the text part is readable text; and a one-time link reference someone typed is
/// never made into a working link.
/// </summary>
public sealed class MailInjectionTests
{
    private const string Phishing = "Acme [Uw account is geblokkeerd - klik hier](https://evil.test/phish)";
    private const string Pixel = "![x](https://evil.test/pixel.gif)";
    private const string Template =
        "Beste {{ Input.ContactName }},\n\nJe hebt namens **{{ Input.OrganisationName }}** medewerkers aangemeld.\n\n[Aanmelding bevestigen]({{ Input.ConfirmUrl }})";

    private static readonly IOptions<AcademyOptions> Site = Options.Create(new AcademyOptions { PublicBaseUrl = "http://localhost:5000" });

    public static MailComposer Composer() => new(new MailMarkdown(new MarkdownRenderer(), Site));

    private static Dictionary<string, object?> Model(string organisation, string contact, string confirmUrl) => new()
    {
        ["Input"] = new Dictionary<string, object?> { ["OrganisationName"] = organisation, ["ContactName"] = contact, ["ConfirmUrl"] = confirmUrl },
    };

    [Fact]
    public async Task Typed_markdown_gives_no_foreign_link_or_image_while_the_sites_own_link_stays_a_link()
    {
        var (_, html, text) = await Composer().ComposeAsync("Bevestig", Template,
            Model(Phishing, Pixel, "http://localhost:5000/harrie/bevestigen/abc"));

        Assert.DoesNotContain("href=\"https://evil.test", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"http://localhost:5000/harrie/bevestigen/abc\">Aanmelding bevestigen</a>", html);
        Assert.Contains("<strong>Acme [Uw account is geblokkeerd - klik hier](https://evil.test/phish)</strong>", html);
        Assert.Contains("Beste ![x](https://evil.test/pixel.gif),", text);
        Assert.Contains("namens Acme [Uw account", text);
        Assert.Contains("Aanmelding bevestigen (http://localhost:5000/harrie/bevestigen/abc)", text);
        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("\\", text);
    }

    [Fact]
    public async Task Links_to_other_hosts_and_images_in_a_template_become_plain_text()
    {
        var (_, html, text) = await Composer().ComposeAsync("Info",
            "# Nieuws\n\nLees [het verslag](https://partner.example/verslag) of https://evil.test/x.\n\n![logo](http://localhost:5000/logo.png)\n\n- een\n- twee\n\n[Mijn aanmeldingen](/mijn-aanmeldingen)",
            new Dictionary<string, object?>());

        Assert.DoesNotContain("href=\"https://partner.example", html);
        Assert.DoesNotContain("href=\"https://evil.test", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("het verslag (https://partner.example/verslag)", html);
        Assert.Contains("<a href=\"http://localhost:5000/mijn-aanmeldingen\">Mijn aanmeldingen</a>", html);
        Assert.Equal(
            "Nieuws\n\nLees het verslag (https://partner.example/verslag) of https://evil.test/x.\n\nlogo\n\n- een\n- twee\n\nMijn aanmeldingen (http://localhost:5000/mijn-aanmeldingen)",
            text);
    }

    [Fact]
    public async Task A_one_time_link_reference_becomes_a_link_only_where_the_template_put_it()
    {
        var reference = MailLinks.Reference("http://localhost:5000", "wachtwoord", "gebruiker-1");
        var (_, html, text) = await Composer().ComposeAsync("Wachtwoord",
            "Hallo {{ Input.OrganisationName }}\n\n[Wachtwoord instellen]({{ Input.ConfirmUrl }})",
            Model(reference, "x", reference));
        var mail = new MailMessageRecord { To = "contact@example.nl", Html = html, Text = text };

        await new MailLinkExpander([new FixedResolver()], Site).ExpandAsync(mail, CancellationToken.None);

        Assert.Contains("<a href=\"http://localhost:5000/geheim?nr=gebruiker-1&amp;voor=contact@example.nl\">", mail.Html);
        Assert.Contains("Wachtwoord instellen (http://localhost:5000/geheim?nr=gebruiker-1&voor=contact@example.nl)", mail.Text);
        // Typed as a name it stays text that leads nowhere (and is no reference any more).
        Assert.Equal(1, CountOf(mail.Text, "/geheim?"));
        Assert.Equal(1, CountOf(mail.Html, "/geheim?"));
        Assert.StartsWith("Hallo http://localhost:5000/e\u2060enmalige-link/wachtwoord/gebruiker-1", mail.Text);
    }

    [Fact]
    public void Escaped_values_keep_their_lines_but_start_no_block()
    {
        Assert.Equal("\\# Kop\\\n\\- punt \\<b\\>", MarkdownEscaper.Escape("# Kop\r\n\r\n- punt <b>"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private sealed class FixedResolver : IMailLinkResolver
    {
        public string Kind => "wachtwoord";

        public Task<string?> ResolveAsync(string value, string recipient, CancellationToken cancellationToken = default) =>
            Task.FromResult<string?>($"http://localhost:5000/geheim?nr={value}&voor={recipient}");
    }
}
