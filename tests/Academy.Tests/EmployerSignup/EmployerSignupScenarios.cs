using System.Net;
using Academy.Core.Data;
using Academy.EmployerSignup.Models;
using Academy.Enrolment.Abstractions;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.EmployerSignup.SignupForms;

namespace Academy.Tests.EmployerSignup;

/// <summary>The sign-up journeys, written once and run on SQLite and on PostgreSQL.</summary>
public static class EmployerSignupScenarios
{
    /// <summary>Three employees: three held seats, an unconfirmed sign-up, the request event and the expiry job.</summary>
    public static async Task<string> SignupHoldsSeatsAndRaisesRequestAsync(EmployerSite site, string editionId)
    {
        var takenBefore = await site.TakenAsync(editionId);

        var signupId = await SignUpAsync(site, editionId, 3);

        Assert.Equal(takenBefore + 3, await site.TakenAsync(editionId));
        var signup = (await site.SignupAsync(signupId))!;
        Assert.Equal(EmployerSignupStatus.Unconfirmed, signup.Status);
        Assert.Equal("6811 CA", signup.Postcode);
        // Issue 9: an unconfirmed sign-up holds its seats for 30 minutes (was 48 hours).
        Assert.Equal(30, (UtcDates.AsUtc(signup.ExpiresUtc) - UtcDates.AsUtc(signup.CreatedUtc)).TotalMinutes, 3);
        var enrolments = await site.EnrolmentsAsync(signupId);
        Assert.Equal(3, enrolments.Count);
        Assert.All(enrolments, e => Assert.Equal(EnrolmentStatus.Held, e.Status));
        Assert.Equal("Werkbegeleider", enrolments[0].ParticipantFunction);

        var request = (await site.EventsAsync("EmployerSignupRequested")).Single(e => e.GetProperty("SignupId").GetString() == signupId);
        Assert.Equal("Bakkerij De Korenaar B.V.", request.GetProperty("OrganisationName").GetString());
        Assert.Equal(3, request.GetProperty("Participants").GetArrayLength());
        Assert.Equal("Medewerker 1", request.GetProperty("Participants")[0].GetProperty("Name").GetString());
        Assert.StartsWith("HARRIE-training", request.GetProperty("OfferingTitle").GetString());
        // The event holds no token: a reference that becomes the confirmation link when the mail is sent.
        var confirmUrl = new Uri(request.GetProperty("ConfirmUrl").GetString()!);
        Assert.True(confirmUrl.IsAbsoluteUri);
        Assert.Equal("/eenmalige-link/harrie-bevestigen/" + signupId, confirmUrl.AbsolutePath);
        var confirmPath = await ConfirmPathAsync(site, signupId);
        Assert.StartsWith("/harrie/bevestigen/", confirmPath);
        Assert.DoesNotContain(signupId, confirmPath);
        var job = await site.ExpiryJobAsync(signupId);
        Assert.NotNull(job);
        Assert.Equal(UtcDates.AsUtc(signup.ExpiresUtc), UtcDates.AsUtc(job!.DueUtc));
        return signupId;
    }

