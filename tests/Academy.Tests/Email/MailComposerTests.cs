using System.Text.Json.Nodes;
using Academy.Core.Contracts;
using Academy.Core.Text;
using Academy.Email.Services;
using Academy.Email.Abstractions;

namespace Academy.Tests.Email;

/// <summary>Liquid templates with Markdown output: values from dictionaries, JSON and records; sanitised HTML.</summary>
public sealed class MailComposerTests
{
    private readonly MailComposer _composer = MailInjectionTests.Composer();

    private sealed record Edition(string Name, DateTime StartUtc);

    [Fact]
    public async Task Values_from_dictionaries_json_and_records_fill_the_templates()
    {
        var model = new Dictionary<string, object?>
        {
            ["Input"] = JsonNode.Parse("""{ "Name": "Sanne", "Seats": 2, "Tags": ["a", "b"], "Nested": { "City": "Arnhem" } }"""),
            ["Edition"] = new Edition("Groep 1", new DateTime(2026, 3, 5, 8, 30, 0, DateTimeKind.Utc)),
            ["Site"] = new Dictionary<string, object?> { ["Name"] = "Leeracademie" },
            ["Built"] = new JsonObject { ["Count"] = 3, ["Price"] = 12.5, ["Label"] = "Arnhem-Zuid", ["Open"] = true },
        };

        var (subject, html, text) = await _composer.ComposeAsync(
            "Aanmelding {{ Edition.Name }}\nbevestigd",
            "Beste {{ Input.Name }},\n\n{{ Built.Count | plus: 1 }} {{ Built.Price }} {{ Built.Label }}{% if Built.Open %} open{% endif %}\n\nU bent aangemeld voor **{{ Edition.Name }}** in {{ Input.Nested.City }} ({{ Input.Seats | plus: 1 }} plaatsen, {{ Input.Tags | join: '-' }}).\n\nGroet, {{ Site.Name }}",
            model);

        Assert.Equal("Aanmelding Groep 1 bevestigd", subject);
        Assert.Contains("Beste Sanne,", text);
        Assert.Contains("4 12,5 Arnhem-Zuid open", text); // numbers in Dutch notation
        Assert.Contains("Groep 1 in Arnhem (3 plaatsen, a-b)", text); // the text part is text, not Markdown
        Assert.Contains("<strong>Groep 1</strong>", html);
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("<title>Aanmelding Groep 1 bevestigd</title>", html);
        Assert.Contains("Groet, Leeracademie", html);
    }

    [Fact]
    public async Task Markup_and_script_in_values_never_reach_the_html()
    {
        var model = new Dictionary<string, object?>
        {
            ["Input"] = new Dictionary<string, object?>
            {
                ["Name"] = "<script>alert('x')</script><img src=x onerror=alert(1)>",
                ["Link"] = "[klik](javascript:alert(1))",
            },
        };

        var (_, html, text) = await _composer.ComposeAsync("Hallo", "Hallo {{ Input.Name }}\n\n{{ Input.Link }}", model);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
        // The plain-text part is text: it carries the value as written.
        Assert.Contains("<script>alert('x')</script>", text);
    }

    [Fact]
    public async Task A_template_with_a_syntax_error_gives_a_clear_dutch_message()
    {
        var error = await Assert.ThrowsAsync<MailTemplateException>(() =>
            _composer.ComposeAsync("Hallo", "Beste {{ Input.Name ", new Dictionary<string, object?>()));

        Assert.StartsWith("De e-mailsjabloon (tekst) bevat een fout", error.Message);
    }
}
