using Academy.EmployerSignup.Services;
using Academy.Testing;

namespace Academy.Tests.EmployerSignup;

/// <summary>Issue 9 on SQLite: takeover by KvK number (finding 1).</summary>
public sealed class EmployerTakeoverTests(EmployerSite site) : IClassFixture<EmployerSite>
{
    [Fact]
    public Task A_second_contact_with_the_same_kvk_sees_and_changes_nothing_until_linked() =>
        EmployerSecurityScenarios.SameKvkGrantsNothingUntilLinkedAsync(site, "harrie-training-groep-1");

    [Fact]
    public Task Upgrading_a_site_links_only_the_first_contact_of_each_organisation() =>
        EmployerSecurityScenarios.UpgradeLinksOnlyTheFirstContactAsync(site, "harrie-training-groep-2");
}

/// <summary>Issue 9 on SQLite: caps and short holds (finding 2) and the coördinator's release, with a clock the test moves.</summary>
public sealed class EmployerHoldCapTests : IDisposable
{
    private readonly EmployerSite _site = new(new AcademyFactory(), new MutableClock(), EmployerSecurityScenarios.CapSettings);

    [Fact]
    public Task Repeat_signups_cannot_hold_more_than_the_caps_and_holds_end_after_30_minutes() =>
        EmployerSecurityScenarios.HoldsAreCappedAndShortAsync(_site, "harrie-training-groep-1", "harrie-training-groep-2");

    [Fact]
    public Task The_coordinator_releases_a_hold() =>
        EmployerSecurityScenarios.CoordinatorReleasesAHoldAsync(_site, "harrie-training-groep-3");

    public void Dispose() => _site.Dispose();
}

/// <summary>Issue 9 on SQLite: retention of sign-ups (finding 5b).</summary>
public sealed class EmployerRetentionTests : IDisposable
{
    private readonly EmployerSite _site = new(new AcademyFactory(), new MutableClock());

    [Fact]
    public Task The_retention_job_removes_old_signups_and_keeps_confirmed_enrolments() =>
        EmployerSecurityScenarios.RetentionRemovesOldSignupsAsync(_site, "harrie-training-groep-1");

    public void Dispose() => _site.Dispose();
}

/// <summary>The hold time: minutes, the old hours setting still honoured, and in words.</summary>
public sealed class HoldDurationTests
{
    [Theory]
    [InlineData(null, null, 30, "30 minuten")]
    [InlineData(null, 48, 2880, "48 uur")]
    [InlineData(90, 48, 90, "1 uur en 30 minuten")]
    [InlineData(1, null, 1, "1 minuut")]
    public void Hold_minutes_win_over_the_old_hours_setting(int? minutes, int? hours, int expectedMinutes, string text)
    {
        var options = new EmployerSignupOptions { HoldMinutes = minutes, HoldHours = hours };

        Assert.Equal(expectedMinutes, options.HoldDuration.TotalMinutes);
        Assert.Equal(text, options.HoldDurationText());
    }
}
