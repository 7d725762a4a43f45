using System.Text.RegularExpressions;
using Academy.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// The trainer takes attendance on the tablet page for the two days of a HARRIE group that took place last week;
/// the participants who were there both days complete, the workflow "Accreditatie-uren toekennen" mails their
/// certificates (real SMTP on loopback), and one participant checks hers on the public page. axe-core runs on
/// every page of the accreditation module along the way, with this real data.
/// </summary>
[Collection("site")]
public sealed class AccreditationJourneyTests(SiteFixture site) : SiteTest(site)
{
    private const string Day1 = "e2e-harrie-afgelopen-dag-1";
    private const string Day2 = "e2e-harrie-afgelopen-dag-2";
    private static readonly string Edition = SiteFixture.PastHarrieEditionId;

    [Fact]
    public async Task Trainer_marks_two_days_participants_get_certificates_by_mail_and_one_verifies_hers()
    {
        var (anna, bram, carla) = (SiteFixture.PastHarrieParticipants[0], SiteFixture.PastHarrieParticipants[1], SiteFixture.PastHarrieParticipants[2]);
        var trainer = await NewSignedInPageAsync(SiteFixture.TrainerEmail, SiteFixture.TrainerPassword);

        // The trainer finds the group among their own groups (the nav link appears for TakeAttendance).
        await trainer.GotoAsync("/");
        await trainer.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Presentie" }).ClickAsync();
        await Expect(trainer).ToHaveURLAsync(new Regex("/presentie$"));
        await Expect(trainer.GetByRole(AriaRole.Main)).ToContainTextAsync(SiteFixture.PastHarrieTitle);
        await Axe.AssertNoViolationsAsync(trainer, "/presentie (trainer)");

        // Day 1: everybody was there.
        await trainer.Locator($"main a[href='/presentie/{Edition}/{Day1}']").First.ClickAsync();
        await Axe.AssertNoViolationsAsync(trainer, "the attendance form of day 1");
        await trainer.GetByRole(AriaRole.Link, new() { Name = "Alles aanwezig: zet iedereen op aanwezig" }).ClickAsync();
        await Expect(trainer.Locator("#voorgevuld")).ToBeVisibleAsync();
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Aanwezigheid opslaan" }).ClickAsync();
        await Expect(trainer.Locator("#statusmelding")).ToContainTextAsync("De aanwezigheid is opgeslagen.");

        // Day 2: Carla left early, but "Deels" without minutes is refused first and nothing is saved.
        await trainer.GotoAsync($"/presentie/{Edition}/{Day2}");
        await Row(trainer, anna).GetByLabel("Aanwezig", new() { Exact = true }).CheckAsync();
        await Row(trainer, bram).GetByLabel("Aanwezig", new() { Exact = true }).CheckAsync();
        await Row(trainer, carla).GetByLabel("Deels", new() { Exact = true }).CheckAsync();
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Aanwezigheid opslaan" }).ClickAsync();
        await Expect(trainer.Locator(".utrecht-form-field-error-message").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(trainer, "the attendance form with an error");
        // What was chosen is still chosen.
        await Expect(Row(trainer, anna).GetByLabel("Aanwezig", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(Row(trainer, carla).GetByLabel("Deels", new() { Exact = true })).ToBeCheckedAsync();

        await Row(trainer, carla).GetByLabel("Minuten aanwezig (alleen bij deels)").FillAsync("120");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Aanwezigheid opslaan" }).ClickAsync();
        await Expect(trainer.Locator("#statusmelding")).ToContainTextAsync("De aanwezigheid is opgeslagen.");
        await Expect(Row(trainer, anna)).ToContainTextAsync("Afgerond");
        await Expect(Row(trainer, carla)).ToContainTextAsync("Voldoet niet aan de afrondingsregel");

        // Anna and Bram get their certificate by mail, with the PDF and the public check link.
        var title = SiteFixture.PastHarrieTitle;
        var annaMail = await MailAsync(anna, $"Je certificaat: {title}");
        var bramMail = await MailAsync(bram, $"Je certificaat: {title}");
        Assert.Contains(annaMail.AttachmentNames, n => n.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(bramMail.AttachmentNames, n => n.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Registerplein", annaMail.Text);
        Assert.DoesNotContain(await Site.Mail.MessagesAsync(), m => m.To.Equals(carla, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("Je certificaat", StringComparison.Ordinal));

        // Anyone can check Anna's certificate with the link from the mail; it shows no more than needed.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync(LinkIn(annaMail, "/certificaat/"));
        await Expect(visitor.Locator("#certificaat-status")).ToContainTextAsync("Geldig");
        var main = visitor.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("Anna Professional");
        await Expect(main).ToContainTextAsync(title);
        await Expect(visitor.Locator("#uren")).ToContainTextAsync("Registerplein (kwaliteitsregister sociaal domein)");
        await Expect(visitor.Locator("#uren")).ToContainTextAsync("12");
        await Expect(main).Not.ToContainTextAsync(anna);
        await Axe.AssertNoViolationsAsync(visitor, "the public certificate check (valid)");

        var unknown = await visitor.GotoAsync("/certificaat/AAAA-BBBB-CCCC");
        Assert.Equal(404, unknown?.Status);
        await Expect(main).ToContainTextAsync("Dit certificaat is niet bekend.");
        await visitor.GotoAsync("/certificaat");
        await Axe.AssertNoViolationsAsync(visitor, "/certificaat (the check form)");

        // Anna sees the hours in "Mijn leeruren".
        var annaPage = await NewSignedInPageAsync(anna, SiteFixture.ProfessionalPassword);
        await annaPage.GotoAsync("/mijn-leeruren");
        await Expect(annaPage.GetByRole(AriaRole.Main)).ToContainTextAsync(title);
        await Axe.AssertNoViolationsAsync(annaPage, "/mijn-leeruren with a certificate");

        // The leer-coördinator's pages, with this group's data.
        var coordinator = await NewSignedInPageAsync(SiteFixture.CoordinatorEmail, SiteFixture.CoordinatorPassword);
        await CheckPageAsync(coordinator, "/admin/presentie");
        await CheckPageAsync(coordinator, $"/admin/presentie/{Edition}");
        await Expect(coordinator.GetByRole(AriaRole.Main)).ToContainTextAsync("Afgerond");
        await CheckPageAsync(coordinator, $"/admin/presentie/{Edition}/{Day2}");
        await CheckPageAsync(coordinator, "/admin/accreditatie");
        await CheckPageAsync(coordinator, $"/admin/accreditatie/edities/{Edition}");
        // Nobody has a register number yet: listed as not reportable, not dropped.
        await Expect(coordinator.GetByRole(AriaRole.Main)).ToContainTextAsync("Anna Professional");
        await CheckPageAsync(coordinator, "/admin/accreditatie/dashboard");
        await CheckPageAsync(coordinator, $"/admin/accreditatie/leeruren?email={Uri.EscapeDataString(anna)}");
        await CheckPageAsync(coordinator, "/admin/accreditatie/certificaten");
        await CheckPageAsync(coordinator, "/admin/accreditatie/registers");
    }

    private static ILocator Row(IPage page, string email) =>
        page.Locator("fieldset.attendance-row").Filter(new() { HasText = SiteFixture.DisplayName(email) });
}
