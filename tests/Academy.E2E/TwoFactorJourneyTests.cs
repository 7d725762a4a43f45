using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// On a site of its own with two-step verification required for staff (as in production): the Beheerder is sent to set
/// it up before /admin, scans nothing but reads the key, confirms with a code computed here, keeps the recovery codes,
/// and logs in again with a fresh code. The two-step pages are checked with axe-core at 1280 and 375 px.
/// </summary>
[Collection("site")]
public sealed class TwoFactorJourneyTests(SiteFixture site) : SiteTest(site)
{
    [Fact]
    public async Task Beheerder_sets_up_two_step_verification_before_admin_and_logs_in_with_a_code()
    {
        await using var server = await SiteServer.StartAsync(new Dictionary<string, string?>
        {
            ["Academy__Users__TwoFactor__RequiredForStaff"] = "true",
        });
        var page = await NewPageAsync(o => o.BaseURL = server.BaseUrl);
        await page.GotoAsync("/account/inloggen?returnUrl=%2Fadmin");
        await SiteActions.LogInAsync(page, server.AdminEmail, server.AdminPassword);

        await Expect(page).ToHaveURLAsync(new Regex("/account/tweestapsverificatie\\?verplicht=true"));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-code om tweestapsverificatie in je app in te stellen" })).ToBeVisibleAsync();
        await UserManagementJourneyTests.AxeBothWidthsAsync(page, "the two-step set-up page");
        var key = (await page.Locator("#sleutel").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));

        await page.GetByLabel("Code uit je app", new() { Exact = true }).FillAsync("000000" == totp.ComputeTotp() ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten", Exact = true }).ClickAsync();
        await Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("De code klopt niet");
        await UserManagementJourneyTests.AxeBothWidthsAsync(page, "the two-step set-up page with an error");

        await page.GetByLabel("Code uit je app", new() { Exact = true }).FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten", Exact = true }).ClickAsync();
        await Expect(page.Locator("#herstelcodes li")).ToHaveCountAsync(10);
        await UserManagementJourneyTests.AxeBothWidthsAsync(page, "the recovery codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ik heb de codes bewaard, ga verder" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        // A new login asks for the code after the password.
        var again = await NewPageAsync(o => o.BaseURL = server.BaseUrl);
        await again.GotoAsync("/account/inloggen?returnUrl=%2Fadmin%2Fgebruikers");
        await SiteActions.LogInAsync(again, server.AdminEmail, server.AdminPassword);
        await Expect(again).ToHaveURLAsync(new Regex("/account/inloggen/tweestaps"));
        await UserManagementJourneyTests.AxeBothWidthsAsync(again, "the login's second step");
        await again.GetByLabel("Code", new() { Exact = true }).FillAsync(totp.ComputeTotp());
        await again.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(again).ToHaveURLAsync(new Regex("/admin/gebruikers$"));
        await UserManagementJourneyTests.AxeBothWidthsAsync(again, "/admin/gebruikers");
        await again.GetByRole(AriaRole.Link, new() { Name = "Beheerder", Exact = true }).First.ClickAsync();
        await Expect(again.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Beheerder");
        await UserManagementJourneyTests.AxeBothWidthsAsync(again, "the Beheerder's account page");
        await again.GotoAsync("/account/tweestapsverificatie");
        await UserManagementJourneyTests.AxeBothWidthsAsync(again, "the two-step page when it is on");
    }
}
