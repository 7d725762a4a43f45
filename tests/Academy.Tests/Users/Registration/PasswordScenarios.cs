using System.Net;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Users.Registration.RegistrationSite;

namespace Academy.Tests.Users.Registration;

/// <summary>Issue 11, point 2: wachtwoord vergeten, wijzigen and e-mail wijzigen; run on SQLite and PostgreSQL.</summary>
public static class PasswordScenarios
{
    public const string ResetSubject = "Nieuw wachtwoord kiezen";
    public const string NewPassword = "herfstwandeling-bij-de-veluwezoom";

    public static async Task ForgotPasswordRoundTripAsync(RegistrationSite site)
    {
        var email = await AccountAsync(site);
        var known = await ForgotAsync(site, email);
        var unknown = await ForgotAsync(site, UniqueEmail("onbekend.example"));
        Assert.Equal(HttpStatusCode.Redirect, known.Status);
        Assert.Equal(known.Location, unknown.Location);

        var link = await site.LinkAsync(email, ResetSubject, "/account/wachtwoord-herstellen");
        var browser = site.Anonymous();
        var form = (await browser.GetAsync(link)).Form().Set("Password", NewPassword).Set("ConfirmPassword", NewPassword);
        var done = await browser.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("nieuwe wachtwoord is opgeslagen", done.StatusMessage);
        Assert.Equal(HttpStatusCode.Redirect, (await site.TryLoginAsync(email, NewPassword)).Status);
        Assert.Equal(HttpStatusCode.OK, (await site.TryLoginAsync(email, Password)).Status);
        Assert.Single(await site.MailsToAsync(email, "Je wachtwoord is gewijzigd"));

        // Used once: the link is worthless now (the security stamp changed).
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(link)).Status);
        var reuse = await browser.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await site.TryLoginAsync(email, NewPassword)).Status);
    }

    public static async Task ExpiredResetLinkFailsAsync(RegistrationSite site)
    {
        var email = await AccountAsync(site);
        await ForgotAsync(site, email);
        var link = await site.LinkAsync(email, ResetSubject, "/account/wachtwoord-herstellen");
        var browser = site.Anonymous();
        var form = (await browser.GetAsync(link)).Form().Set("Password", NewPassword).Set("ConfirmPassword", NewPassword);
        site.Clock.Now += TimeSpan.FromMinutes(61);
        try
        {
            var page = await browser.SubmitAsync(form);
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains("ongeldig, al gebruikt of verlopen", page.Html);
            Assert.Equal(HttpStatusCode.Redirect, (await site.TryLoginAsync(email, Password)).Status);
        }
        finally
        {
            site.Clock.Now -= TimeSpan.FromMinutes(61);
        }
    }

    public static async Task ChangePasswordEndsOtherSessionsAsync(RegistrationSite site)
    {
        var email = await AccountAsync(site);
        var here = site.Anonymous();
        await here.LoginAsync(email, Password);
        var elsewhere = site.Anonymous();
        await elsewhere.LoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/account/wachtwoord-wijzigen")).Status);

        var wrong = (await here.GetAsync("/account/wachtwoord-wijzigen")).Form()
            .Set("CurrentPassword", "niet-mijn-wachtwoord").Set("Password", NewPassword).Set("ConfirmPassword", NewPassword);
        var refused = await here.SubmitAsync(wrong);
        Assert.Contains(refused.ErrorSummary, e => e.Contains("huidige wachtwoord is niet juist", StringComparison.Ordinal));

        var form = (await here.GetAsync("/account/wachtwoord-wijzigen")).Form()
            .Set("CurrentPassword", Password).Set("Password", NewPassword).Set("ConfirmPassword", NewPassword);
        var done = await here.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("nieuwe wachtwoord is opgeslagen", done.StatusMessage);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account/wachtwoord-wijzigen")).Status);
        var ended = await elsewhere.GetAsync("/account/wachtwoord-wijzigen");
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        Assert.StartsWith("/account/inloggen", new Uri(new Uri("http://localhost"), ended.Location!).PathAndQuery);
    }

    public static async Task ChangeEmailNeedsTheNewAddressAsync(RegistrationSite site)
    {
        var email = await AccountAsync(site);
        var newEmail = UniqueEmail("nieuw-adres.example");
        var browser = site.Anonymous();
        await browser.LoginAsync(email, Password);
        var form = (await browser.GetAsync("/account/e-mail-wijzigen")).Form().Set("NewEmail", newEmail).Set("CurrentPassword", Password);
        var sent = await browser.SubmitAsync(form);
        Assert.Contains(newEmail, sent.StatusMessage);
        // An address of another account: the same answer, and no link is sent.
        var taken = await browser.SubmitAsync((await browser.GetAsync("/account/e-mail-wijzigen")).Form()
            .Set("NewEmail", Academy.Testing.AcademyFactory.AdminEmail).Set("CurrentPassword", Password));
        Assert.Equal(HttpStatusCode.OK, taken.Status);
        Assert.Empty(await site.MailsToAsync(Academy.Testing.AcademyFactory.AdminEmail, "Bevestig je nieuwe e-mailadres"));

        var link = await site.LinkAsync(newEmail, "Bevestig je nieuwe e-mailadres", "/account/e-mail-wijzigen/bevestigen");
        Assert.Equal(HttpStatusCode.Redirect, (await site.TryLoginAsync(email, Password)).Status); // not changed yet
        var confirmed = await browser.SubmitAsync((await browser.GetAsync(link)).Form());
        Assert.Contains("gewijzigd in", confirmed.StatusMessage);
        Assert.Single(await site.MailsToAsync(email, "Je e-mailadres is gewijzigd"));
        Assert.Equal(HttpStatusCode.Redirect, (await site.TryLoginAsync(newEmail, Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await site.TryLoginAsync(email, Password)).Status);
        // The old session ended, and the link works once.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/e-mail-wijzigen")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Anonymous().GetAsync(link)).Status);
    }

    private static Task<Page> ForgotAsync(RegistrationSite site, string email) => ForgotWithAsync(site.Anonymous(), email);

    private static async Task<Page> ForgotWithAsync(Browser browser, string email) =>
        await browser.SubmitAsync((await browser.GetAsync("/account/wachtwoord-vergeten")).Form().Set("Email", email));

    /// <summary>An account with <see cref="RegistrationSite.Password"/> (made directly, as a recipe would).</summary>
    public static async Task<string> AccountAsync(RegistrationSite site)
    {
        var email = UniqueEmail("account.example");
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Kim Proef", CreatedUtc = DateTime.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return email;
    }
}
