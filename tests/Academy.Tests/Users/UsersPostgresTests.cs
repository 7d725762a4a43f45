using System.Net;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Testing;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Users.UsersTestKit;

namespace Academy.Tests.Users;

/// <summary>The Identity schema, recipe steps and login on PostgreSQL (the same code path as SQLite).</summary>
public sealed class UsersPostgresTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private AcademyFactory? _factory;

    public async Task InitializeAsync() => _factory = new AcademyFactory(await postgres.CreateDatabaseAsync("users"));

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Users_roles_and_organisations_work_on_postgres()
    {
        var factory = _factory!;
        const string password = "postgres-wachtwoord";
        var recipe = Recipe("""
            { "name": "Organisations", "Organisations": [ { "Id": "pg-org", "Name": "PG Organisatie", "Kind": "werkgever" } ] }
            """, """
            { "name": "Roles", "Roles": [ { "Name": "Pg-rol", "Description": "Rol op PostgreSQL", "Permissions": ["AccessAdmin", "ManageUsers"] } ] }
            """, $$"""
            { "name": "Users", "Users": [ { "Email": "pg@test.example.nl", "DisplayName": "PG Gebruiker", "Roles": ["Pg-rol"], "OrganisationId": "pg-org", "Password": "{{password}}" } ] }
            """);
        await RunRecipeOrFailAsync(factory, recipe);
        await RunRecipeOrFailAsync(factory, recipe);

        var client = factory.CreateBrowserClient();
        var login = await LoginAsync(client, "pg@test.example.nl", password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(PrincipalFromCookie(factory, login).HasClaim(PermissionClaim.Type, "ManageUsers"));
        var list = await client.GetAsync("/admin/gebruikers");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("PG Organisatie", (await ParseAsync(list)).QuerySelector("tbody")!.TextContent);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        Assert.Equal(1, await db.Set<AcademyUser>().CountAsync(u => u.NormalizedEmail == "PG@TEST.EXAMPLE.NL"));
        Assert.Equal(2, await db.Set<IdentityRoleClaim<string>>().CountAsync(c => db.Set<AcademyRole>().Any(r => r.Id == c.RoleId && r.Name == "Pg-rol")));
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>().FindByEmailAsync(AcademyFactory.AdminEmail);
        Assert.NotNull(admin);

        // The unique index on the normalized e-mail holds even when Identity's validator is bypassed.
        db.Set<AcademyUser>().Add(new AcademyUser { UserName = "ander", NormalizedUserName = "ANDER", Email = "pg@test.example.nl", NormalizedEmail = "PG@TEST.EXAMPLE.NL", DisplayName = "Dubbel" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
