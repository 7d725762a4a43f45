using System.Net;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Users;
using Academy.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Users.Management.UserManagementKit;

namespace Academy.Tests.Users.Management;

/// <summary>User management in /admin, run on SQLite and PostgreSQL (each scenario uses its own accounts).</summary>
internal static class UserManagementScenarios
{
    public static async Task Search_filters_by_name_email_organisation_and_role(AcademyFactory factory)
    {
        var tag = Guid.NewGuid().ToString("n")[..8];
        await CreateUserAsync(factory, $"anna-{tag}@uwv.example.nl", $"Anna Zoekmans {tag}", "Trainer", "gemeente-arnhem");
        await CreateUserAsync(factory, $"bert-{tag}@gemeente.example.nl", $"Bert Zoekmans {tag}", "Professional");
        var admin = await AdminTestKit.AdminAsync(factory);

        async Task<List<string>> NamesAsync(string query)
        {
            var page = await admin.GetAsync("/admin/gebruikers?" + query);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            return page.Document.QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()).ToList();
        }

        Assert.Equal([$"Anna Zoekmans {tag}", $"Bert Zoekmans {tag}"], await NamesAsync($"zoek=zoekmans+{tag}"));
        Assert.Equal([$"Bert Zoekmans {tag}"], await NamesAsync($"zoek=BERT-{tag}@GEMEENTE"));
        Assert.Equal([$"Anna Zoekmans {tag}"], await NamesAsync($"zoek={tag}&organisatie=gemeente-arnhem"));
        Assert.Equal([$"Bert Zoekmans {tag}"], await NamesAsync($"zoek={tag}&rol=Professional"));
        Assert.Empty(await NamesAsync($"zoek={tag}&rol=Beheerder"));
    }

    public static async Task Coordinator_invites_a_trainer_who_sets_a_password_and_takes_attendance(AcademyFactory factory)
    {
        var coordinator = await AdminTestKit.UserWithEmailAsync(factory, "Leercoördinator", $"coordinator-{Guid.NewGuid():n}@example.nl");
        var email = $"trainer-{Guid.NewGuid():n}@example.nl";
        var form = (await coordinator.GetAsync("/admin/gebruikers/uitnodigen")).Form();
        form.Set("Email", email).Set("DisplayName", "Tineke Trainer").SetAll("Roles", "Trainer");
        var invited = await coordinator.SubmitAsync(form);
        var userPage = await AfterChangeAsync(coordinator, invited);
        Assert.Contains("is uitgenodigd", userPage.StatusMessage);
        var userId = invited.Location!.Split('/').Last();
        Assert.Equal(["Trainer"], await RolesAsync(factory, userId));
        var audit = await AuditAsync(factory, userId);
        Assert.Contains(audit, e => e.Action == UserAuditActions.Invited && e.ActorUserId is not null);
        Assert.Contains(audit, e => e.Action == UserAuditActions.RoleAdded && e.Role == "Trainer");

        var trainer = AdminTestKit.Anonymous(factory);
        var signedIn = await SetPasswordAsync(trainer, await InvitationLinkAsync(factory, email));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync("/presentie")).Status);

        var again = AdminTestKit.Anonymous(factory);
        await again.LoginAsync(email, AdminTestKit.UserPassword);
    }

    public static async Task Adding_and_removing_a_role_is_written_to_the_audit_log(AcademyFactory factory)
    {
        var email = $"rol-{Guid.NewGuid():n}@example.nl";
        var userId = await CreateUserAsync(factory, email, "Rolf Rollen");
        var admin = await AdminTestKit.AdminAsync(factory);

        var added = await AfterChangeAsync(admin, await PressAsync(admin, userId, "rollen/toevoegen", "Trainer"));
        Assert.Contains("De rol Trainer is gegeven.", added.StatusMessage);
        var removed = await AfterChangeAsync(admin, await PressAsync(admin, userId, "rollen/verwijderen", "Trainer"));
        Assert.Contains("De rol Trainer is afgenomen.", removed.StatusMessage);
        Assert.Empty(await RolesAsync(factory, userId));

        var audit = await AuditAsync(factory, userId);
        Assert.Equal([(UserAuditActions.RoleAdded, "Trainer"), (UserAuditActions.RoleRemoved, "Trainer")], audit.Select(e => (e.Action, e.Role!)).ToList());
        var log = await admin.GetAsync($"/admin/gebruikers/logboek?zoek={Uri.EscapeDataString(email)}&actie={UserAuditActions.RoleRemoved}");
        Assert.Equal(HttpStatusCode.OK, log.Status);
        var row = Assert.Single(log.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("Rol afgenomen: Trainer", row.TextContent);
        Assert.Contains("Rolf Rollen", row.TextContent);
    }

    public static async Task Coordinator_cannot_grant_staff_roles_or_change_staff(AcademyFactory factory)
    {
        var coordinator = await AdminTestKit.UserWithEmailAsync(factory, "Leercoördinator", $"coordinator-{Guid.NewGuid():n}@example.nl");
        var userId = await CreateUserAsync(factory, $"prof-{Guid.NewGuid():n}@example.nl", "Petra Professional", "Professional");

        var refused = await AfterChangeAsync(coordinator, await PressAsync(coordinator, userId, "rollen/toevoegen", "Beheerder"));
        Assert.Contains("Je mag de rol Beheerder niet geven", refused.Document.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(["Professional"], await RolesAsync(factory, userId));

        var token = await coordinator.TokenAsync("/admin/gebruikers/uitnodigen");
        var invite = await coordinator.PostAsync("/admin/gebruikers/uitnodigen",
            [new("__RequestVerificationToken", token), new("Email", $"nieuw-{Guid.NewGuid():n}@example.nl"), new("DisplayName", "Nieuwe Coördinator"), new("Roles", "Leercoördinator")]);
        Assert.Equal(HttpStatusCode.Redirect, invite.Status);
        Assert.Contains(UsersStartup.AccessDeniedPath, invite.Location);

        // The administrator's account is out of the coordinator's reach: blocking it is forbidden.
        var adminId = await AdminIdAsync(factory);
        var block = await coordinator.PostAsync($"/admin/gebruikers/{adminId}/blokkeren", [new("__RequestVerificationToken", token)]);
        Assert.Contains(UsersStartup.AccessDeniedPath, block.Location);
        Assert.False(UserAdministration.IsBlocked(await UserAsync(factory, adminId)));
    }

    public static async Task The_last_Beheerder_keeps_the_role_and_cannot_be_blocked(AcademyFactory factory)
    {
        var admin = await AdminTestKit.AdminAsync(factory);
        var adminId = await AdminIdAsync(factory);
        // Another Beheerder who is blocked does not count: the administrator stays the last active one.
        var otherId = await CreateUserAsync(factory, $"beheer-{Guid.NewGuid():n}@example.nl", "Tweede Beheerder", "Beheerder");
        await AfterChangeAsync(admin, await PressAsync(admin, otherId, "blokkeren"));
        Assert.True(UserAdministration.IsBlocked(await UserAsync(factory, otherId)));

        var refused = await AfterChangeAsync(admin, await PressAsync(admin, adminId, "rollen/verwijderen", "Beheerder"));
        Assert.Contains(UserAdministration.LastAdminMessage, refused.Document.QuerySelector("[role=alert]")?.TextContent);
        Assert.Contains("Beheerder", await RolesAsync(factory, adminId));
        Assert.DoesNotContain(await AuditAsync(factory, adminId), e => e.Action == UserAuditActions.RoleRemoved);

        // Unblocked, the other Beheerder can take over; then the role may go.
        await AfterChangeAsync(admin, await PressAsync(admin, otherId, "deblokkeren"));
        var other = AdminTestKit.Anonymous(factory);
        await other.LoginAsync((await UserAsync(factory, otherId)).Email!, AdminTestKit.UserPassword);
        var blockLast = await AfterChangeAsync(other, await PressAsync(other, otherId, "blokkeren"));
        Assert.Contains("Je kunt je eigen account niet blokkeren.", blockLast.Document.QuerySelector("[role=alert]")?.TextContent);
        await AfterChangeAsync(admin, await PressAsync(admin, otherId, "rollen/verwijderen", "Beheerder"));
        Assert.DoesNotContain("Beheerder", await RolesAsync(factory, otherId));
    }

    public static async Task A_professional_posting_to_user_management_is_forbidden(AcademyFactory factory)
    {
        var professional = await AdminTestKit.UserAsync(factory, "Professional");
        var userId = await CreateUserAsync(factory, $"doel-{Guid.NewGuid():n}@example.nl", "Doel Persoon", "Trainer");
        var token = await professional.TokenAsync(UsersStartup.LoginPath);
        foreach (var (path, role) in new[] { ("rollen/toevoegen", "Beheerder"), ("rollen/verwijderen", "Trainer"), ("blokkeren", ""), ("uitnodiging", "") })
        {
            var response = await professional.PostAsync($"/admin/gebruikers/{userId}/{path}", [new("__RequestVerificationToken", token), new("role", role)]);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.Contains(UsersStartup.AccessDeniedPath, response.Location);
        }
        Assert.Equal(["Trainer"], await RolesAsync(factory, userId));
        Assert.Empty(await AuditAsync(factory, userId));
        Assert.False(UserAdministration.IsBlocked(await UserAsync(factory, userId)));
    }

    public static async Task A_blocked_user_cannot_log_in_and_loses_sessions(AcademyFactory factory)
    {
        var email = $"blok-{Guid.NewGuid():n}@example.nl";
        var user = await AdminTestKit.UserWithEmailAsync(factory, "Professional", email);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/mijn-aanmeldingen")).Status);
        var userId = (await UserIdAsync(factory, email));

        var admin = await AdminTestKit.AdminAsync(factory);
        var blocked = await AfterChangeAsync(admin, await PressAsync(admin, userId, "blokkeren"));
        Assert.Contains("geblokkeerd", blocked.StatusMessage);
        Assert.Contains(await AuditAsync(factory, userId), e => e.Action == UserAuditActions.Blocked);

        var after = await user.GetAsync("/mijn-aanmeldingen");
        Assert.True(Robustness.SiteUser.IsLoginRedirect(after.Response), $"A blocked user's session still worked: {(int)after.Status}");
        var login = await UsersTestKit.LoginAsync(factory.CreateBrowserClient(), email, AdminTestKit.UserPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(Academy.Users.Controllers.AccountController.FailedMessage, await login.Content.ReadAsStringAsync());

        await AfterChangeAsync(admin, await PressAsync(admin, userId, "deblokkeren"));
        Assert.Equal(HttpStatusCode.Redirect, (await UsersTestKit.LoginAsync(factory.CreateBrowserClient(), email, AdminTestKit.UserPassword)).StatusCode);
    }

    public static async Task<string> AdminIdAsync(AcademyFactory factory) => await UserIdAsync(factory, AcademyFactory.AdminEmail);

    private static async Task<string> UserIdAsync(AcademyFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}
