using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Dashboard;
using Academy.Core.Data;
using Academy.EmployerSignup.Models;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Accreditation.Ledger;
using Academy.Tests.Accreditation.Reports;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Ledger.LedgerTestKit;

namespace Academy.Tests.Users.Privacy;

/// <summary>
/// "Mijn gegevens" end to end on SQLite and PostgreSQL: a person with data in every module exports it all, then deletes
/// the account, after which no table holds their name or address, while certificates and register totals stay.
/// </summary>
public abstract class PersonalDataScenarios
{
    protected abstract Task<AcademyFactory> SiteAsync();

    [Fact]
    public async Task Export_holds_every_module_and_deletion_leaves_no_name_or_address_but_keeps_hours_and_certificates()
    {
        var factory = await SiteAsync();
        var member = await PrivacyTestKit.MemberAsync(factory);
        var participant = new Participant(member.UserId, member.Name, member.Email, "Klantmanager");

        // Profile with photo.
        var saved = await PrivacyTestKit.SaveProfileWithPhotoAsync(member);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(3, PrivacyTestKit.PhotoFiles(factory, member.UserId).Length);

        // Enrolment, attendance, hours in the ledger, certificate and its mail (the workflow sends it).
        var register = await ReportsTestKit.RegisterAsync(factory);
        var done = await CompleteAsync(factory, await CreateEditionAsync(factory, Accredit(register.Id, 4, "AVG-1")), participant);
        await WithAsync(factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            db.Add(new AttendanceRecord
            {
                EditionId = done.EditionId, SessionId = "sessie-avg", EnrolmentId = done.EnrolmentId, Status = AttendanceStatus.Present,
                RecordedByUserId = "trainer-test", RecordedUtc = DateTime.UtcNow,
            });
            // A HARRIE sign-up this person made as their employer's contact.
            var organisationId = "avg-werkgever-" + Guid.NewGuid().ToString("n")[..8];
            db.Add(new Organisation { Id = organisationId, Name = "Werkgever AVG", Kind = "werkgever" });
            db.Add(new EmployerSignupRecord
            {
                Id = Guid.NewGuid().ToString("n"), OrganisationName = "Werkgever AVG", KvkNumber = "12345678", Street = "Markt 1",
                Postcode = "6811 AA", Place = "Arnhem", ContactName = member.Name, ContactEmail = member.Email, ContactPhone = "026 000 00 00",
                EditionId = "harrie-training-groep-1", OfferingId = "harrie-training", ParticipantCount = 1,
                Status = EmployerSignupStatus.Confirmed, CreatedUtc = DateTime.UtcNow, ExpiresUtc = DateTime.UtcNow.AddDays(2),
                ConfirmedUtc = DateTime.UtcNow, OrganisationId = organisationId, ContactUserId = member.UserId,
            });
            db.Add(new EmployerContact
            {
                OrganisationId = organisationId, UserId = member.UserId, Name = member.Name, Email = member.Email, IsLinked = true, CreatedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await ReportsTestKit.NumberAsync(factory, participant, register.Id, register.Prefix + new string('7', register.Digits));
        await ReportsTestKit.ConsentAsync(factory, participant, true);
        var certificate = Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
        Assert.NotEmpty(await MailsToAsync(factory, member.Email));
        var year = new DateOnly(Today.Year, 1, 1);
        var totalsBefore = await RegisterTotalAsync(factory, register.Id, year);
        Assert.True(totalsBefore >= 4m);

        // Export.
        var download = await member.Browser.Client.GetAsync("/mijn-gegevens/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync())))
        {
            var json = JsonNode.Parse(zip.GetEntry("mijn-gegevens.json")!.Open())!;
            var sections = json["onderdelen"]!.AsObject();
            foreach (var module in new[] { "account", "aanmeldingen", "accreditatie", "harrie", "e-mail" })
            {
                Assert.True(sections.ContainsKey(module), $"no section {module} in {string.Join(", ", sections.Select(s => s.Key))}");
            }
            Assert.Equal(member.Email, sections["account"]!["email"]!.GetValue<string>());
            Assert.Equal("Klantmanager werk en inkomen", sections["account"]!["profiel"]!["functie"]!.GetValue<string>());
            Assert.Equal(certificate.Code, sections["accreditatie"]!["certificaten"]![0]!["code"]!.GetValue<string>());
            Assert.Single(sections["accreditatie"]!["presentie"]!.AsArray());
            Assert.Equal(member.Name, sections["harrie"]!["aanmeldingen"]![0]!["contactpersoon"]!.GetValue<string>());
            var pdf = zip.GetEntry($"certificaten/certificaat-{certificate.Code}.pdf");
            Assert.NotNull(pdf);
            var bytes = new MemoryStream();
            await pdf.Open().CopyToAsync(bytes);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes.ToArray()[..4]));
            Assert.NotNull(zip.GetEntry("profielfoto.webp"));
        }
        Assert.NotEmpty(await PrivacyTestKit.DatabaseValuesContainingAsync(factory, member.Email, member.Name));

        // Delete: a wrong password changes nothing, the right one erases everything in one go.
        var wrong = await member.Browser.PostAsync("/mijn-gegevens/verwijderen", await DeleteFormAsync(member, "fout-wachtwoord-123"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("Dit wachtwoord klopt niet", wrong.Html);
        Assert.NotEmpty(await PrivacyTestKit.DatabaseValuesContainingAsync(factory, member.Email));

        var deleted = await member.Browser.PostAsync("/mijn-gegevens/verwijderen", await DeleteFormAsync(member, AdminTestKit.UserPassword));
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal("/account-verwijderd", deleted.Location);

        var left = await PrivacyTestKit.DatabaseValuesContainingAsync(factory, member.Email, member.Name, member.UserId);
        Assert.True(left.Count == 0, "Still in the database:\n" + string.Join('\n', left));
        Assert.Empty(PrivacyTestKit.PhotoFiles(factory, member.UserId));
        var check = await AdminTestKit.Anonymous(factory).GetAsync($"/certificaat/{certificate.Code}");
        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Contains("Geldig", check.Document.QuerySelector("#certificaat-status")!.TextContent);
        Assert.Contains("4 uren", check.Document.QuerySelector("#uren")!.TextContent);
        Assert.Equal(totalsBefore, await RegisterTotalAsync(factory, register.Id, year));
        // Signed out: the old cookie opens nothing.
        var after = await member.Browser.GetAsync("/mijn-gegevens");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
    }

    [Fact]
    public async Task The_last_beheerder_cannot_be_erased_and_nothing_changes()
    {
        var factory = await SiteAsync();
        var admin = await AdminTestKit.AdminAsync(factory);
        var adminId = await WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<AcademyUser>()
            .Where(u => u.Email == AcademyFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        var other = await PrivacyTestKit.MemberAsync(factory, "Beheerder");
        var otherId = other.UserId;
        // Two Beheerders: the other one may be erased by the admin, on request.
        var page = await admin.GetAsync($"/admin/gebruikers/{otherId}/verwijderen");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var unconfirmed = await admin.SubmitAsync(page.Form());
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Status);
        Assert.Contains("Vink aan", unconfirmed.Html);
        var erased = await admin.SubmitAsync(page.Form().Set("confirm", "true"));
        Assert.Equal(HttpStatusCode.OK, erased.Status);
        Assert.Empty(await PrivacyTestKit.DatabaseValuesContainingAsync(factory, other.Email, other.Name));

        // Now the setup admin is the last Beheerder (unless other tests added one): refused for themselves too.
        var self = await admin.GetAsync($"/admin/gebruikers/{adminId}/verwijderen");
        var refused = await admin.SubmitAsync(self.Form().Set("confirm", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Mijn gegevens", refused.Html);
        var stillThere = await WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<AcademyUser>().AnyAsync(u => u.Id == adminId));
        Assert.True(stillThere);
        var lastAdmin = await WithAsync(factory, sp => sp.GetRequiredService<Academy.Users.Services.Privacy.PersonalDataService>().IsLastAdministratorAsync(adminId));
        if (lastAdmin)
        {
            var outcome = await WithAsync(factory, sp => sp.GetRequiredService<Academy.Users.Services.Privacy.PersonalDataService>().EraseAsync(adminId));
            Assert.Equal(Academy.Users.Services.Privacy.ErasureOutcome.LastAdministrator, outcome);
            Assert.True(await WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<AcademyUser>().AnyAsync(u => u.Id == adminId)));
        }
    }

    private static async Task<IEnumerable<KeyValuePair<string, string>>> DeleteFormAsync(Member member, string password) =>
    [
        new("__RequestVerificationToken", await member.Browser.TokenAsync("/mijn-gegevens")),
        new("password", password),
        new("confirm", "true"),
    ];

    private static Task<decimal> RegisterTotalAsync(AcademyFactory factory, string registerId, DateOnly from) =>
        WithAsync(factory, async sp => (await sp.GetRequiredService<LedgerFacts>().LoadAsync(registerId, from, from.AddYears(1))).Sum(f => f.Hours));
}

public sealed class PersonalDataSqliteTests(SqliteLedgerSite site) : PersonalDataScenarios, IClassFixture<SqliteLedgerSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class PersonalDataPostgresTests(PostgresFixture postgres, PostgresLedgerSite site) : PersonalDataScenarios, IClassFixture<PostgresLedgerSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
