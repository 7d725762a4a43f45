using System.Net;
using Academy.Core.Data;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Users.Management;

/// <summary>Accounts and look-ups for the user-management tests.</summary>
internal static class UserManagementKit
{
    /// <summary>
    /// A site for user management: the login throttle (tested on its own) high enough for tests that log in many times,
    /// and the recipe's accounts invited on setup as on a real site.
    /// </summary>
    public static AcademyFactory WithRoomyLoginThrottle(AcademyFactory factory)
    {
        factory.Settings["Academy:Users:LoginAttemptsPerWindow"] = "1000";
        factory.Settings["Academy:Users:InviteRecipeUsersOnSetup"] = "true";
        return factory;
    }

    /// <summary>An account made directly (no login), with a password unless <paramref name="withPassword"/> is false.</summary>
    public static async Task<string> CreateUserAsync(AcademyFactory factory, string email, string name, string? role = null,
        string? organisationId = null, bool withPassword = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = organisationId, CreatedUtc = DateTime.UtcNow };
        var result = withPassword ? await users.CreateAsync(user, AdminTestKit.UserPassword) : await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        return user.Id;
    }

    public static async Task<IList<string>> RolesAsync(AcademyFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }

    public static async Task<AcademyUser> UserAsync(AcademyFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<AcademyUser>().AsNoTracking().SingleAsync(u => u.Id == userId);
    }

    public static async Task<List<UserAuditEntry>> AuditAsync(AcademyFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<UserAuditEntry>().AsNoTracking()
            .Where(e => e.SubjectUserId == userId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Posts one of the account page's buttons (the form whose action ends in <paramref name="actionEnd"/>).</summary>
    public static async Task<Page> PressAsync(Browser browser, string userId, string actionEnd, string? role = null)
    {
        var token = await browser.TokenAsync($"/admin/gebruikers/{userId}");
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (role is not null)
        {
            values.Add(new("role", role));
        }
        return await browser.PostAsync($"/admin/gebruikers/{userId}/{actionEnd}", values);
    }

    /// <summary>The account page's notice or error after a change (it redirects there).</summary>
    public static async Task<Page> AfterChangeAsync(Browser browser, Page posted)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        return await browser.GetAsync(posted.Location!);
    }

    /// <summary>The set-password link (site-relative) from the one delivered invitation to <paramref name="email"/>.</summary>
    public static async Task<string> InvitationLinkAsync(AcademyFactory factory, string email)
    {
        await factory.DrainBackgroundAsync();
        var mail = Assert.Single(await DeliveredToAsync(factory.Services, email), m => m.Subject.StartsWith("Je account bij", StringComparison.Ordinal));
        return new Uri(LinkIn(mail, "/account/wachtwoord-instellen")).PathAndQuery;
    }

    /// <summary>Sets the password through the link; returns the redirect after signing in.</summary>
    public static async Task<Page> SetPasswordAsync(Browser browser, string link)
    {
        var form = (await browser.GetAsync(link)).Form();
        form.Set("Password", AdminTestKit.UserPassword).Set("ConfirmPassword", AdminTestKit.UserPassword);
        return await browser.SubmitAsync(form);
    }
}
