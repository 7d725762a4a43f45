using Academy.Testing;

namespace Academy.Tests.Users.Management;

/// <summary>User management and invitations on PostgreSQL: the same scenarios as on SQLite, on one site.</summary>
public sealed class UserManagementPostgresTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private AcademyFactory? _factory;

    public async Task InitializeAsync() => _factory = UserManagementKit.WithRoomyLoginThrottle(new AcademyFactory(await postgres.CreateDatabaseAsync("usermanagement")));

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task User_management_works_on_postgres()
    {
        var factory = _factory!;
        await InvitationScenarios.Recipe_users_get_exactly_one_invitation_on_setup(factory);
        await UserManagementScenarios.Search_filters_by_name_email_organisation_and_role(factory);
        await UserManagementScenarios.Coordinator_invites_a_trainer_who_sets_a_password_and_takes_attendance(factory);
        await UserManagementScenarios.Adding_and_removing_a_role_is_written_to_the_audit_log(factory);
        await UserManagementScenarios.Coordinator_cannot_grant_staff_roles_or_change_staff(factory);
        await UserManagementScenarios.The_last_Beheerder_keeps_the_role_and_cannot_be_blocked(factory);
        await UserManagementScenarios.A_professional_posting_to_user_management_is_forbidden(factory);
        await UserManagementScenarios.A_blocked_user_cannot_log_in_and_loses_sessions(factory);
    }

    [Fact]
    public async Task Two_step_verification_works_on_postgres()
    {
        _factory!.Settings["Academy:Users:TwoFactor:RequiredForStaff"] = "true";
        await TwoFactorScenarios.Staff_set_up_two_step_verification_before_admin_and_log_in_with_codes(_factory);
    }
}
