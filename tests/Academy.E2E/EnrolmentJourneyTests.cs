using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// Professionals enrol on the offering page, read the mails the site really sends (loopback SMTP server),
/// cancel on "Mijn aanmeldingen", and move up from the waitlist when a place frees up.
/// </summary>
[Collection("site")]
public sealed class EnrolmentJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const string IgmPath = "/leeragenda/igm-basistraining";
    private const string IgmTitle = "Integratief Gedragsmodel (IGM): basistraining";
    private const string IgmGroup = "Voorjaar (Arnhem)";

    [Fact]
    public async Task Professional_enrols_gets_a_confirmation_mail_with_ics_and_cancels_on_my_enrolments()
    {
        var email = SiteFixture.Professionals[0];
        var page = await NewSignedInPageAsync(email, SiteFixture.ProfessionalPassword);

        await page.GotoAsync(IgmPath);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Aanmelden ({IgmGroup})", Exact = true }).ClickAsync();
        await Expect(page.Locator("#statusmelding"))
            .ToContainTextAsync($"Je bent aangemeld voor {IgmGroup}. Je krijgt een bevestiging per e-mail.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Bekijk je aanmeldingen ({IgmGroup})" })).ToBeVisibleAsync();

        var confirmation = await MailAsync(email, $"Aanmelding bevestigd: {IgmTitle}");
        Assert.Contains("agenda.ics", confirmation.AttachmentNames);
        Assert.Contains(IgmGroup, confirmation.Text);
        Assert.Contains(Site.BaseUrl + "/mijn-aanmeldingen", confirmation.Text);

        // The link in the mail leads to "Mijn aanmeldingen".
        await page.GotoAsync(LinkIn(confirmation, "/mijn-aanmeldingen"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn aanmeldingen", Level = 1 })).ToBeVisibleAsync();
        var item = page.Locator("li.my-enrolment").Filter(new() { HasText = IgmTitle });
        await Expect(item.Locator(".my-enrolment__status")).ToHaveTextAsync("Bevestigd");

        await item.GetByRole(AriaRole.Link, new() { Name = $"Annuleren ({IgmTitle})" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/mijn-aanmeldingen/\d+/annuleren$"));
        await Axe.AssertNoViolationsAsync(page, "the cancel confirmation page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, annuleren", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/mijn-aanmeldingen$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Je aanmelding voor {IgmTitle} is geannuleerd.");
        await Expect(item.Locator(".my-enrolment__status")).ToHaveTextAsync("Geannuleerd");

        var cancelled = await MailAsync(email, $"Afmelding ontvangen: {IgmTitle}");
        Assert.Contains("Je bent afgemeld", cancelled.Text);
    }

    [Fact]
    public async Task Waitlisted_professional_is_promoted_when_the_only_place_is_cancelled()
    {
        var (first, second) = (SiteFixture.Professionals[1], SiteFixture.Professionals[2]);
        var path = "/leeragenda/" + SiteFixture.SmallOfferingPath;
        var title = SiteFixture.SmallOfferingTitle;
        var group = SiteFixture.SmallGroupName;

        var a = await NewSignedInPageAsync(first, SiteFixture.ProfessionalPassword);
        await a.GotoAsync(path);
        await a.GetByRole(AriaRole.Button, new() { Name = $"Aanmelden ({group})", Exact = true }).ClickAsync();
        await Expect(a.Locator("#statusmelding")).ToContainTextAsync($"Je bent aangemeld voor {group}.");

        var b = await NewSignedInPageAsync(second, SiteFixture.ProfessionalPassword);
        await b.GotoAsync(path);
        await Expect(b.GetByText("Deze groep is vol; je komt op de wachtlijst.")).ToBeVisibleAsync();
        await b.GetByRole(AriaRole.Button, new() { Name = $"Op de wachtlijst ({group})", Exact = true }).ClickAsync();
        await Expect(b.Locator("#statusmelding")).ToContainTextAsync("Je staat op de wachtlijst (plaats 1)");
        await MailAsync(second, $"Je staat op de wachtlijst: {title}");

        await b.GotoAsync("/mijn-aanmeldingen");
        var bItem = b.Locator("li.my-enrolment").Filter(new() { HasText = title });
        await Expect(bItem.Locator(".my-enrolment__status")).ToHaveTextAsync("Op de wachtlijst (plaats 1)");

        // A cancels; B moves up.
        await a.GotoAsync("/mijn-aanmeldingen");
        await a.Locator("li.my-enrolment").Filter(new() { HasText = title })
            .GetByRole(AriaRole.Link, new() { Name = $"Annuleren ({title})" }).ClickAsync();
        await a.GetByRole(AriaRole.Button, new() { Name = "Ja, annuleren", Exact = true }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Status)).ToContainTextAsync("is geannuleerd");

        var promoted = await MailAsync(second, $"Er is een plek vrijgekomen: {title}");
        Assert.Contains("agenda.ics", promoted.AttachmentNames);
        await b.ReloadAsync();
        await Expect(bItem.Locator(".my-enrolment__status")).ToHaveTextAsync("Bevestigd");
    }

    [Fact]
    public async Task Professional_enrols_with_the_keyboard_only()
    {
        var email = SiteFixture.Professionals[3];
        var page = await NewSignedInPageAsync(email, SiteFixture.ProfessionalPassword);
        await page.GotoAsync(IgmPath);

        var button = page.GetByRole(AriaRole.Button, new() { Name = $"Aanmelden ({IgmGroup})", Exact = true });
        var focused = false;
        for (var i = 0; i < 200 && !focused; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await button.EvaluateAsync<bool>("b => document.activeElement === b");
        }
        Assert.True(focused, "The enrol button was not reachable with Tab.");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#statusmelding")).ToContainTextAsync($"Je bent aangemeld voor {IgmGroup}.");
        await MailAsync(email, $"Aanmelding bevestigd: {IgmTitle}");
    }
}
