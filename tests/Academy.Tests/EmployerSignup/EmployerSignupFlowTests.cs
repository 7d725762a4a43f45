using System.Net;
using Academy.Email.Models;
using Academy.EmployerSignup.Models;
using Academy.EmployerSignup.Services;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.EmployerSignup.SignupForms;

namespace Academy.Tests.EmployerSignup;

/// <summary>Signing up, confirming, and the employer's own pages, on SQLite (each test uses its own group).</summary>
public sealed class EmployerSignupFlowTests(EmployerSite site) : IClassFixture<EmployerSite>
{
    [Fact]
    public Task Signup_of_three_holds_three_seats_and_raises_the_request() =>
        EmployerSignupScenarios.SignupHoldsSeatsAndRaisesRequestAsync(site, "harrie-training-groep-1");

    [Fact]
    public Task Confirm_link_confirms_once_and_tampered_links_are_refused() =>
        EmployerSignupScenarios.ConfirmLinkConfirmsOnceAsync(site, "harrie-training-groep-2");

    [Fact]
    public Task Typed_markdown_stays_text_and_one_time_links_rest_in_no_table() =>
        OneTimeLinkScenarios.InjectedTextStaysTextAndTokensNeverRestAsync(site, "harrie-training-groep-5");

    [Fact]
    public Task Full_group_gives_a_dutch_error_and_stores_nothing() =>
        EmployerSignupScenarios.FullGroupIsRefusedAsync(site, "harrie-training-groep-3");

    [Fact]
    public Task Employer_swaps_and_cancels_own_employees_and_nobody_else_can() =>
        EmployerSignupScenarios.EmployerSwapsAndCancelsOwnEmployeesOnlyAsync(site, "harrie-training-groep-4");

    [Fact]
    public async Task Second_signup_of_the_same_employer_reuses_the_organisation_and_account()
    {
        var contactEmail = UniqueEmail("contact");
        var kvk = Kvk();
        var first = await SignUpAsync(site, "harrie-training-groep-5", 1, contactEmail, kvk);
        var second = await SignUpAsync(site, "harrie-training-groep-6", 1, contactEmail, kvk);
        var browser = site.Anonymous();
        await ConfirmAsync(browser, await ConfirmPathAsync(site, first));
        await ConfirmAsync(browser, await ConfirmPathAsync(site, second));

        var a = (await site.SignupAsync(first))!;
        var b = (await site.SignupAsync(second))!;
        Assert.Equal(a.OrganisationId, b.OrganisationId);
        Assert.Equal(a.ContactUserId, b.ContactUserId);
    }

    [Fact]
    public async Task Set_password_page_checks_the_passwords_and_the_link()
    {
        var contactEmail = UniqueEmail("contact");
        var signupId = await SignUpAsync(site, "harrie-training-groep-7", 1, contactEmail);
        var browser = site.Anonymous();
        await ConfirmAsync(browser, await ConfirmPathAsync(site, signupId));
        var link = await SetPasswordPathAsync(site, contactEmail);

        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var shortPassword = await browser.SubmitAsync(page.Form().Set("Password", "kort").Set("ConfirmPassword", "kort"));
        Assert.Contains("Kies een wachtwoord van minstens 12 tekens.", shortPassword.ErrorSummary);
        var mismatch = await browser.SubmitAsync(page.Form().Set("Password", "een-lang-wachtwoord").Set("ConfirmPassword", "een-ander-wachtwoord"));
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", mismatch.ErrorSummary);
        var forged = await browser.GetAsync(link.Replace("token=", "token=x", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains("Deze link is ongeldig", forged.Html);

        var done = await browser.SubmitAsync(page.Form().Set("Password", AdminTestKit.UserPassword).Set("ConfirmPassword", AdminTestKit.UserPassword));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/werkgever")).Status);
        // The link is single-use.
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Anonymous().GetAsync(link)).Status);
    }

    [Fact]
    public async Task Unknown_signup_with_a_valid_token_says_so()
    {
        var url = await site.WithServiceAsync<EmployerSignupService, string>(s => Task.FromResult(s.ConfirmUrl("bestaat-niet")));

        var page = await site.Anonymous().GetAsync(new Uri(url).PathAndQuery);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Aanmelding niet gevonden", page.Html);
    }
}

