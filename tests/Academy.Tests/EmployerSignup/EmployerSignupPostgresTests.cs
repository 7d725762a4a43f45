using Academy.EmployerSignup.Models;
using Academy.Testing;

namespace Academy.Tests.EmployerSignup;

/// <summary>The sign-up journeys on PostgreSQL: the same code path as SQLite, one site for the class.</summary>
public sealed class EmployerSignupPostgresTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private EmployerSite? _site;

    private EmployerSite Site => _site!;

    public async Task InitializeAsync() =>
        _site = new EmployerSite(new AcademyFactory(await postgres.CreateDatabaseAsync("werkgevers")), clock: null);

    public Task DisposeAsync()
    {
        _site?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Signup_confirm_full_group_and_employer_pages_work_on_postgres()
    {
        await EmployerSignupScenarios.SignupHoldsSeatsAndRaisesRequestAsync(Site, "harrie-training-groep-1");
        await EmployerSignupScenarios.ConfirmLinkConfirmsOnceAsync(Site, "harrie-training-groep-2");
        await EmployerSignupScenarios.FullGroupIsRefusedAsync(Site, "harrie-training-groep-3");
        await EmployerSignupScenarios.EmployerSwapsAndCancelsOwnEmployeesOnlyAsync(Site, "harrie-training-groep-4");
    }

    [Fact]
    public Task Typed_markdown_stays_text_and_one_time_links_rest_in_no_table_on_postgres() =>
        OneTimeLinkScenarios.InjectedTextStaysTextAndTokensNeverRestAsync(Site, "harrie-training-groep-7");

    [Fact]
    public Task A_second_contact_with_the_same_kvk_sees_and_changes_nothing_until_linked_on_postgres() =>
        EmployerSecurityScenarios.SameKvkGrantsNothingUntilLinkedAsync(Site, "harrie-training-groep-5");

    [Fact]
    public Task Upgrading_a_site_links_only_the_first_contact_of_each_organisation_on_postgres() =>
        EmployerSecurityScenarios.UpgradeLinksOnlyTheFirstContactAsync(Site, "harrie-training-groep-6");
}

/// <summary>Issue 9 on PostgreSQL: caps and short holds, the coördinator's release, then retention (it moves the clock a year on).</summary>
public sealed class EmployerSecurityPostgresTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private EmployerSite? _site;

    public async Task InitializeAsync() =>
        _site = new EmployerSite(new AcademyFactory(await postgres.CreateDatabaseAsync("werkgevers-veilig")), new MutableClock(),
            EmployerSecurityScenarios.CapSettings);

    public Task DisposeAsync()
    {
        _site?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Caps_release_and_retention_work_on_postgres()
    {
        await EmployerSecurityScenarios.HoldsAreCappedAndShortAsync(_site!, "harrie-training-groep-1", "harrie-training-groep-2");
        await EmployerSecurityScenarios.CoordinatorReleasesAHoldAsync(_site!, "harrie-training-groep-3");
        await EmployerSecurityScenarios.RetentionRemovesOldSignupsAsync(_site!, "harrie-training-groep-4");
    }
}

/// <summary>Expiry on PostgreSQL (a site of its own, with a clock the test moves).</summary>
public sealed class EmployerSignupPostgresExpiryTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private EmployerSite? _site;

    public async Task InitializeAsync() =>
        _site = new EmployerSite(new AcademyFactory(await postgres.CreateDatabaseAsync("werkgevers-verloop")), new MutableClock());

    public Task DisposeAsync()
    {
        _site?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Expiry_releases_seats_on_postgres()
    {
        const string edition = "harrie-training-groep-2";
        var signupId = await SignupForms.SignUpAsync(_site!, edition, 2);
        _site!.Clock!.Now = _site.Clock.Now.AddHours(49);
        await _site.DrainAsync();
        Assert.Equal(0, await _site.TakenAsync(edition));
        Assert.Equal(EmployerSignupStatus.Expired, (await _site.SignupAsync(signupId))!.Status);
    }
}
