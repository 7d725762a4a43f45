using Academy.E2E.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Academy.E2E;

/// <summary>
/// axe-core (WCAG 2.x A and AA) on "Mijn registers" (empty, with errors, saved) and "Mijn leeruren" (empty and with
/// hours, a correction and a certificate), for a professional of its own so other journeys' hours are not touched.
/// </summary>
[Collection("site")]
public sealed class MyHoursAccessibilityTests(SiteFixture site) : SiteTest(site)
{
    private const string Email = "myhours-e2e@example.nl";
    private const string Password = "E2e-MijnLeeruren!2026";

    [Fact]
    public async Task Register_profile_and_my_hours_pages_have_no_WCAG_violations()
    {
        await Site.Site.RunRecipeAsync("e2e-myhours", $$"""
            {
              "name": "e2e-myhours",
              "displayName": "E2E: professional voor mijn leeruren",
              "description": "Een professional voor de toegankelijkheidstest van mijn leeruren.",
              "issetuprecipe": false,
              "steps": [
                { "name": "Users", "Users": [ { "UserName": "{{Email}}", "Email": "{{Email}}", "DisplayName": "Mila Leeruren", "Roles": [ "Professional" ], "Password": "{{Password}}" } ] }
              ]
            }
            """);
        var page = await NewSignedInPageAsync(Email, Password);

        await CheckPageAsync(page, "/mijn-leeruren", "/mijn-leeruren without hours");
        await CheckPageAsync(page, "/mijn-registers", "/mijn-registers, empty");

        await page.GetByLabel("Registerplein (kwaliteitsregister sociaal domein)").FillAsync("rp 12345");
        await page.GetByLabel("Ik geef toestemming om mijn registernummers en leeruren te delen met deze registers").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.Locator("#foutmeldingen")).ToContainTextAsync("Het nummer heeft 5 cijfers.");
        await Axe.AssertNoViolationsAsync(page, "/mijn-registers with an error");

        await page.GetByLabel("Registerplein (kwaliteitsregister sociaal domein)").FillAsync("rp 123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.Locator("#statusmelding")).ToContainTextAsync("Je registergegevens zijn opgeslagen.");
        await Axe.AssertNoViolationsAsync(page, "/mijn-registers saved");

        await AppendHoursAsync();
        await CheckPageAsync(page, "/mijn-leeruren", "/mijn-leeruren with hours");
        await Expect(page.Locator(".hours-entry")).ToHaveCountAsync(3);
        await CheckPageAsync(page, "/mijn-leeruren?jaar=2024", "/mijn-leeruren, another period");
    }

    /// <summary>An award with a certificate, its reversal and a manual entry, recorded for the e-mail address (no account id needed).</summary>
    private async Task AppendHoursAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Site.Site.AppDataPath, "academy.db")}");
        await connection.OpenAsync();
        var year = DateTime.UtcNow.Year;
        var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO "AccreditationPersons" ("Id","Email","Name") VALUES ('e2e0000000000000000000000000mila', '{Email}', 'Mila Leeruren');
            INSERT INTO "Certificates" ("Code","EnrolmentId","PersonId","OfferingId","OfferingTitle","CompletedOn","IssuedUtc")
            VALUES ('E2EM-YHRS-0001', 990000001, 'e2e0000000000000000000000000mila', 'e2e', 'Training Gespreksvoering', '{year}-03-09', '{year}-03-09 12:00:00');
            INSERT INTO "HoursLedger" ("IdempotencyKey","Kind","PersonId","RegisterId","Hours","ActivityDate","OfferingId","OfferingTitle","AccreditationCode","CertificateId","CreatedByUserId","CreatedUtc")
            VALUES ('e2e-myhours-1','Award','e2e0000000000000000000000000mila','registerplein','12.0','{year}-03-09','e2e','Training Gespreksvoering','PE-123',last_insert_rowid(),'e2e','{year}-03-09 12:00:00');
            INSERT INTO "HoursLedger" ("IdempotencyKey","Kind","PersonId","RegisterId","Hours","ActivityDate","OfferingId","OfferingTitle","ReversesEntryId","Reason","CreatedByUserId","CreatedUtc")
            VALUES ('e2e-myhours-2','Reversal','e2e0000000000000000000000000mila','registerplein','-12.0','{year}-03-09','e2e','Training Gespreksvoering',last_insert_rowid(),'Dubbel geregistreerd','e2e','{year}-03-10 12:00:00');
            INSERT INTO "HoursLedger" ("IdempotencyKey","Kind","PersonId","RegisterId","Hours","ActivityDate","OfferingId","OfferingTitle","Reason","CreatedByUserId","CreatedUtc")
            VALUES ('e2e-myhours-3','Manual','e2e0000000000000000000000000mila','registerplein','1.5','{year}-04-01','e2e','Casuïstiekbespreking','Nagekomen presentielijst','e2e','{year}-04-02 12:00:00');
            """;
        await command.ExecuteNonQueryAsync();
    }
}
