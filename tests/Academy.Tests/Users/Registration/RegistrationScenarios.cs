using System.Net;
using Academy.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Users.Registration.RegistrationSite;

namespace Academy.Tests.Users.Registration;

/// <summary>Issue 11, points 1 and 2: registering, confirming, approving; run on SQLite and PostgreSQL.</summary>
public static class RegistrationScenarios
{
    public const string ConfirmSubject = "Bevestig je e-mailadres";
    public const string ConfirmPath = "/account/registreren/bevestigen";

    public static async Task PartnerDomainBecomesProfessionalAsync(RegistrationSite site)
    {
        await site.EnsurePartnerAsync();
        var email = UniqueEmail(PartnerDomain);
        var browser = site.Anonymous();
        var answer = await site.RegisterAsync(browser, email, RegisterChoice.Other, other: "Ergens Anders");
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/account/registreren/controleer-je-email", answer.Location);

        // Not confirmed yet: the right password hears why; a wrong one gets the usual answer.
        var early = await site.TryLoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Contains(early.Errors, e => e.Contains("nog niet bevestigd", StringComparison.Ordinal));
        var wrong = await site.TryLoginAsync(email, "een-ander-wachtwoord-dus");
        Assert.DoesNotContain(wrong.Errors, e => e.Contains("bevestigd", StringComparison.Ordinal));

        var link = await site.LinkAsync(email, ConfirmSubject, ConfirmPath);
        var confirmed = await ConfirmAsync(browser, link);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Contains("je account is klaar", confirmed.StatusMessage);
        Assert.Equal(["Professional"], await site.RolesAsync(email));
        // The address's domain decides the organisation.
        Assert.Equal(PartnerId, await site.WithDbAsync(db => db.Set<AcademyUser>().Where(u => u.Email == email).Select(u => u.OrganisationId).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await site.TryLoginAsync(email, Password)).Status);

        // The link works once.
        var again = await browser.SubmitAsync((await browser.GetAsync(link)).Form());
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("ongeldig, al gebruikt of verlopen", again.Html);
    }