/// <summary>Holds that are not confirmed in time: a site of its own, with a clock the test moves.</summary>
public sealed class EmployerSignupExpiryTests : IDisposable
{
    private readonly EmployerSite _site = new(new AcademyFactory(), new MutableClock());

    [Fact]
    public async Task Expiry_job_releases_the_seats_of_an_unconfirmed_signup()
    {
        const string edition = "harrie-training-groep-1";
        var signupId = await SignUpAsync(_site, edition, 3);
        var confirmPath = await ConfirmPathAsync(_site, signupId);
        Assert.Equal(3, await _site.TakenAsync(edition));

        // Run too early (a node whose clock runs behind): nothing happens.
        await RunExpiryJobAsync(signupId);
        Assert.Equal(EmployerSignupStatus.Unconfirmed, (await _site.SignupAsync(signupId))!.Status);
        Assert.Equal(3, await _site.TakenAsync(edition));
        Assert.NotNull(await _site.ExpiryJobAsync(signupId));
        await _site.DrainAsync();
        Assert.Equal(3, await _site.TakenAsync(edition));

        // The hold's end: the platform's job runner (on the moved clock) runs the expiry job.
        _site.Clock!.Now = _site.Clock.Now.AddHours(49);
        await _site.DrainAsync();

        Assert.Equal(0, await _site.TakenAsync(edition));
        Assert.Equal(EmployerSignupStatus.Expired, (await _site.SignupAsync(signupId))!.Status);
        Assert.All(await _site.EnrolmentsAsync(signupId), e => Assert.Equal(EnrolmentStatus.Expired, e.Status));
        Assert.Equal(1, await _site.OutboxCountAsync("EmployerSignupExpired"));
        Assert.Null(await _site.ExpiryJobAsync(signupId));
        var page = await _site.Anonymous().GetAsync(confirmPath);
        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("Aanmelding verlopen", page.Html);

        // Running it again changes nothing.
        await RunExpiryJobAsync(signupId);
        Assert.Equal(1, await _site.OutboxCountAsync("EmployerSignupExpired"));
    }

    private async Task RunExpiryJobAsync(string signupId)
    {
        await using var scope = _site.Factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<Academy.Core.Jobs.IJobHandler>().Single(h => h.Kind == "employer-signup-expiry");
        await handler.RunAsync(new Academy.Core.Jobs.DueJob(1, handler.Kind, signupId, _site.Clock!.Now.UtcDateTime, null, 1), CancellationToken.None);
    }

    public void Dispose() => _site.Dispose();
}

/// <summary>The mails the workflows send for a sign-up, through the real outbox, workflow engine and mail queue.</summary>
public sealed class EmployerSignupMailTests(EmployerSite site) : IClassFixture<EmployerSite>
{
    [Fact]
    public async Task Contact_gets_the_confirm_link_then_the_password_link_and_employees_their_invitation()
    {
        var contactEmail = UniqueEmail("contact");
        var signupId = await SignUpAsync(site, "harrie-training-groep-8", 2, contactEmail);
        await site.DrainAsync();

        var confirmPath = await ConfirmPathAsync(site, signupId);
        var request = Assert.Single(await MailsToAsync(contactEmail));
        // The outbox keeps a reference; the token is only in the mail that was handed over.
        Assert.DoesNotContain(confirmPath.Split('/').Last(), request.Text + request.Html);
        Assert.Contains("/eenmalige-link/harrie-bevestigen/", request.Text);

        var browser = site.Anonymous();
        await ConfirmAsync(browser, confirmPath);
        await site.DrainAsync();

        var mails = await MailsToAsync(contactEmail);
        Assert.Equal(2, mails.Count);
        Assert.DoesNotContain("token=", mails[1].Text + mails[1].Html);
        Assert.Contains("/account/wachtwoord-instellen?email=", await SetPasswordPathAsync(site, contactEmail));
        Assert.Contains("/werkgever", mails[1].Text);
        Assert.Contains("Medewerker 2", mails[1].Text);
        foreach (var employee in await site.EnrolmentsAsync(signupId))
        {
            Assert.NotEmpty(await MailsToAsync(employee.ParticipantEmail));
        }
    }

    private Task<List<MailMessageRecord>> MailsToAsync(string email) => site.WithDbAsync(db =>
        db.Set<MailMessageRecord>().Where(m => m.To.ToLower() == email.ToLower()).OrderBy(m => m.Id).ToListAsync());
}
