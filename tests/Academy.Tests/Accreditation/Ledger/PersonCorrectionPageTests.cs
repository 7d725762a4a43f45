using System.Net;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Tests.Enrolment.Pages;
using static Academy.Tests.Accreditation.Ledger.LedgerTestKit;

namespace Academy.Tests.Accreditation.Ledger;

/// <summary>The coördinator corrects a person's name or address, or erases someone without an account, on the ledger page.</summary>
public sealed class PersonCorrectionPageTests(SqliteLedgerSite site) : IClassFixture<SqliteLedgerSite>
{
    private AcademyFactory Factory => site.Factory;

    [Fact]
    public async Task The_coordinator_corrects_name_and_address_with_dutch_errors_and_the_form_kept()
    {
        var done = await CompleteAsync(Factory, await CreateEditionAsync(Factory, Accredit(Registerplein, 2)));
        var certificate = Assert.Single(await CertificatesAsync(Factory, done.EnrolmentId));
        var admin = await AdminTestKit.AdminAsync(Factory);
        var person = await admin.GetAsync($"/admin/accreditatie/leeruren?email={Uri.EscapeDataString(done.Participant.Email)}");
        var form = $"form[action$='/persoon/{certificate.PersonId}/corrigeren']";
        Assert.Equal(done.Participant.Name, person.Form(form).Get("Name"));

        var bad = await admin.SubmitAsync(person.Form(form).Set("Name", "Nieuwe Naam").Set("Email", "geen-adres"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."], bad.ErrorSummary);
        Assert.Equal(("Nieuwe Naam", "geen-adres"), (bad.Form(form).Get("Name"), bad.Form(form).Get("Email")));
        Assert.Equal("true", bad.Document.QuerySelector($"#person-email-{certificate.PersonId}")!.GetAttribute("aria-invalid"));
        Assert.Equal(done.Participant.Name, (await PersonRowAsync(Factory, certificate.PersonId))!.Name);

        var corrected = $"nieuw-{Guid.NewGuid():n}@example.nl";
        var saved = await admin.SubmitAsync(bad.Form(form).Set("Email", corrected));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await admin.GetAsync(PagesTestKit.Absolute(saved.Location!));
        Assert.Contains("Leeruren van Nieuwe Naam", after.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("De gegevens zijn gecorrigeerd", after.StatusMessage);
        Assert.Equal("2 uren", after.Document.QuerySelector($"#totalen tr[data-register='{Registerplein}'] td")!.TextContent.Trim());
        var row = (await PersonRowAsync(Factory, certificate.PersonId))!;
        Assert.Equal(("Nieuwe Naam", corrected), (row.Name, row.Email));
    }

    [Fact]
    public async Task Only_the_coordinator_corrects_or_erases_and_erasing_keeps_the_certificate_valid_without_a_name()
    {
        var done = await CompleteAsync(Factory, await CreateEditionAsync(Factory, Accredit(Registerplein, 2)));
        var certificate = Assert.Single(await CertificatesAsync(Factory, done.EnrolmentId));
        var professional = await PagesTestKit.PersonAsync(Factory);
        var token = await professional.Browser.TokenAsync("/account/uitloggen");

        var correct = await professional.Browser.PostAsync($"/admin/accreditatie/leeruren/persoon/{certificate.PersonId}/corrigeren",
            [new("__RequestVerificationToken", token), new("Name", "Ik mag dit niet"), new("Email", "niet@example.nl")]);
        var erase = await professional.Browser.PostAsync($"/admin/accreditatie/leeruren/persoon/{certificate.PersonId}/anonimiseren",
            [new("__RequestVerificationToken", token)]);

        Assert.StartsWith("/account/geen-toegang", PagesTestKit.Absolute(correct.Location!));
        Assert.StartsWith("/account/geen-toegang", PagesTestKit.Absolute(erase.Location!));
        Assert.Equal(done.Participant.Name, (await PersonRowAsync(Factory, certificate.PersonId))!.Name);

        var admin = await AdminTestKit.AdminAsync(Factory);
        var withoutToken = await admin.PostAsync($"/admin/accreditatie/leeruren/persoon/{certificate.PersonId}/anonimiseren", []);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.Status);
        var unknown = await admin.PostAsync("/admin/accreditatie/leeruren/persoon/onbekend/corrigeren",
            [new("__RequestVerificationToken", await admin.TokenAsync("/admin/accreditatie/leeruren")), new("Name", "X"), new("Email", "x@example.nl")]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);

        var person = await admin.GetAsync($"/admin/accreditatie/leeruren?email={Uri.EscapeDataString(done.Participant.Email)}");
        var erased = await admin.SubmitAsync(person.Form($"form[action$='/persoon/{certificate.PersonId}/anonimiseren']"));

        Assert.Equal(HttpStatusCode.Redirect, erased.Status);
        var row = (await PersonRowAsync(Factory, certificate.PersonId))!;
        Assert.Equal((null, null, null), (row.UserId, row.Email, row.Name));
        Assert.NotNull(row.AnonymisedUtc);
        var check = await AdminTestKit.Anonymous(Factory).GetAsync($"/certificaat/{certificate.Code}");
        Assert.Contains("Geldig", check.Document.QuerySelector("#certificaat-status")!.TextContent);
        Assert.DoesNotContain(done.Participant.Name, check.Html);
        var search = await admin.GetAsync($"/admin/accreditatie/leeruren?email={Uri.EscapeDataString(done.Participant.Email)}");
        Assert.NotNull(search.Document.QuerySelector("#geen-persoon"));
        var list = await admin.GetAsync($"/admin/accreditatie/certificaten?q={certificate.Code}");
        Assert.Contains("(geanonimiseerd)", list.Document.QuerySelector($"tr[data-certificate='{certificate.Code}']")!.TextContent);
    }
}