    public static async Task OtherDomainWaitsForApprovalAsync(RegistrationSite site)
    {
        var approvedEmail = UniqueEmail("elders.example");
        var declinedEmail = UniqueEmail("elders.example");
        foreach (var email in new[] { approvedEmail, declinedEmail })
        {
            var browser = site.Anonymous();
            Assert.Equal(HttpStatusCode.Redirect, (await site.RegisterAsync(browser, email, RegisterChoice.Other, other: "Buurtteam Oost")).Status);
            var confirmed = await ConfirmAsync(browser, await site.LinkAsync(email, ConfirmSubject, ConfirmPath));
            Assert.Contains("De leer-coördinator bekijkt je aanmelding", confirmed.StatusMessage);
        }
        var pending = await site.TryLoginAsync(approvedEmail, Password);
        Assert.Contains(pending.Errors, e => e.Contains("wacht nog op goedkeuring", StringComparison.Ordinal));
        Assert.Empty(await site.RolesAsync(approvedEmail));

        var admin = await site.AdminAsync();
        var queue = await admin.GetAsync("/admin/registraties");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains(approvedEmail, queue.Html);
        Assert.Contains("Buurtteam Oost", queue.Html);
        var approvedId = await UserIdAsync(site, approvedEmail);
        var declinedId = await UserIdAsync(site, declinedEmail);

        // A Professional cannot use the queue.
        var professional = await AdminTestKitUserAsync(site);
        var token = await admin.TokenAsync("/admin/registraties");
        var refused = await professional.PostAsync($"/admin/registraties/{approvedId}/goedkeuren",
            [new("__RequestVerificationToken", await professional.TokenAsync("/account/wachtwoord-wijzigen"))]);
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(refused.Location!)).Status);
        Assert.Empty(await site.RolesAsync(approvedEmail));

        var approve = await admin.PostAsync($"/admin/registraties/{approvedId}/goedkeuren", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, approve.Status);
        var decline = await admin.PostAsync($"/admin/registraties/{declinedId}/afwijzen", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, decline.Status);

        Assert.Equal(["Professional"], await site.RolesAsync(approvedEmail));
        Assert.Equal(HttpStatusCode.Redirect, (await site.TryLoginAsync(approvedEmail, Password)).Status);
        Assert.Single(await site.MailsToAsync(approvedEmail, "Je account is goedgekeurd"));
        Assert.Single(await site.MailsToAsync(declinedEmail, "Je aanmelding is niet goedgekeurd"));
        Assert.False(await site.WithDbAsync(db => db.Set<AcademyUser>().AnyAsync(u => u.Email == declinedEmail)));
        Assert.False(await site.WithDbAsync(db => db.Set<AccountRegistration>().AnyAsync(r => r.UserId == declinedId)));

        // Deciding twice changes nothing and says so.
        var twice = await admin.PostAsync($"/admin/registraties/{declinedId}/afwijzen", [new("__RequestVerificationToken", token)]);
        Assert.Contains("fout=", twice.Location);
    }

    public static async Task ExpiredConfirmationLinkFailsAsync(RegistrationSite site)
    {
        var email = UniqueEmail("laat.example");
        var browser = site.Anonymous();
        await site.RegisterAsync(browser, email, RegisterChoice.Other, other: "Laat BV");
        var link = await site.LinkAsync(email, ConfirmSubject, ConfirmPath);
        site.Clock.Now += TimeSpan.FromHours(49);
        try
        {
            var page = await browser.SubmitAsync((await browser.GetAsync(link)).Form());
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Equal(RegistrationStatus.Unconfirmed, await site.WithDbAsync(db =>
                db.Set<AccountRegistration>().Where(r => r.UserId == db.Set<AcademyUser>().Single(u => u.Email == email).Id).Select(r => r.Status).SingleAsync()));
        }
        finally
        {
            site.Clock.Now -= TimeSpan.FromHours(49);
        }
    }

    public static async Task CommonPasswordIsRefusedAsync(RegistrationSite site)
    {
        var email = UniqueEmail("zwak.example");
        var page = await site.RegisterAsync(site.Anonymous(), email, RegisterChoice.Other, password: "wachtwoord123", other: "Zwak BV");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.ErrorSummary, e => e.Contains("veel gebruikt", StringComparison.OrdinalIgnoreCase) || e.Contains("bekend", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(email, page.Value("Email")); // the form is kept
        Assert.False(await site.WithDbAsync(db => db.Set<AcademyUser>().AnyAsync(u => u.Email == email)));
    }

    public static async Task AddressInUseGetsTheSameAnswerAsync(RegistrationSite site)
    {
        var fresh = await site.RegisterAsync(site.Anonymous(), UniqueEmail("nieuw.example"), RegisterChoice.Other, other: "Nieuw BV");
        var taken = await site.RegisterAsync(site.Anonymous(), Academy.Testing.AcademyFactory.AdminEmail, RegisterChoice.Other, other: "Nieuw BV");
        Assert.Equal(fresh.Status, taken.Status);
        Assert.Equal(fresh.Location, taken.Location);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<AcademyUser>().CountAsync(u => u.NormalizedEmail == Academy.Testing.AcademyFactory.AdminEmail.ToUpperInvariant())));
        var notice = Assert.Single(await site.MailsToAsync(Academy.Testing.AcademyFactory.AdminEmail, "Iemand wilde een account maken"));
        Assert.Contains("/account/wachtwoord-vergeten", notice.TextBody);
        // The admin's password still works.
        Assert.Equal(HttpStatusCode.Redirect, (await site.TryLoginAsync(Academy.Testing.AcademyFactory.AdminEmail, Academy.Testing.AcademyFactory.AdminPassword)).Status);
    }

    private static Task<string> UserIdAsync(RegistrationSite site, string email) =>
        site.WithDbAsync(db => db.Set<AcademyUser>().Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<Academy.Tests.Admin.Browser> AdminTestKitUserAsync(RegistrationSite site)
    {
        var email = UniqueEmail("professional.example");
        using var scope = site.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AcademyUser>>();
        var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pro", CreatedUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, "Professional")).Succeeded);
        var browser = site.Anonymous();
        await browser.LoginAsync(email, Password);
        return browser;
    }
}

/// <summary>Values of the organisation choice on the registration form.</summary>
public static class RegisterChoice
{
    public const string Other = "anders";
}
