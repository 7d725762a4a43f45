using System.Net;
using Academy.EmployerSignup.Services;
using static Academy.Tests.EmployerSignup.SignupForms;

namespace Academy.Tests.EmployerSignup;

/// <summary>The /harrie form: what it shows, and bad input that must come back in Dutch without changing anything.</summary>
public sealed class EmployerSignupFormTests(EmployerSite site) : IClassFixture<EmployerSite>
{
    [Fact]
    public async Task Form_lists_upcoming_groups_with_both_days_and_twelve_employee_rows()
    {
        var page = await site.Anonymous().GetAsync("/harrie");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var radios = page.Document.QuerySelectorAll("input[type=radio][name=EditionId]").Select(r => r.GetAttribute("value")).ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"harrie-training-groep-{i}"), radios);
        var firstLabel = page.Document.QuerySelector("label[for=EditionId]")!.TextContent;
        Assert.Contains(" en ", firstLabel);
        Assert.Contains("nog 12 plaatsen vrij", firstLabel);
        Assert.NotNull(page.Input("Employees[11].Email"));
        Assert.Null(page.Input("Employees[12].Email"));
        Assert.NotNull(page.Document.QuerySelector("label[for=Employees_0__Name]"));
    }

    [Fact]
    public async Task Offering_page_links_to_the_employer_form()
    {
        var page = await site.Anonymous().GetAsync("/leeragenda/harrie-training");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var link = page.Document.QuerySelectorAll("a[href='/harrie']").Single();
        Assert.Equal(HarriePageLinks.Label, link.TextContent.Trim());
        var other = await site.Anonymous().GetAsync("/leeragenda/harrie-intervisie");
        Assert.Empty(other.Document.QuerySelectorAll("a[href='/harrie']"));
    }

    [Theory]
    [InlineData("1234567A", "Een KvK-nummer bestaat alleen uit cijfers, bijvoorbeeld 12345678.")]
    [InlineData("1234567", "Een KvK-nummer heeft 8 cijfers; je vulde er 7 in.")]
    [InlineData("123456789", "Een KvK-nummer heeft 8 cijfers; je vulde er 9 in.")]
    [InlineData("", "Vul het KvK-nummer in.")]
    public async Task Wrong_kvk_number_gives_a_dutch_error_and_keeps_the_form(string kvk, string message)
    {
        var page = await PostWithErrorAsync(form => form.Set("KvkNumber", kvk));

        Assert.Contains(("#KvkNumber", message), page.ErrorLinks);
        Assert.Equal(kvk, page.Value("KvkNumber"));
        Assert.Equal("true", page.Input("KvkNumber")!.GetAttribute("aria-invalid"));
    }

    [Theory]
    [InlineData("12345", "Vul een Nederlandse postcode in, zoals 1234 AB.")]
    [InlineData("0123 AB", "Vul een Nederlandse postcode in, zoals 1234 AB.")]
    [InlineData("1234 SS", "Deze postcode bestaat niet. Vul een Nederlandse postcode in, zoals 1234 AB.")]
    public async Task Wrong_postcode_gives_a_dutch_error(string postcode, string message)
    {
        var page = await PostWithErrorAsync(form => form.Set("Postcode", postcode));

        Assert.Contains(("#Postcode", message), page.ErrorLinks);
        Assert.Equal(postcode, page.Value("Postcode"));
    }

    [Fact]
    public async Task Thirteen_employees_from_a_forged_form_are_refused_and_all_rows_kept()
    {
        var page = await PostWithErrorAsync(form => form
            .Set("Employees[12].Name", "Medewerker 13")
            .Set("Employees[12].Email", UniqueEmail("dertien"))
            .Set("Employees[12].Function", "Collega"), employees: 12);

        Assert.Contains("Je kunt per aanmelding hoogstens 12 medewerkers aanmelden; je vulde er 13 in.", page.ErrorSummary);
        Assert.Equal("Medewerker 13", page.Value("Employees[12].Name"));
        Assert.Equal("Medewerker 1", page.Value("Employees[0].Name"));
    }

    [Fact]
    public async Task No_employees_is_refused()
    {
        var page = await PostWithErrorAsync(_ => { }, employees: 0);

        Assert.Contains(("#Employees_0__Name", "Vul minstens één medewerker in."), page.ErrorLinks);
        Assert.Equal("Bakkerij De Korenaar B.V.", page.Value("OrganisationName"));
    }

    [Fact]
    public async Task Duplicate_employee_emails_and_half_filled_rows_are_refused()
    {
        var page = await PostWithErrorAsync(form => form
            .Set("Employees[1].Email", form.Get("Employees[0].Email")!.ToUpperInvariant())
            .Set("Employees[4].Name", "Alleen een naam"), employees: 2);

        Assert.Contains(page.ErrorLinks, l => l.Href == "#Employees_1__Email" && l.Text.Contains("staat al bij een andere medewerker"));
        Assert.Contains(("#Employees_4__Email", "Vul het e-mailadres van medewerker 5 in."), page.ErrorLinks);
        Assert.Contains(("#Employees_4__Function", "Vul de functie van medewerker 5 in."), page.ErrorLinks);
    }

    [Fact]
    public async Task Missing_contact_and_group_are_reported_with_links_to_their_fields()
    {
        var page = await PostWithErrorAsync(form => form.Set("ContactEmail", "geen-adres").Remove("EditionId").Set("ContactPhone", "12"));

        Assert.Contains(("#ContactEmail", "Vul een geldig e-mailadres in voor de contactpersoon, zoals naam@bedrijf.nl."), page.ErrorLinks);
        Assert.Contains(("#EditionId", "Kies een groep."), page.ErrorLinks);
        Assert.Contains(page.ErrorLinks, l => l.Href == "#ContactPhone");
        Assert.NotNull(page.Document.QuerySelector("#EditionId"));
    }

    [Fact]
    public void Dutch_formats_are_checked_and_normalised()
    {
        Assert.Null(DutchInput.KvkError(" 1234 5678 ", out var digits));
        Assert.Equal("12345678", digits);
        Assert.Null(DutchInput.PostcodeError("6811ca", out var postcode));
        Assert.Equal("6811 CA", postcode);
        Assert.True(DutchInput.IsEmail("jan.de-vries+harrie@bedrijf.nl"));
        Assert.False(DutchInput.IsEmail("jan@localhost"));
        Assert.True(DutchInput.IsPhone("+31 26 123 45 67"));
        Assert.False(DutchInput.IsPhone("026-12"));
    }

    /// <summary>Posts a filled form after <paramref name="change"/>; asserts a 200 with errors and no sign-up, seat or event.</summary>
    private async Task<Admin.Page> PostWithErrorAsync(Action<Admin.HtmlForm> change, int employees = 3)
    {
        var signups = await site.SignupCountAsync();
        var taken = await site.TakenAsync(FirstGroup);
        var events = await site.OutboxCountAsync("EmployerSignupRequested");
        var browser = site.Anonymous();
        var form = await FilledAsync(browser, FirstGroup, employees);
        change(form);

        var page = await browser.SubmitAsync(form);

        Assert.True(page.Status == HttpStatusCode.OK, $"Expected the form back, got {(int)page.Status} {page.Location}");
        Assert.NotEmpty(page.ErrorSummary);
        Assert.StartsWith("Fout: ", page.Document.Title);
        Assert.Equal(signups, await site.SignupCountAsync());
        Assert.Equal(taken, await site.TakenAsync(FirstGroup));
        Assert.Equal(events, await site.OutboxCountAsync("EmployerSignupRequested"));
        return page;
    }
}
