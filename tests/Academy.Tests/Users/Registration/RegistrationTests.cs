using Academy.Testing;

namespace Academy.Tests.Users.Registration;

/// <summary>Registering and passwords on SQLite (<see cref="RegistrationScenarios"/>, <see cref="PasswordScenarios"/>).</summary>
public sealed class RegistrationTests(RegistrationSite site) : IClassFixture<RegistrationSite>
{
    [Fact] public Task Partner_domain_becomes_professional_after_confirmation() => RegistrationScenarios.PartnerDomainBecomesProfessionalAsync(site);
    [Fact] public Task Other_domain_waits_for_approval_or_decline() => RegistrationScenarios.OtherDomainWaitsForApprovalAsync(site);
    [Fact] public Task Expired_confirmation_link_fails() => RegistrationScenarios.ExpiredConfirmationLinkFailsAsync(site);
    [Fact] public Task Common_password_is_refused_with_the_form_kept() => RegistrationScenarios.CommonPasswordIsRefusedAsync(site);
    [Fact] public Task Address_in_use_gets_the_same_answer() => RegistrationScenarios.AddressInUseGetsTheSameAnswerAsync(site);
    [Fact] public Task Forgot_password_round_trip_and_reuse() => PasswordScenarios.ForgotPasswordRoundTripAsync(site);
    [Fact] public Task Expired_reset_link_fails() => PasswordScenarios.ExpiredResetLinkFailsAsync(site);
    [Fact] public Task Change_password_ends_other_sessions() => PasswordScenarios.ChangePasswordEndsOtherSessionsAsync(site);
    [Fact] public Task Change_email_needs_the_new_address() => PasswordScenarios.ChangeEmailNeedsTheNewAddressAsync(site);
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class RegistrationPostgresTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private RegistrationSite? _site;

    public async Task InitializeAsync() => _site = new RegistrationSite(new AcademyFactory(await postgres.CreateDatabaseAsync("registratie")));

    public Task DisposeAsync()
    {
        _site?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Registration_and_passwords_work_on_postgres()
    {
        await RegistrationScenarios.PartnerDomainBecomesProfessionalAsync(_site!);
        await RegistrationScenarios.OtherDomainWaitsForApprovalAsync(_site!);
        await RegistrationScenarios.ExpiredConfirmationLinkFailsAsync(_site!);
        await RegistrationScenarios.AddressInUseGetsTheSameAnswerAsync(_site!);
        await PasswordScenarios.ForgotPasswordRoundTripAsync(_site!);
        await PasswordScenarios.ChangePasswordEndsOtherSessionsAsync(_site!);
        await PasswordScenarios.ChangeEmailNeedsTheNewAddressAsync(_site!);
    }
}
