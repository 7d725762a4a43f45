using System.Security.Claims;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Testing;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Academy.Users.Abstractions;
using static Academy.Tests.Users.UsersTestKit;

namespace Academy.Tests.Users;

/// <summary>The Roles, Organisations and Users recipe steps: upserts, validation with located errors, all-or-nothing.</summary>
public class UsersRecipeTests(UsersSite site) : IClassFixture<UsersSite>
{
    private readonly AcademyFactory factory = site.Factory;

    private sealed record Counts(int Organisations, int Roles, int Users, int UserRoles, int RoleClaims);

    private async Task<Counts> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        return new Counts(
            await db.Set<Organisation>().CountAsync(),
            await db.Set<AcademyRole>().CountAsync(),
            await db.Set<AcademyUser>().CountAsync(),
            await db.Set<IdentityUserRole<string>>().CountAsync(),
            await db.Set<IdentityRoleClaim<string>>().CountAsync());
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private Task<IReadOnlyList<string>> PermissionsOfAsync(string role) => WithScopeAsync<IReadOnlyList<string>>(async services =>
    {
        var roles = services.GetRequiredService<RoleManager<AcademyRole>>();
        var found = await roles.FindByNameAsync(role);
        Assert.NotNull(found);
        return (await roles.GetClaimsAsync(found!)).Where(c => c.Type == PermissionClaim.Type).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
    });

    [Fact]
    public async Task Setup_recipe_created_roles_organisations_users_and_the_administrator()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AcademyUser>>();

