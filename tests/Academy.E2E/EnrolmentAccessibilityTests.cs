using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// axe-core (WCAG 2.0/2.1/2.2 A and AA, no rule excluded) on the pages of enrolment, mail and workflows,
/// each in a state with real data: a professional asks to join an offering that needs approval, the
/// leer-coördinator's approval mail leads to the signal page, and the back office shows the enrolment.
/// (The HARRIE pages and the cancel page are checked inside their journeys.)
/// </summary>
[Collection("site")]
public sealed class EnrolmentAccessibilityTests(SiteFixture site) : SiteTest(site)
{
    private const string ApprovalPath = "/leeragenda/igm-verdieping";
    private const string ApprovalTitle = "IGM verdieping: motiveren en activeren in de praktijk";
    private const string ApprovalEditionId = "igm-verdieping-groep-1";
    private const string ApprovalGroup = "Groep 1 (Elst)";

    [Fact]
    public async Task Enrolment_mail_and_workflow_pages_have_no_WCAG_violations()
    {
        var email = SiteFixture.Professionals[4];
        var page = await NewSignedInPageAsync(email, SiteFixture.ProfessionalPassword);

        await page.GotoAsync(ApprovalPath);
        var request = page.GetByRole(AriaRole.Button, new() { Name = $"Aanmelding aanvragen ({ApprovalGroup})", Exact = true });
        await Expect(request).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "an offering page, signed in, with enrol buttons");
        await request.ClickAsync();
        await Expect(page.Locator("#statusmelding")).ToContainTextAsync($"Je aanmelding voor {ApprovalGroup} is ontvangen.");
        await Axe.AssertNoViolationsAsync(page, "an offering page with the enrolment notice and status");

        await page.GotoAsync("/mijn-aanmeldingen");
        await Expect(page.Locator("li.my-enrolment").Filter(new() { HasText = ApprovalTitle }).Locator(".my-enrolment__status"))
            .ToHaveTextAsync("Wacht op goedkeuring");
        await Axe.AssertNoViolationsAsync(page, "/mijn-aanmeldingen");

        await MailAsync(email, $"Je aanmelding wacht op goedkeuring: {ApprovalTitle}");
        await page.GotoAsync("/meldingen");
        await Axe.AssertNoViolationsAsync(page, "/meldingen");

        // The leer-coördinator's approval mail links to the signal confirmation page.
        var approval = await MailAsync("leeracademie@example.nl", $"Goedkeuring gevraagd: ");
        var signal = await NewPageAsync();
        await signal.GotoAsync(LinkIn(approval, "/workflows/signaal?token="));
        await Expect(signal.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Wilt u dit verzoek");
        await Axe.AssertNoViolationsAsync(signal, "the workflow signal confirmation page");

        var admin = await NewAdminPageAsync();
        await CheckPageAsync(admin, "/admin/aanmeldingen");
        await CheckPageAsync(admin, $"/admin/aanmeldingen/groep/{ApprovalEditionId}");
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync(email);
        await CheckPageAsync(admin, await FirstLinkAsync(admin, @"^/admin/aanmeldingen/aanmelding/\d+$"));
        await CheckPageAsync(admin, $"/admin/aanmeldingen/groep/{ApprovalEditionId}/mailen");
        await CheckPageAsync(admin, "/admin/e-mail");
        await CheckPageAsync(admin, "/admin/workflows");
        await CheckPageAsync(admin, await FirstLinkAsync(admin, @"^/admin/workflows/(?!nieuw$|instanties$)[^/]+$"));
        await CheckPageAsync(admin, "/admin/workflows/instanties");
        await CheckPageAsync(admin, await FirstLinkAsync(admin, @"^/admin/workflows/instanties/\d+$"));
        // The title names the instance (a localized "{0}" once reached the browser unformatted).
        await Expect(admin).ToHaveTitleAsync(new Regex(@"^Instantie \d+"));
    }
}
