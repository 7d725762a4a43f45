using Academy.Testing;

namespace Academy.Tests.Community;

/// <summary>The access matrix on SQLite.</summary>
public sealed class CommunityAccessTests(CommunitySite site) : IClassFixture<CommunitySite>
{
    [Fact]
    public Task No_cell_of_the_access_matrix_gives_more_than_it_should() => AccessMatrixScenarios.RunAsync(site.Factory);
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

    [Fact]
    public Task A_closed_group_request_is_approved_and_the_member_starts_a_topic_with_events_on_postgres() =>
        CommunityScenarios.JoinApproveAndStartTopicAsync(_factory!, _profiles);

    [Fact]
    public Task A_casus_with_a_bsn_is_refused_and_only_the_kind_is_recorded_on_postgres() =>
        CommunityScenarios.CasusWithBsnIsRefusedAsync(_factory!);
}
