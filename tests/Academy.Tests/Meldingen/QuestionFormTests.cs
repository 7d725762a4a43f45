using System.Net;
using Academy.Testing;
using Academy.Tests.Admin;

namespace Academy.Tests.Meldingen;

/// <summary>"Stel je vraag": a good question becomes one melding with one mail; bad input is refused in Dutch, never a 500.</summary>
public sealed class QuestionFormTests : IDisposable
{
    private readonly MeldingenSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_question_gets_a_reference_number_and_one_confirmation_mail()
    {
        var visitor = _site.Visitor();
        var email = $"vraag-{Guid.NewGuid():n}@example.nl";

        var reference = await _site.AskValidAsync(visitor, MeldingenSite.Valid(email));

        Assert.Matches(@"^WC-20\d\d-\d{6}$", reference);
        var melding = await _site.MeldingAsync(reference);
        Assert.Equal(email, melding.Email);
        Assert.Null(melding.Phone);
        Assert.Equal("Arnhem", melding.Gemeente);
        Assert.Equal(1, await _site.MailsToAsync(email));
        await _site.Factory.DrainBackgroundAsync();
        var mail = Assert.Single(await Email.MailTestKit.DeliveredToAsync(_site.Factory.Services, email));
        Assert.Contains(reference, mail.Subject);
        Assert.Contains(reference, mail.TextBody);
    }

    [Fact]
    public async Task Phone_as_the_way_back_keeps_only_the_phone_number_and_sends_no_mail()
    {
        var fields = MeldingenSite.Valid($"niet-bewaard-{Guid.NewGuid():n}@example.nl");
        fields["Channel"] = "telefoon";
        fields["Phone"] = "06 12345678";

        var reference = await _site.AskValidAsync(_site.Visitor(), fields);

        var melding = await _site.MeldingAsync(reference);
        Assert.Equal("06 12345678", melding.Phone);
        Assert.Null(melding.Email);
        Assert.Equal(0, await _site.MailsToAsync(fields["Email"]));
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "leeg", "", "Schrijf je vraag op." },
        { "1 MB tekst", new string('a', 1024 * 1024), "Je vraag is te lang." },
        { "geen toestemming", "zonder-toestemming", "Geef toestemming" },
        { "geen e-mailadres", "zonder-email", "Vul je e-mailadres in." },
        { "onbekende gemeente", "gemeente", "Kies de gemeente" },
        { "honeypot", "honeypot", "Laat het veld ‘Website’ leeg" },
        { "te snel", "snel", "erg snel verstuurd" },
        { "vervalste stempel", "stempel", "Het formulier is verlopen." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_dutch_message_with_the_form_kept_and_stores_nothing(string what, string variant, string message)
    {
        var fields = MeldingenSite.Valid();
        var fillTime = TimeSpan.FromSeconds(20);
        switch (variant)
        {
            case "zonder-toestemming": fields.Remove("Consent"); break;
            case "zonder-email": fields["Email"] = " "; break;
            case "gemeente": fields["Gemeente"] = "Amsterdam"; break;
            case "honeypot": fields["Website"] = "https://spam.example"; break;
            case "snel": fillTime = TimeSpan.FromSeconds(1); break;
            case "stempel": fields["Stamp"] = "vervalst"; break;
            default: fields["Question"] = variant; break;
        }
        var before = await _site.CountAsync();

        var page = await _site.AskAsync(_site.Visitor(), fields, fillTime);

        Assert.True(page.Status == HttpStatusCode.OK, $"{what}: {(int)page.Status}");
        Assert.Contains(message, page.Document.QuerySelector("#foutmeldingen")!.TextContent);
        // The form is kept: what was typed is still there, and it can be sent again.
        Assert.Equal("werkzoekende", page.Document.QuerySelector("input[name=Audience][checked]")?.GetAttribute("value"));
        Assert.Equal("werk-zoeken", page.Document.QuerySelector("select[name=Topic] option[selected]")?.GetAttribute("value"));
        Assert.NotNull(page.Document.QuerySelector("input[name=Stamp]")?.GetAttribute("value"));
        Assert.Equal(before, await _site.CountAsync());
    }

    [Fact]
    public async Task A_script_tag_is_stored_as_text_and_shown_escaped_to_the_gids()
    {
        var fields = MeldingenSite.Valid();
        fields["Question"] = "<script>alert('x')</script> Hoe vind ik werk?";
        var reference = await _site.AskValidAsync(_site.Visitor(), fields);
        var melding = await _site.MeldingAsync(reference);
        Assert.Equal(fields["Question"], melding.Question);

        var gids = await _site.GidsAsync("script");
        var detail = await gids.GetAsync($"/gids/meldingen/{melding.Id}");

        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Equal(fields["Question"], detail.Document.QuerySelector("#melding-vraag")!.TextContent);
        Assert.Empty(detail.Document.QuerySelectorAll("main script"));
    }
}

/// <summary>The per-address limit (default 5 an hour): the 6th of 20 posts from one address gets the Dutch 429 page.</summary>
public sealed class QuestionThrottleTests
{
    [Fact]
    public async Task Twenty_posts_from_one_address_get_429_after_the_limit_and_store_no_more()
    {
        using var site = new MeldingenSite(submissionsPerWindow: 5);
        var visitor = site.Visitor();
        var statuses = new List<HttpStatusCode>();
        Page? throttled = null;
        for (var i = 0; i < 20; i++)
        {
            var page = await site.AskAsync(visitor, MeldingenSite.Valid($"spam-{i}@example.nl"));
            statuses.Add(page.Status);
            throttled ??= page.Status == HttpStatusCode.TooManyRequests ? page : null;
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, await site.CountAsync());
        Assert.Equal("Te veel vragen verstuurd", throttled!.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(throttled.Response.Headers.RetryAfter);
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/werkcentrum/vraag")).Status);
    }
}
