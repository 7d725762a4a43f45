using Academy.Tests.EmployerSignup;

namespace Academy.Tests.Users.Management;

/// <summary>Employees signed up for HARRIE by their employer get an invitation to their own account (SQLite).</summary>
public sealed class HarrieInvitationTests(EmployerSite site) : IClassFixture<EmployerSite>
{
    [Fact]
    public Task Harrie_employees_get_an_invitation_to_their_own_enrolments() =>
        InvitationScenarios.Harrie_employees_get_an_invitation_to_their_own_enrolments(site);
}