    /// <summary>The link confirms once; again is harmless; a tampered token is a 400 that changes nothing.</summary>
    public static async Task ConfirmLinkConfirmsOnceAsync(EmployerSite site, string editionId)
    {
        var contactEmail = UniqueEmail("contact");
        var signupId = await SignUpAsync(site, editionId, 2, contactEmail);
        var path = await ConfirmPathAsync(site, signupId);
        var browser = site.Anonymous();

        var tampered = await browser.GetAsync(path[..^3] + (path[^3..] == "abc" ? "abd" : "abc"));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.Contains("Deze bevestigingslink klopt niet", tampered.Html);
        var token = await browser.TokenAsync(path);
        var tamperedPost = await browser.PostAsync(path + "x", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.BadRequest, tamperedPost.Status);
        Assert.Equal(EmployerSignupStatus.Unconfirmed, (await site.SignupAsync(signupId))!.Status);

        var confirmed = await ConfirmAsync(browser, path);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        var thanks = await browser.GetAsync(confirmed.Location!);
        Assert.Contains("Aanmelding bevestigd", thanks.Document.QuerySelector("h1")!.TextContent);

        var signup = (await site.SignupAsync(signupId))!;
        Assert.Equal(EmployerSignupStatus.Confirmed, signup.Status);
        Assert.Null(await site.ExpiryJobAsync(signupId));
        var enrolments = await site.EnrolmentsAsync(signupId);
        Assert.All(enrolments, e => Assert.Equal(EnrolmentStatus.Confirmed, e.Status));
        // The enrolment service raises EnrolmentConfirmed per employee (the workflow mails their invitation).
        var ids = enrolments.Select(e => e.Id).ToHashSet();
        Assert.Equal(2, (await site.EventsAsync("EnrolmentConfirmed")).Count(e => ids.Contains(e.GetProperty("EnrolmentId").GetInt64())));

        // The employer organisation (with its KvK number) and the contact's account with the Werkgever role.
        Assert.NotNull(signup.OrganisationId);
        var (kind, kvk) = await site.WithDbAsync(async db =>
        {
            var organisation = await db.Set<Organisation>().SingleAsync(o => o.Id == signup.OrganisationId);
            var registration = await db.Set<OrganisationRegistration>().SingleAsync(r => r.OrganisationId == organisation.Id);
            return (organisation.Kind, registration.KvkNumber);
        });
        Assert.Equal("werkgever", kind);
        Assert.Equal(signup.KvkNumber, kvk);
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            var user = await users.FindByEmailAsync(contactEmail);
            Assert.NotNull(user);
            Assert.Equal(signup.OrganisationId, user!.OrganisationId);
            Assert.Equal(signup.ContactUserId, user.Id);
            Assert.True(await users.IsInRoleAsync(user, "Werkgever"));
            Assert.False(await users.HasPasswordAsync(user));
        }
        var confirmation = (await site.EventsAsync("EmployerSignupConfirmed")).Single(e => e.GetProperty("SignupId").GetString() == signupId);
        Assert.Contains("/eenmalige-link/wachtwoord/" + signup.ContactUserId, confirmation.GetProperty("SetPasswordUrl").GetString());
        Assert.Contains("/account/wachtwoord-instellen?email=", await SetPasswordPathAsync(site, contactEmail));
        Assert.EndsWith("/werkgever", confirmation.GetProperty("ManageUrl").GetString());

