using Academy.Testing;

namespace Academy.Tests.Community;

/// <summary>Moderation on SQLite, on the community's shared site.</summary>
public sealed class ModerationTests(CommunitySite site) : IClassFixture<CommunitySite>
{
    [Fact]
    public Task A_reported_reply_is_queued_hidden_for_readers_restored_and_kept_in_the_audit_trail() =>
        ModerationScenarios.ReportHideAndRestoreAsync(site.Factory, site.Profiles);

    [Fact]
    public Task A_new_members_first_posts_wait_for_approval_and_their_events_fire_once_when_approved() =>
        ModerationScenarios.HeldFirstPostsAsync(site.Factory);

    [Fact]
    public Task The_eleventh_post_in_ten_minutes_is_refused_with_the_text_kept() =>
        ModerationScenarios.PostingLimitAsync(site.Factory);

    [Fact]
    public Task Reports_and_decisions_are_exported_and_erased_with_the_person() =>
        ModerationScenarios.PersonalDataAsync(site.Factory);
}

/// <summary>The same moderation journeys on PostgreSQL, on one site (starting a site per test would cost the suite more).</summary>
[Collection("postgres")]
public sealed class ModerationPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Reports_hiding_approval_the_posting_limit_and_personal_data_work_on_postgres()
    {
        var profiles = new FakeMemberProfiles();
        await using var factory = CommunitySite.Create(await postgres.CreateDatabaseAsync("moderation"), profiles);
        await ModerationScenarios.ReportHideAndRestoreAsync(factory, profiles);
        await ModerationScenarios.HeldFirstPostsAsync(factory);
        await ModerationScenarios.PostingLimitAsync(factory);
        await ModerationScenarios.PersonalDataAsync(factory);
    }
}
