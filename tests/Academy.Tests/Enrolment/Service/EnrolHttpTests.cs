using Academy.Leeragenda.Abstractions;
using System.Net;
using Academy.Core.Contracts;
using Academy.Enrolment.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Academy.Tests.Admin;
using static Academy.Tests.Enrolment.Service.EnrolmentTestKit;

namespace Academy.Tests.Enrolment.Service;

/// <summary>The enrol button on the offering page and POST /aanmelden/{editionId}, through the real site.</summary>
public sealed class EnrolHttpTests(SqliteEnrolmentSite site) : IClassFixture<SqliteEnrolmentSite>
{
    [Fact]
    public async Task Anonymous_visitors_are_asked_to_log_in_and_cannot_post()
    {
        var edition = await CreateEditionAsync(site.Factory, capacity: 3);
        var browser = AdminTestKit.Anonymous(site.Factory);
        var path = await OfferingPathAsync(edition);

        var page = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var login = page.Document.QuerySelectorAll(".edition-action a").Single();
        Assert.StartsWith("Log in om je aan te melden", login.TextContent.Trim());
        Assert.Equal("/account/inloggen?ReturnUrl=" + Uri.EscapeDataString(path), login.GetAttribute("href"));
        Assert.Empty(page.Document.QuerySelectorAll("form[action^='/aanmelden/']"));

        var post = await browser.PostAsync("/aanmelden/" + edition.EditionId, []);
        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.StartsWith("/account/inloggen", new Uri(new Uri("http://localhost"), post.Location!).AbsolutePath);
        Assert.Empty(await EnrolmentsAsync(site.Factory, edition.EditionId));
    }

    [Fact]
    public async Task Signed_in_users_enrol_with_the_button_and_a_double_submit_is_a_message()
    {
        var edition = await CreateEditionAsync(site.Factory, capacity: 1);
        var browser = await AdminTestKit.UserAsync(site.Factory, "Professional");
        var path = await OfferingPathAsync(edition);

        // Without the antiforgery token nothing happens.
        var forged = await browser.PostAsync("/aanmelden/" + edition.EditionId, []);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Empty(await EnrolmentsAsync(site.Factory, edition.EditionId));

        var page = await browser.GetAsync(path);
        var form = page.Form($"form[action='/aanmelden/{edition.EditionId}']");
        Assert.Equal("Aanmelden (" + page.Document.QuerySelector(".edition h3")!.TextContent.Trim() + ")", form.Element.QuerySelector("button")!.TextContent.Trim());

        var posted = await browser.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(path + "#groepen", posted.Location);
        var after = await browser.GetAsync(path);
        Assert.StartsWith("Je bent aangemeld voor", after.StatusMessage);
        Assert.Equal("Je bent aangemeld", after.Document.QuerySelector(".edition-action__note")!.TextContent.Trim());
        Assert.Empty(after.Document.QuerySelectorAll("form[action^='/aanmelden/']"));
        Assert.Equal(EnrolmentStatus.Confirmed, (await EnrolmentsAsync(site.Factory, edition.EditionId)).Single().Status);

        // The same form again (back button, double click): a Dutch message, still one enrolment.
        var again = await browser.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var error = await browser.GetAsync(path);
        Assert.Equal("Je bent al aangemeld voor deze groep.", error.Document.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Single(await EnrolmentsAsync(site.Factory, edition.EditionId));

        // The group is full now: someone else sees the waitlist button and lands on the waitlist.
        var other = await AdminTestKit.UserAsync(site.Factory, "Professional");
        var full = await other.GetAsync(path);
        var waitForm = full.Form($"form[action='/aanmelden/{edition.EditionId}']");
        Assert.StartsWith("Op de wachtlijst", waitForm.Element.QuerySelector("button")!.TextContent.Trim());
        await other.SubmitAsync(waitForm);
        var waiting = await other.GetAsync(path);
        Assert.Contains("Je staat op de wachtlijst (plaats 1)", waiting.StatusMessage);
        Assert.Equal("Je staat op de wachtlijst (plaats 1)", waiting.Document.QuerySelector(".edition-action__note")!.TextContent.Trim());
    }

    [Fact]
    public async Task Unknown_forged_and_started_editions_never_give_a_server_error()
    {
        var started = await CreateEditionAsync(site.Factory, capacity: 3, startUtc: DateTime.UtcNow.AddHours(-1));
        var browser = await AdminTestKit.UserAsync(site.Factory, "Professional");
        var path = await OfferingPathAsync(started);
        var page = await browser.GetAsync(path);
        Assert.Equal("Deze groep is al begonnen", page.Document.QuerySelector(".edition-action__note")!.TextContent.Trim());
        Assert.Empty(page.Document.QuerySelectorAll("form[action^='/aanmelden/']"));
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? await browser.TokenAsync("/account/uitloggen");

        var late = await browser.PostAsync("/aanmelden/" + started.EditionId, [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, late.Status);
        Assert.Equal("Deze groep is al begonnen; aanmelden kan niet meer.", (await browser.GetAsync(path)).Document.QuerySelector("[role=alert]")!.TextContent.Trim());

        foreach (var id in new[] { "bestaat-niet", "x%27%20OR%201%3D1", new string('a', 300) })
        {
            var response = await browser.PostAsync("/aanmelden/" + id, [new("__RequestVerificationToken", token)]);
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
        }
        Assert.Empty(await EnrolmentsAsync(site.Factory, started.EditionId));
    }

    [Fact]
    public async Task Approval_and_prerequisites_change_the_button_and_note()
    {
        var basis = await CreateEditionAsync(site.Factory, capacity: 3);
        var approval = await CreateEditionAsync(site.Factory, capacity: 3, requiresApproval: true);
        var intervisie = await CreateEditionAsync(site.Factory, capacity: 3, prerequisites: [basis.OfferingId], type: "Intervisie");
        var browser = await AdminTestKit.UserAsync(site.Factory, "Professional");

        var ask = await browser.GetAsync(await OfferingPathAsync(approval));
        var form = ask.Form($"form[action='/aanmelden/{approval.EditionId}']");
        Assert.StartsWith("Aanmelding aanvragen", form.Element.QuerySelector("button")!.TextContent.Trim());
        await browser.SubmitAsync(form);
        var pending = await browser.GetAsync(await OfferingPathAsync(approval));
        Assert.Equal("Wacht op goedkeuring", pending.Document.QuerySelector(".edition-action__note")!.TextContent.Trim());

        var blocked = await browser.GetAsync(await OfferingPathAsync(intervisie));
        Assert.Equal($"Eerst {basis.Title} afronden", blocked.Document.QuerySelector(".edition-action__note")!.TextContent.Trim());
        Assert.Empty(blocked.Document.QuerySelectorAll("form[action^='/aanmelden/']"));
    }

    private Task<string> OfferingPathAsync(TestEdition edition) =>
        WithAsync(site.Factory, async sp =>
        {
            var info = await sp.GetRequiredService<IEditionCatalog>().GetAsync(edition.EditionId);
            return info!.OfferingUrl;
        });
}