        // Again: harmless, and it says so.
        var events = await site.OutboxCountAsync("EmployerSignupConfirmed");
        var organisations = await site.WithDbAsync(db => db.Set<Organisation>().CountAsync());
        var token2 = await browser.TokenAsync("/harrie");
        var again = await browser.PostAsync(path, [new("__RequestVerificationToken", token2)]);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("al bevestigd", again.Html);
        var getAgain = await browser.GetAsync(path);
        Assert.Contains("al bevestigd", getAgain.Html);
        Assert.Equal(events, await site.OutboxCountAsync("EmployerSignupConfirmed"));
        Assert.Equal(organisations, await site.WithDbAsync(db => db.Set<Organisation>().CountAsync()));
    }

    /// <summary>A group with fewer seats left than employees: a Dutch error, and nothing stored or held.</summary>
    public static async Task FullGroupIsRefusedAsync(EmployerSite site, string editionId)
    {
        await SignUpAsync(site, editionId, 10);
        var signups = await site.SignupCountAsync();
        var taken = await site.TakenAsync(editionId);
        var browser = site.Anonymous();
        var form = await FilledAsync(browser, editionId, 3);

        var page = await browser.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.ErrorLinks, l => l.Href == "#EditionId" && l.Text.StartsWith("Er zijn nog maar 2 plaatsen in deze groep", StringComparison.Ordinal));
        Assert.Equal("Medewerker 3", page.Value("Employees[2].Name"));
        Assert.Equal(signups, await site.SignupCountAsync());
        Assert.Equal(taken, await site.TakenAsync(editionId));

        // Two still fit; after that the group is full and no longer offered.
        await SignUpAsync(site, editionId, 2);
        var full = await browser.GetAsync("/harrie");
        Assert.Null(full.Document.QuerySelector($"input[name=EditionId][value='{editionId}']"));
        var late = await browser.SubmitAsync(form);
        Assert.Contains(late.ErrorLinks, l => l.Href == "#EditionId" && l.Text.Contains("niet (meer) beschikbaar"));
        Assert.Equal(12, await site.TakenAsync(editionId));
    }

    /// <summary>The contact sets a password, sees the employees, swaps one and cancels one; another employer gets 404.</summary>
    public static async Task EmployerSwapsAndCancelsOwnEmployeesOnlyAsync(EmployerSite site, string editionId)
    {
        var (contact, signupId) = await ConfirmedEmployerAsync(site, editionId, 3);
        var enrolments = await site.EnrolmentsAsync(signupId);

        // The public menu leads employers to their employees; visitors without the permission do not see it.
        var menu = (await contact.GetAsync("/leeragenda")).Document.QuerySelector(".site-nav a[href='/werkgever']");
        Assert.Equal("Mijn medewerkers", menu?.TextContent.Trim());
        Assert.Null((await site.Anonymous().GetAsync("/leeragenda")).Document.QuerySelector(".site-nav a[href='/werkgever']"));

        var overview = await contact.GetAsync("/werkgever");
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains("Medewerker 2", overview.Html);
        Assert.Equal(3, overview.Document.QuerySelectorAll("a[href$='/vervangen']").Length);

        // Swap the first employee.
        var swapPage = await contact.GetAsync($"/werkgever/deelnemers/{enrolments[0].Id}/vervangen");
        Assert.Equal(HttpStatusCode.OK, swapPage.Status);
        var invalid = await contact.SubmitAsync(swapPage.Form().Set("Name", "Nieuwe Collega").Set("Email", "geen-adres"));
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Contains(invalid.ErrorLinks, l => l.Href == "#Email");
        var newEmail = UniqueEmail("vervanger");
        var swapped = await contact.SubmitAsync(swapPage.Form().Set("Name", "Nieuwe Collega").Set("Email", newEmail).Set("Function", "Teamleider"));
        Assert.Equal(HttpStatusCode.Redirect, swapped.Status);
        Assert.Equal("/werkgever", swapped.Location);
        var after = await site.EnrolmentsAsync(signupId);
        Assert.Equal("Nieuwe Collega", after[0].ParticipantName);
        Assert.Equal(newEmail.ToLowerInvariant(), after[0].ParticipantEmail);
        Assert.Equal(EnrolmentStatus.Confirmed, after[0].Status);

        // Cancel the second: its seat is released.
        var taken = await site.TakenAsync(editionId);
        var cancelPage = await contact.GetAsync($"/werkgever/deelnemers/{enrolments[1].Id}/afmelden");
        Assert.Equal(HttpStatusCode.OK, cancelPage.Status);
        var cancelled = await contact.SubmitAsync(cancelPage.Form());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        Assert.Equal(EnrolmentStatus.Cancelled, (await site.EnrolmentsAsync(signupId))[1].Status);
        Assert.Equal(taken - 1, await site.TakenAsync(editionId));
        // The enrolment rules record the employer as the one who cancelled (not the coördinator).
        var cancelEvent = (await site.EventsAsync("EnrolmentCancelled")).Single(e => e.GetProperty("EnrolmentId").GetInt64() == enrolments[1].Id);
        Assert.Equal("Employer", cancelEvent.GetProperty("CancelledBy").GetString());
        Assert.False(cancelEvent.GetProperty("ByCoordinator").GetBoolean());
        var notice = await contact.GetAsync("/werkgever");
        Assert.Contains("Medewerker 2 is afgemeld.", notice.StatusMessage);
        Assert.Equal(2, notice.Document.QuerySelectorAll("a[href$='/vervangen']").Length);

        // Another employer sees none of it and gets 404 for its enrolments, also when posting.
        var (other, otherSignupId) = await ConfirmedEmployerAsync(site, editionId, 1);
        var otherOverview = await other.GetAsync("/werkgever");
        Assert.DoesNotContain("Nieuwe Collega", otherOverview.Html);
        Assert.DoesNotContain("Medewerker 3", otherOverview.Html);
        var target = enrolments[2].Id;
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/werkgever/deelnemers/{target}/vervangen")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/werkgever/deelnemers/{target}/afmelden")).Status);
        var token = await other.TokenAsync($"/werkgever/deelnemers/{(await site.EnrolmentsAsync(otherSignupId))[0].Id}/afmelden");
        var forgedSwap = await other.PostAsync($"/werkgever/deelnemers/{target}/vervangen",
            [new("__RequestVerificationToken", token), new("Name", "Indringer"), new("Email", UniqueEmail("indringer")), new("Function", "X")]);
        Assert.Equal(HttpStatusCode.NotFound, forgedSwap.Status);
        var forgedCancel = await other.PostAsync($"/werkgever/deelnemers/{target}/afmelden", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, forgedCancel.Status);
        var untouched = (await site.EnrolmentsAsync(signupId))[2];
        Assert.Equal("Medewerker 3", untouched.ParticipantName);
        Assert.Equal(EnrolmentStatus.Confirmed, untouched.Status);

        // Without the permission: no access at all.
        var anonymous = await site.Anonymous().GetAsync("/werkgever");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.StartsWith("/account/inloggen", new Uri(new Uri("http://x"), anonymous.Location!).AbsolutePath);
    }
}
