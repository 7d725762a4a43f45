using Academy.Testing;

namespace Academy.Tests.Users.Management;

/// <summary>Two-step verification on SQLite, with the staff requirement switched on as in production.</summary>
public sealed class TwoFactorTests : IDisposable
{
    private readonly AcademyFactory _factory = UserManagementKit.WithRoomyLoginThrottle(new AcademyFactory());

    public TwoFactorTests() => _factory.Settings["Academy:Users:TwoFactor:RequiredForStaff"] = "true";

    public void Dispose() => _factory.Dispose();

    [Fact]
    public Task Staff_set_up_two_step_verification_before_admin_and_log_in_with_codes() =>
        TwoFactorScenarios.Staff_set_up_two_step_verification_before_admin_and_log_in_with_codes(_factory);
}
