using Academy.Testing;
using static Academy.Tests.Users.SignInScenarios;

namespace Academy.Tests.Users;

/// <summary>Sessions and per-address lockout on PostgreSQL (the same code as on SQLite), including two web nodes on one database.</summary>
public sealed class SignInPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Logout_logout_everywhere_and_a_new_password_end_sessions_on_postgres()
    {
        using var factory = new AcademyFactory(await postgres.CreateDatabaseAsync("sessions"));

        await ReplayedCookieAfterLogoutIsRefusedAsync(factory);
        await LogoutEverywhereEndsEverySessionAsync(factory);
        await NewPasswordEndsOtherSessionsAsync(factory);
    }

    [Fact]
    public async Task Logging_out_on_one_node_refuses_the_cookie_on_the_other_on_postgres() =>
        await OnTwoNodesAsync(await postgres.CreateDatabaseAsync("nodes"), (nodeA, nodeB) => ReplayedCookieAfterLogoutIsRefusedAsync(nodeA, nodeB));

    [Fact]
    public async Task A_stranger_guessing_from_one_address_does_not_lock_the_owner_out_on_postgres()
    {
        using var root = new AcademyFactory(await postgres.CreateDatabaseAsync("lockout"));
        using var factory = LockoutSite.WithAddresses(root);

        await StrangerCannotLockTheOwnerOutAsync(factory, address => LockoutSite.ClientFrom(factory, address));
    }
}