        var admin = await users.FindByEmailAsync(AcademyFactory.AdminEmail);
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin!, AcademyFactory.AdminPassword));
        Assert.True(await users.IsInRoleAsync(admin!, "Beheerder"));
        Assert.True(admin!.LockoutEnabled);
        Assert.Contains("ManageUsers", await PermissionsOfAsync("Beheerder"));

        var coordinator = await users.FindByEmailAsync("coordinator@example.nl");
        Assert.NotNull(coordinator);
        Assert.False(await users.HasPasswordAsync(coordinator!));
        Assert.Equal("werkcentrum", coordinator!.OrganisationId);

        var directory = services.GetRequiredService<IOrganisationDirectory>();
        Assert.Equal("werkcentrum", (await directory.GetAsync("werkcentrum"))?.Id);
        Assert.Null(await directory.GetAsync("bestaat-niet"));
        var list = await directory.ListAsync();
        Assert.Contains(list, o => o.Kind == "uwv");
        Assert.Equal(list.Select(o => o.Name).Order(StringComparer.Create(Academy.Core.Hosting.AcademyHost.Dutch, true)), list.Select(o => o.Name));
    }

    [Fact]
    public async Task Roles_step_replaces_the_permissions_of_a_role()
    {
        await RunRecipeOrFailAsync(factory, Recipe("""
            { "name": "Roles", "Roles": [ { "Name": "Wisselrol", "Description": "Eerst", "Permissions": ["AccessAdmin", "ManageUsers"] } ] }
            """));
        Assert.Equal(["AccessAdmin", "ManageUsers"], await PermissionsOfAsync("Wisselrol"));

        await RunRecipeOrFailAsync(factory, Recipe("""
            { "name": "Roles", "Roles": [ { "Name": "Wisselrol", "Description": "Daarna", "Permissions": ["ManageSettings", "AccessAdmin"] } ] }
            """));
        Assert.Equal(["AccessAdmin", "ManageSettings"], await PermissionsOfAsync("Wisselrol"));
        var description = await WithScopeAsync(async s => (await s.GetRequiredService<RoleManager<AcademyRole>>().FindByNameAsync("Wisselrol"))!.Description);
        Assert.Equal("Daarna", description);

        await RunRecipeOrFailAsync(factory, Recipe("""
            { "name": "Roles", "Roles": [ { "Name": "Wisselrol", "Permissions": [] } ] }
            """));
        Assert.Empty(await PermissionsOfAsync("Wisselrol"));
    }

    [Fact]
    public async Task Running_the_steps_twice_creates_no_duplicates()
    {
        var recipe = Recipe("""
            { "name": "Organisations", "Organisations": [
                { "Id": "twee-keer-org", "Name": "Twee Keer BV", "Kind": "werkgever", "Place": "Arnhem" },
                { "Id": "twee-keer-school", "Name": "Twee Keer College", "Kind": "onderwijs" } ] }
            """, """
            { "name": "Roles", "Roles": [
                { "Name": "Tweekeerrol", "Description": "Test", "Permissions": ["AccessAdmin"] },
                { "Name": "Tweekeerrol-b", "Permissions": ["ManageSettings", "AccessAdmin"] } ] }
            """, """
            { "name": "Users", "Users": [
                { "UserName": "tweekeer@test.example.nl", "Email": "tweekeer@test.example.nl", "DisplayName": "Twee Keer", "Roles": ["Tweekeerrol", "Tweekeerrol-b"], "OrganisationId": "twee-keer-org", "Password": "lang-genoeg-voor-het-beleid" },
                { "Email": "zonderwachtwoord@test.example.nl", "Roles": ["Tweekeerrol"] } ] }
            """);

        await RunRecipeOrFailAsync(factory, recipe);
        var first = await CountAsync();
        string stamp = await WithScopeAsync(async s => (await s.GetRequiredService<UserManager<AcademyUser>>().FindByEmailAsync("tweekeer@test.example.nl"))!.SecurityStamp!);
        await RunRecipeOrFailAsync(factory, recipe);
        var second = await CountAsync();

        Assert.Equal(first, second);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        var user = await users.FindByEmailAsync("tweekeer@test.example.nl");
        Assert.Equal(["Tweekeerrol", "Tweekeerrol-b"], (await users.GetRolesAsync(user!)).Order(StringComparer.Ordinal));
        Assert.True(await users.CheckPasswordAsync(user!, "lang-genoeg-voor-het-beleid"));
        Assert.Equal(stamp, user!.SecurityStamp); // an unchanged password is not reset (which would sign the user out)
        Assert.Equal("twee-keer-org", user.OrganisationId);
        var noPassword = await users.FindByEmailAsync("zonderwachtwoord@test.example.nl");
        Assert.False(await users.HasPasswordAsync(noPassword!));
        Assert.Equal("zonderwachtwoord@test.example.nl", noPassword!.UserName);
        Assert.Equal(["AccessAdmin", "ManageSettings"], await PermissionsOfAsync("Tweekeerrol-b"));
    }

    [Fact]
    public async Task Users_step_updates_existing_users_and_replaces_their_roles()
    {
        await RunRecipeOrFailAsync(factory, Recipe("""
            { "name": "Organisations", "Organisations": [ { "Id": "wissel-a", "Name": "Wissel A", "Kind": "gemeente" }, { "Id": "wissel-b", "Name": "Wissel B", "Kind": "uwv" } ] }
            """, """
            { "name": "Users", "Users": [ { "Email": "wissel@test.example.nl", "DisplayName": "Eerste naam", "Roles": ["Professional", "Trainer"], "OrganisationId": "wissel-a" } ] }
            """));
        await RunRecipeOrFailAsync(factory, Recipe("""
            { "name": "Users", "Users": [ { "Email": "Wissel@test.example.nl", "DisplayName": "Tweede naam", "Roles": ["Werkgever"], "OrganisationId": "wissel-b", "Password": "nieuw-wachtwoord-12" } ] }
            """));

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        var user = await users.FindByEmailAsync("wissel@test.example.nl");
        Assert.Equal("Tweede naam", user!.DisplayName);
        Assert.Equal("wissel-b", user.OrganisationId);
        Assert.Equal(["Werkgever"], await users.GetRolesAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, "nieuw-wachtwoord-12"));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<AcademyUser>().CountAsync(u => u.NormalizedEmail == "WISSEL@TEST.EXAMPLE.NL"));
    }

    [Fact]
    public async Task Unknown_permission_is_an_error_at_its_path_and_nothing_is_imported()
    {
        var before = await CountAsync();
        var error = await RunRecipeAsync(factory, Recipe("""
            { "name": "Organisations", "Organisations": [ { "Id": "fout-org", "Name": "Fout", "Kind": "overig" } ] }
            """, """
            { "name": "Roles", "Roles": [ { "Name": "Foutrol-ok", "Permissions": ["AccessAdmin"] }, { "Name": "Foutrol", "Permissions": ["AccessAdmin", "VliegenMetEenBezem"] } ] }
            """));

        Assert.NotNull(error);
        Assert.Equal("Roles", error!.Step);
        Assert.Equal("$.steps[1].Roles[1].Permissions[1]", error.JsonPath);
        Assert.Contains("Onbekend recht 'VliegenMetEenBezem'", error.Reason);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Unknown_role_is_an_error_at_its_path_and_nothing_is_imported()
    {
        var before = await CountAsync();
        var error = await RunRecipeAsync(factory, Recipe("""
            { "name": "Organisations", "Organisations": [ { "Id": "fout-org-2", "Name": "Fout", "Kind": "overig" } ] }
            """, """
            { "name": "Roles", "Roles": [ { "Name": "Nieuwe rol", "Permissions": [] } ] }
            """, """
            { "name": "Users", "Users": [
                { "Email": "goed@test.example.nl", "Roles": ["Nieuwe rol"] },
                { "Email": "fout@test.example.nl", "Roles": ["Nieuwe rol", "Tovenaar"] } ] }
            """));

        Assert.NotNull(error);
        Assert.Equal("Users", error!.Step);
        Assert.Equal("$.steps[2].Users[1].Roles[1]", error.JsonPath);
        Assert.Contains("'Tovenaar' bestaat niet", error.Reason);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Unknown_organisation_is_an_error_at_its_path_and_nothing_is_imported()
    {
        var before = await CountAsync();
        var error = await RunRecipeAsync(factory, Recipe("""
            { "name": "Roles", "Roles": [ { "Name": "Org-test-rol" } ] }
            """, """
            { "name": "Users", "Users": [ { "Email": "org@test.example.nl", "OrganisationId": "gemeente-nergenshuizen" } ] }
            """));

        Assert.NotNull(error);
        Assert.Equal("$.steps[1].Users[0].OrganisationId", error!.JsonPath);
        Assert.Contains("'gemeente-nergenshuizen' bestaat niet", error.Reason);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Password_shorter_than_twelve_characters_is_rejected()
    {
        var before = await CountAsync();
        var error = await RunRecipeAsync(factory, Recipe("""
            { "name": "Users", "Users": [ { "Email": "kort@test.example.nl", "Password": "elf-tekens!" } ] }
            """));

        Assert.NotNull(error);
        Assert.Equal("$.steps[0].Users[0].Password", error!.JsonPath);
        Assert.Equal("Het wachtwoord moet minstens 12 tekens lang zijn.", error.Reason);
        Assert.Equal(before, await CountAsync());

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        var result = await users.CreateAsync(new AcademyUser { UserName = "kort2@test.example.nl", Email = "kort2@test.example.nl", DisplayName = "Kort" }, "elf-tekens!");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort" && e.Description == "Het wachtwoord moet minstens 12 tekens lang zijn.");
        Assert.True((await users.CreateAsync(new AcademyUser { UserName = "lang@test.example.nl", Email = "lang@test.example.nl", DisplayName = "Lang" }, "twaalf tekens")).Succeeded);
    }

    [Fact]
    public async Task Duplicate_email_is_rejected_in_dutch()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
        var result = await users.CreateAsync(new AcademyUser { UserName = "ander-admin", Email = AcademyFactory.AdminEmail.ToUpperInvariant(), DisplayName = "Dubbel" });
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "DuplicateEmail" && e.Description.Contains("is al in gebruik"));
    }

    [Theory]
    [InlineData("""{ "Id": "Hoofdletters", "Name": "X", "Kind": "gemeente" }""", "$.steps[0].Organisations[0].Id", "ongeldig")]
    [InlineData("""{ "Id": "goed-id", "Name": "X", "Kind": "ministerie" }""", "$.steps[0].Organisations[0].Kind", "Onbekende soort 'ministerie'")]
    [InlineData("""{ "Id": "goed-id", "Kind": "gemeente" }""", "$.steps[0].Organisations[0].Name", "verplicht")]
    [InlineData("""{ "Id": "dubbel", "Name": "A", "Kind": "gemeente" }, { "Id": "dubbel", "Name": "B", "Kind": "gemeente" }""", "$.steps[0].Organisations[1].Id", "twee keer")]
    public async Task Invalid_organisations_are_errors_at_their_path(string organisations, string path, string reason)
    {
        var before = await CountAsync();
        var error = await RunRecipeAsync(factory, Recipe($$"""{ "name": "Organisations", "Organisations": [ {{organisations}} ] }"""));

        Assert.NotNull(error);
        Assert.Equal("Organisations", error!.Step);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(reason, error.Reason);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Organisation_id_longer_than_64_characters_is_rejected()
    {
        var id = new string('a', 65);
        var error = await RunRecipeAsync(factory, Recipe($$"""{ "name": "Organisations", "Organisations": [ { "Id": "{{id}}", "Name": "Lang", "Kind": "overig" } ] }"""));
        Assert.Equal("$.steps[0].Organisations[0].Id", error?.JsonPath);
    }

    [Fact]
    public async Task Duplicate_users_and_roles_in_one_recipe_are_errors()
    {
        var users = await RunRecipeAsync(factory, Recipe("""
            { "name": "Users", "Users": [ { "Email": "dubbel@test.example.nl" }, { "Email": "DUBBEL@test.example.nl" } ] }
            """));
        Assert.Equal("$.steps[0].Users[1].Email", users?.JsonPath);

        var roles = await RunRecipeAsync(factory, Recipe("""
            { "name": "Roles", "Roles": [ { "Name": "Dubbelrol" }, { "Name": "dubbelrol" } ] }
            """));
        Assert.Equal("$.steps[0].Roles[1].Name", roles?.JsonPath);
    }

    [Fact]
    public async Task Invalid_email_is_an_error_on_the_email_property()
    {
        var error = await RunRecipeAsync(factory, Recipe("""
            { "name": "Users", "Users": [ { "Email": "geen-e-mailadres" } ] }
            """));
        Assert.Equal("$.steps[0].Users[0].Email", error?.JsonPath);
        Assert.Contains("ongeldig", error!.Reason);
    }

    [Fact]
    public async Task Setup_handler_generates_a_password_once_and_is_idempotent()
    {
        var options = new Academy.Core.Hosting.SetupOptions { AdminEmail = "tweede-beheerder@test.example.nl", AdminPassword = "" };
        var context = new Academy.Core.Hosting.SetupContext { Options = options };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            foreach (var handler in scope.ServiceProvider.GetServices<Academy.Core.Hosting.ISetupHandler>())
            {
                await handler.SetupAsync(context);
            }
        }
        var line = Assert.Single(context.Messages);
        var match = System.Text.RegularExpressions.Regex.Match(line, "^Beheerder aangemaakt: tweede-beheerder@test\\.example\\.nl / wachtwoord: (\\S{24}) \\(wordt maar één keer getoond\\)$");
        Assert.True(match.Success, line);

        var again = new Academy.Core.Hosting.SetupContext { Options = options };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            foreach (var handler in scope.ServiceProvider.GetServices<Academy.Core.Hosting.ISetupHandler>())
            {
                await handler.SetupAsync(again);
            }
            Assert.Empty(again.Messages);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            var user = await users.FindByEmailAsync("tweede-beheerder@test.example.nl");
            Assert.True(await users.CheckPasswordAsync(user!, match.Groups[1].Value));
            Assert.Equal(["Beheerder"], await users.GetRolesAsync(user!));
        }
    }

    [Fact]
    public async Task Identity_tables_have_unique_normalized_names_and_emails()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Model;
        var user = model.FindEntityType(typeof(AcademyUser))!;
        Assert.Equal("AspNetUsers", user.GetTableName());
        Assert.True(user.GetIndexes().Single(i => i.GetDatabaseName() == "UserNameIndex").IsUnique);
        Assert.True(user.GetIndexes().Single(i => i.GetDatabaseName() == "EmailIndex").IsUnique);
        var role = model.FindEntityType(typeof(AcademyRole))!;
        Assert.True(role.GetIndexes().Single(i => i.GetDatabaseName() == "RoleNameIndex").IsUnique);
        Assert.Equal(
            ["AspNetRoleClaims", "AspNetRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens", "AspNetUsers", "Organisations"],
            model.GetEntityTypes().Select(e => e.GetTableName()!).Where(t => t.StartsWith("AspNet", StringComparison.Ordinal) || t == "Organisations").Order(StringComparer.Ordinal));
    }
}
