using Academy.Testing;

namespace Academy.Tests.Community;

/// <summary>The access matrix on SQLite.</summary>
public sealed class CommunityAccessTests(CommunitySite site) : IClassFixture<CommunitySite>
{
    [Fact]
    public Task No_cell_of_the_access_matrix_gives_more_than_it_should() => AccessMatrixScenarios.RunAsync(site.Factory);

    // The link with the leeragenda (LinkedGroupScenarios) shares this class's site.
    [Fact]
    public Task An_edition_group_follows_the_enrolment_events_and_is_hidden_from_others() =>
        LinkedGroupScenarios.EditionGroupFollowsEnrolmentEventsAsync(site.Factory);

    [Fact]
    public Task Harrie_alumni_are_offered_the_alumni_group_and_join_it_at_once() =>
        LinkedGroupScenarios.HarrieAlumniAreOfferedTheAlumniGroupAsync(site.Factory);

    [Fact]
    public Task A_group_page_shows_the_leeragenda_offerings_of_its_themes() =>
        LinkedGroupScenarios.GroupPageShowsOfferingsOfItsThemesAsync(site.Factory);
    [Fact]
    public Task No_cell_of_the_kennisbank_and_files_matrix_gives_more_than_it_should() => KennisbankAccessScenarios.RunAsync(site.Factory);
}

/// <summary>The access matrix and the main journeys on PostgreSQL: the same queries on the other provider.</summary>
public sealed class CommunityPostgresTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private readonly FakeMemberProfiles _profiles = new();
    private AcademyFactory? _factory;

    public async Task InitializeAsync()
    {
        _factory = CommunitySite.Create(await postgres.CreateDatabaseAsync("community"), _profiles);
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [Fact]
    public Task No_cell_of_the_access_matrix_gives_more_than_it_should_on_postgres() => AccessMatrixScenarios.RunAsync(_factory!);

    /// <summary>One site for the link with the leeragenda: each fact of this class starts its own.</summary>
    [Fact]
    public async Task Edition_groups_follow_enrolment_events_alumni_are_welcomed_and_themes_show_offerings_on_postgres()
    {
        await LinkedGroupScenarios.EditionGroupFollowsEnrolmentEventsAsync(_factory!);
        await LinkedGroupScenarios.HarrieAlumniAreOfferedTheAlumniGroupAsync(_factory!);
        await LinkedGroupScenarios.GroupPageShowsOfferingsOfItsThemesAsync(_factory!);
    }

    [Fact]
    public Task A_closed_group_request_is_approved_and_the_member_starts_a_topic_with_events_on_postgres() =>
        CommunityScenarios.JoinApproveAndStartTopicAsync(_factory!, _profiles);

    [Fact]
    public Task A_casus_with_a_bsn_is_refused_and_only_the_kind_is_recorded_on_postgres() =>
        CommunityScenarios.CasusWithBsnIsRefusedAsync(_factory!);

    [Fact]
    public Task Notification_fan_out_rules_and_retry_on_postgres() => NotificationScenarios.FanOutRulesAsync(_factory!, _profiles);

    [Fact]
    public Task A_daily_digest_is_queued_once_on_postgres() => NotificationScenarios.DailyDigestAsync(_factory!, _profiles);

    [Fact]
    public Task The_unsubscribe_link_on_postgres() => NotificationScenarios.UnsubscribeAsync(_factory!);

    [Fact]
    public Task No_cell_of_the_kennisbank_and_files_matrix_gives_more_than_it_should_on_postgres() => KennisbankAccessScenarios.RunAsync(_factory!);

    [Fact]
    public Task The_topic_page_shows_changes_made_elsewhere_at_the_next_request_on_postgres() =>
        CommunityScenarios.TopicPageShowsChangesMadeElsewhereAsync(_factory!, _profiles);

    [Fact]
    public async Task Existing_topics_gain_the_posts_version_and_its_triggers_on_postgres()
    {
        await using var own = CommunitySite.Create(await postgres.CreateDatabaseAsync("community-upgrade"), new FakeMemberProfiles());
        await CommunityScenarios.ExistingTopicsGainThePostsVersionAsync(own);
    }

    [Fact]
    public Task Topic_pages_are_the_same_from_the_cache_and_the_database_on_postgres() =>
        CommunityScenarios.TopicPagesAreTheSameFromTheCacheAndTheDatabaseAsync(_factory!, _profiles);

    [Fact]
    public Task A_manager_writes_a_draft_publishes_it_and_a_member_downloads_its_attachments_on_postgres() =>
        KennisbankScenarios.WriteDraftPublishAndAttachAsync(_factory!, _profiles);

    [Fact]
    public Task Bad_uploads_and_forged_article_forms_get_a_message_or_404_and_store_nothing_on_postgres() =>
        KennisbankScenarios.BadInputIsRefusedAndNothingIsStoredAsync(_factory!);

    [Fact]
    public Task A_writers_articles_and_files_are_exported_and_lose_the_writer_on_erasure_on_postgres() =>
        KennisbankScenarios.PersonalDataExportAndEraseAsync(_factory!);
}
