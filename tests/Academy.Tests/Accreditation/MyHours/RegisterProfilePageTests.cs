using System.Net;
using Academy.Testing;
using Academy.Tests.Admin;
using static Academy.Tests.Accreditation.MyHours.MyHoursTestKit;
using static Academy.Tests.Enrolment.Pages.PagesTestKit;

namespace Academy.Tests.Accreditation.MyHours;

public sealed class RegisterProfilePageSqliteTests(SqliteMyHoursSite site) : RegisterProfilePageTests, IClassFixture<SqliteMyHoursSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class RegisterProfilePagePostgresTests(PostgresFixture postgres, PostgresMyHoursSite site) : RegisterProfilePageTests, IClassFixture<PostgresMyHoursSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}

/// <summary>"Mijn registers": a field per register with its format, consent, and a save that is all or nothing.</summary>
public abstract class RegisterProfilePageTests
{
    private const string Form = "form[action='/mijn-registers']";

    protected abstract Task<AcademyFactory> SiteAsync();

    [Fact]
    public async Task Shows_a_field_with_its_format_per_register_in_recipe_order_and_the_consent_checkbox()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);

        var page = await me.Browser.GetAsync("/mijn-registers");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var inputs = page.Document.QuerySelectorAll($"{Form} input[type=text]").ToList();
        Assert.Equal(["Numbers[registerplein]", "Numbers[skj]", "Numbers[adviesraad-re-integratie]"], inputs.Select(i => i.GetAttribute("name")));
        var label = page.Document.QuerySelector("label[for='nummer-registerplein']")!.TextContent.Trim();
        Assert.Equal("Registerplein (kwaliteitsregister sociaal domein)", label);
        var hint = page.Document.QuerySelector("#nummer-registerplein-hint")!.TextContent;
        Assert.Contains("Een nummer in Registerplein (kwaliteitsregister sociaal domein) bestaat uit RP en 6 cijfers, bijvoorbeeld RP123456.", hint);
        Assert.Contains("bestaat uit SKJ en 9 cijfers, bijvoorbeeld SKJ123456789.", page.Document.QuerySelector("#nummer-skj-hint")!.TextContent);
        Assert.Equal("nummer-registerplein-hint", inputs[0].GetAttribute("aria-describedby"));
        var consent = page.Document.QuerySelector("input[name=Consent]")!;
        Assert.Null(consent.GetAttribute("checked"));
        Assert.Equal("Ik geef toestemming om mijn registernummers en leeruren te delen met deze registers",
            page.Document.QuerySelector("label[for='toestemming']")!.TextContent.Trim());
        Assert.Contains("alleen wat het register nodig heeft", page.Document.QuerySelector("#toestemming-uitleg")!.TextContent);
    }

    [Fact]
    public async Task Saving_stores_normalised_numbers_and_consent_and_redirects_with_a_message()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        var other = await PersonAsync(site);

        var done = await SubmitAsync(me.Browser, "/mijn-registers", "/mijn-registers",
            ("Numbers[registerplein]", " rp 123.456 "), ("Numbers[skj]", "123456789"), ("Consent", "true"));

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/mijn-registers", done.Location);
        var numbers = await NumbersAsync(site, me.UserId);
        Assert.Equal([(Registerplein, "RP123456"), (Skj, "SKJ123456789")], numbers.Select(n => (n.RegisterId, n.Number)).OrderBy(n => n.RegisterId));
        var consent = await ConsentAsync(site, me.UserId);
        Assert.True(consent!.Consented);
        Assert.True(consent.ChangedUtc > DateTime.UtcNow.AddMinutes(-5));

        var page = await me.Browser.GetAsync("/mijn-registers");
        Assert.Equal("Je registergegevens zijn opgeslagen.", page.StatusMessage);
        Assert.Equal("RP123456", page.Value("Numbers[registerplein]"));
        Assert.Equal("SKJ123456789", page.Value("Numbers[skj]"));
        Assert.Equal("", page.Value("Numbers[adviesraad-re-integratie]"));
        Assert.NotNull(page.Input("Consent")!.GetAttribute("checked"));

        // Someone else's form is empty: numbers belong to one person.
        var theirs = await other.Browser.GetAsync("/mijn-registers");
        Assert.Equal("", theirs.Value("Numbers[registerplein]"));
        Assert.Empty(await NumbersAsync(site, other.UserId));
    }

    [Fact]
    public async Task A_malformed_number_saves_nothing_and_shows_every_typed_value_with_the_errors()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        // Stored before: one number, no consent.
        await SubmitAsync(me.Browser, "/mijn-registers", "/mijn-registers", ("Numbers[adviesraad-re-integratie]", "RI12345"));
        var before = await ConsentAsync(site, me.UserId);

        var page = await SubmitAsync(me.Browser, "/mijn-registers", "/mijn-registers",
            ("Numbers[registerplein]", "rp 123 456"),
            ("Numbers[skj]", "SKJ12345"),
            ("Numbers[adviesraad-re-integratie]", ""),
            ("Consent", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith("Fout: ", page.Document.Title);
        Assert.Equal(["Het nummer heeft 5 cijfers. Een nummer in Kwaliteitsregister Jeugd (SKJ) bestaat uit SKJ en 9 cijfers, bijvoorbeeld SKJ123456789."], page.ErrorSummary);
        Assert.Equal("#nummer-skj", page.ErrorLinks.Single().Href);
        var field = page.Input("Numbers[skj]")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("nummer-skj-fout", field.GetAttribute("aria-describedby"));
        Assert.Contains("Het nummer heeft 5 cijfers.", page.Document.QuerySelector("#nummer-skj-fout")!.TextContent);
        // Typed values come back exactly as typed, the valid ones too, and so does the checkbox.
        Assert.Equal("rp 123 456", page.Value("Numbers[registerplein]"));
        Assert.Equal("SKJ12345", page.Value("Numbers[skj]"));
        Assert.Equal("", page.Value("Numbers[adviesraad-re-integratie]"));
        Assert.NotNull(page.Input("Consent")!.GetAttribute("checked"));
        Assert.Null(page.Input("Numbers[registerplein]")!.GetAttribute("aria-invalid"));

        // Nothing saved: not the valid number, not the removal, not the consent.
        Assert.Equal([(ReIntegratie, "RI12345")], (await NumbersAsync(site, me.UserId)).Select(n => (n.RegisterId, n.Number)));
        var after = await ConsentAsync(site, me.UserId);
        Assert.False(after!.Consented);
        Assert.Equal(before!.ChangedUtc, after.ChangedUtc);
    }

    [Fact]
    public async Task Several_wrong_numbers_are_all_reported_in_form_order()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);

        var page = await SubmitAsync(me.Browser, "/mijn-registers", "/mijn-registers",
            ("Numbers[registerplein]", "SKJ123456"), ("Numbers[skj]", "SKJ12345678A"), ("Numbers[adviesraad-re-integratie]", "RI123"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#nummer-registerplein", "#nummer-skj", "#nummer-adviesraad-re-integratie"], page.ErrorLinks.Select(l => l.Href));
        Assert.StartsWith("Het nummer begint niet met RP.", page.ErrorSummary[0]);
        Assert.StartsWith("Na SKJ mag het nummer alleen cijfers bevatten.", page.ErrorSummary[1]);
        Assert.StartsWith("Het nummer heeft 3 cijfers.", page.ErrorSummary[2]);
        Assert.Empty(await NumbersAsync(site, me.UserId));
        Assert.Null(await ConsentAsync(site, me.UserId));
    }

    [Fact]
    public async Task Emptying_a_field_removes_that_number_and_unticking_withdraws_consent()
    {
        var site = await SiteAsync();
        var me = await PersonAsync(site);
        await SubmitAsync(me.Browser, "/mijn-registers", "/mijn-registers",
            ("Numbers[registerplein]", "RP111111"), ("Numbers[adviesraad-re-integratie]", "RI22222"), ("Consent", "true"));
        var given = (await ConsentAsync(site, me.UserId))!.ChangedUtc;

        var page = await me.Browser.GetAsync("/mijn-registers");
        var form = page.Form(Form).Set("Numbers[registerplein]", "").Remove("Consent");
        var done = await me.Browser.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal([(ReIntegratie, "RI22222")], (await NumbersAsync(site, me.UserId)).Select(n => (n.RegisterId, n.Number)));
        var withdrawn = await ConsentAsync(site, me.UserId);
        Assert.False(withdrawn!.Consented);
        Assert.True(withdrawn.ChangedUtc >= given);
        var shown = await me.Browser.GetAsync("/mijn-registers");
        Assert.Equal("", shown.Value("Numbers[registerplein]"));
        Assert.Null(shown.Input("Consent")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var site = await SiteAsync();

        var page = await AdminTestKit.Anonymous(site).GetAsync("/mijn-registers");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/inloggen", Absolute(page.Location!));
    }
}
