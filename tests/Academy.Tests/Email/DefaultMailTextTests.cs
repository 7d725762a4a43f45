using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Core.Recipes;

namespace Academy.Tests.Email;

/// <summary>
/// Every mail text the modules ship as a default (the SendEmail activities of their workflow types): the plain-text
/// part reads as text (no Markdown syntax left) and speaks to people as "je", as the site does.
/// </summary>
public sealed partial class DefaultMailTextTests
{
    private const string BaseUrl = "http://localhost:5000";

    /// <summary>(module, workflow type, property, text) of every Subject and Body in every module's defaults.json.</summary>
    public static IReadOnlyList<(string Module, string Text)> DefaultMailTexts()
    {
        var texts = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "Academy.*.dll"))
        {
            var assembly = Assembly.LoadFrom(file);
            if (!assembly.GetManifestResourceNames().Contains(ModuleDefaults.ResourceName))
            {
                continue;
            }
            Collect(ModuleDefaults.Read(assembly), assembly.GetName().Name!, texts);
        }
        return texts;
    }

    private static void Collect(JsonNode? node, string module, List<(string, string)> texts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name is "Subject" or "Body" && value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        texts.Add(($"{module} {name}", text));
                    }
                    else
                    {
                        Collect(value, module, texts);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, module, texts);
                }
                break;
        }
    }

    /// <summary>
    /// The template with sample values: the site's address for a link target (the signal links are the site's own too),
    /// a path for a URL, a plain word for anything else.
    /// </summary>
    private static string Sample(string template) =>
        Tag().Replace(Output().Replace(LinkTarget().Replace(template, "](" + BaseUrl + "/voorbeeld"), m => m.Groups[1].Value switch
        {
            "BaseUrl" => BaseUrl,
            var name when name.EndsWith("Url", StringComparison.Ordinal) => "/leeragenda/voorbeeld",
            _ => "Voorbeeld",
        }), "");

    [Fact]
    public void Every_module_with_mails_ships_its_texts_and_the_test_finds_them()
    {
        var texts = DefaultMailTexts();
        Assert.True(texts.Count >= 20, $"only {texts.Count} default mail texts found");
        Assert.Contains(texts, t => t.Module.StartsWith("Academy.Enrolment", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Module.StartsWith("Academy.EmployerSignup", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Module.StartsWith("Academy.Accreditation", StringComparison.Ordinal));
    }

    [Fact]
    public void The_plain_text_part_of_every_default_mail_has_no_Markdown_left()
    {
        var composer = MailInjectionTests.Composer();
        var bodies = DefaultMailTexts().Where(t => t.Module.EndsWith(" Body", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(bodies);
        var withLinks = 0;
        foreach (var (module, body) in bodies)
        {
            var (_, html, text) = composer.Render("Onderwerp", Sample(body));
            Assert.False(text.Contains("**", StringComparison.Ordinal), $"{module}: '**' in the text part:\n{text}");
            Assert.False(text.Contains("](", StringComparison.Ordinal), $"{module}: a Markdown link in the text part:\n{text}");
            Assert.DoesNotMatch(@"(^|\s)_\S", text);
            if (body.Contains("](", StringComparison.Ordinal))
            {
                // The link reads "text (address)" in the text part, and stays a link in the HTML part.
                Assert.Contains($" ({BaseUrl}/", text);
                Assert.Contains($"href=\"{BaseUrl}/", html);
                withLinks++;
            }
            if (body.Contains("**", StringComparison.Ordinal))
            {
                Assert.Contains("<strong>", html);
            }
        }
        Assert.True(withLinks > 5, $"only {withLinks} default mails with a link");
    }

    [Fact]
    public void Every_default_mail_says_je_and_never_u_or_uw()
    {
        var formal = DefaultMailTexts()
            .Select(t => (t.Module, Text: Sample(t.Text)))
            .Where(t => Formal().IsMatch(t.Text))
            .Select(t => $"{t.Module}: …{Formal().Match(t.Text).Value}… in \"{t.Text}\"")
            .ToList();
        Assert.True(formal.Count == 0, "Formal address in default mail texts:\n" + string.Join("\n", formal));
        Assert.Contains(DefaultMailTexts(), t => Informal().IsMatch(t.Text));
    }

    [Theory]
    [InlineData("Heeft u vragen?", true)]
    [InlineData("Uw aanmelding is bevestigd.", true)]
    [InlineData("Wij nemen contact met u op.", true)]
    [InlineData("Heb je vragen? Je aanmelding is bevestigd.", false)]
    [InlineData("Uren, uwv en u-bocht: geen aanspreekvorm.", false)]
    public void The_formal_address_check_tells_u_from_other_words(string text, bool formal) =>
        Assert.Equal(formal, Formal().IsMatch(text));

    [GeneratedRegex(@"\{\{\s*([\w.]+)[^}]*\}\}")]
    private static partial Regex Output();

    [GeneratedRegex(@"\]\(\{\{\s*(?!BaseUrl\b)[^}]*\}\}")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex Tag();

    /// <summary>"u" or "uw" as a word (not "UWV", not "u-bocht").</summary>
    [GeneratedRegex(@"(?<![\p{L}\-])(u|uw)(?![\p{L}\-])", RegexOptions.IgnoreCase)]
    private static partial Regex Formal();

    [GeneratedRegex(@"(?<![\p{L}\-])(je|jij|jou|jouw)(?![\p{L}\-])", RegexOptions.IgnoreCase)]
    private static partial Regex Informal();
}
