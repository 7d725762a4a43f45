using Academy.Testing;

namespace Academy.Tests.Users.Management;

/// <summary>User management in /admin on SQLite (<see cref="UserManagementScenarios"/>).</summary>
public sealed class UserManagementTests(ManagementSite site) : IClassFixture<ManagementSite>
{
    private AcademyFactory Factory => site.Factory;

    [Fact]
    public Task Search_filters_by_name_email_organisation_and_role() => UserManagementScenarios.Search_filters_by_name_email_organisation_and_role(Factory);

    [Fact]
    public Task Coordinator_invites_a_trainer_who_sets_a_password_and_takes_attendance() =>
        UserManagementScenarios.Coordinator_invites_a_trainer_who_sets_a_password_and_takes_attendance(Factory);

    [Fact]
    public Task Adding_and_removing_a_role_is_written_to_the_audit_log() => UserManagementScenarios.Adding_and_removing_a_role_is_written_to_the_audit_log(Factory);

    [Fact]
    public Task Coordinator_cannot_grant_staff_roles_or_change_staff() => UserManagementScenarios.Coordinator_cannot_grant_staff_roles_or_change_staff(Factory);

    [Fact]
    public Task The_last_Beheerder_keeps_the_role_and_cannot_be_blocked() => UserManagementScenarios.The_last_Beheerder_keeps_the_role_and_cannot_be_blocked(Factory);

    [Fact]
    public Task A_professional_posting_to_user_management_is_forbidden() => UserManagementScenarios.A_professional_posting_to_user_management_is_forbidden(Factory);

    [Fact]
    public Task A_blocked_user_cannot_log_in_and_loses_sessions() => UserManagementScenarios.A_blocked_user_cannot_log_in_and_loses_sessions(Factory);

    [Fact]
    public Task Recipe_users_get_exactly_one_invitation_on_setup() => InvitationScenarios.Recipe_users_get_exactly_one_invitation_on_setup(Factory);
}

/// <summary>
/// One SQLite site for the user-management tests. All test clients share one rate-limit partition (the test server has
/// no remote address) and these tests log in many times, so the login throttle (tested elsewhere) is raised.
/// </summary>
public sealed class ManagementSite : IDisposable
{
    public ManagementSite() => Factory = UserManagementKit.WithRoomyLoginThrottle(new AcademyFactory());

    public AcademyFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}
