using System.Net;
using Academy.Testing;
using Academy.Tests.Admin;

namespace Academy.Tests.Meldingen;

/// <summary>The gidsen's queue, the dashboard and retention on SQLite.</summary>
public sealed class MeldingenQueueTests : IDisposable
{
    private readonly MeldingenSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public Task Claim_note_refer_and_close_are_kept_in_the_history() => MeldingenScenarios.ClaimReferAndCloseAreKeptInHistoryAsync(_site);

    [Fact]
    public Task Two_gidsen_claiming_at_once_have_one_winner() => MeldingenScenarios.TwoClaimsAtOnceHaveOneWinnerAsync(_site);

    [Fact]
    public Task The_dashboard_suppresses_small_counts_and_keeps_them_after_retention() => MeldingenScenarios.DashboardSuppressesSmallCountsAndSurvivesRetentionAsync(_site);

    [Fact]
    public async Task Visitors_and_professionals_cannot_open_the_queue_and_gidsen_not_the_dashboard()
    {
        var reference = await _site.AskValidAsync(_site.Visitor());
        var id = (await _site.MeldingAsync(reference)).Id;

        var visitor = await _site.Visitor().GetAsync("/gids/meldingen");
        Assert.Equal(HttpStatusCode.Redirect, visitor.Status);
        Assert.StartsWith("/account/inloggen", new Uri(new Uri("http://x"), visitor.Location!).AbsolutePath);

        var professional = await AdminTestKit.UserAsync(_site.Factory, "Professional");
        foreach (var url in new[] { "/gids/meldingen", $"/gids/meldingen/{id}", "/admin/meldingen" })
        {
            var page = await professional.GetAsync(url);
            Assert.True(page.Status is HttpStatusCode.Forbidden || page.Location?.Contains("geen-toegang") == true, $"{url}: {(int)page.Status}");
        }
        var gids = await _site.GidsAsync("geen-dashboard");
        var dashboard = await gids.GetAsync("/admin/meldingen");
        Assert.True(dashboard.Status is HttpStatusCode.Forbidden || dashboard.Location?.Contains("geen-toegang") == true);
        Assert.Equal(HttpStatusCode.OK, (await gids.GetAsync("/gids/meldingen")).Status);
    }
}

/// <summary>The same journeys on PostgreSQL (claims race on row locks there).</summary>
public sealed class MeldingenPostgresTests(PostgresFixture postgres) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private MeldingenSite? _site;

    public async Task InitializeAsync() => _site = new MeldingenSite(await postgres.CreateDatabaseAsync("meldingen"));

    public Task DisposeAsync()
    {
        _site?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public Task Claim_note_refer_and_close_are_kept_in_the_history_on_postgres() => MeldingenScenarios.ClaimReferAndCloseAreKeptInHistoryAsync(_site!);

    [Fact]
    public Task Two_gidsen_claiming_at_once_have_one_winner_on_postgres() => MeldingenScenarios.TwoClaimsAtOnceHaveOneWinnerAsync(_site!);

    [Fact]
    public Task The_dashboard_suppresses_small_counts_and_keeps_them_after_retention_on_postgres() =>
        MeldingenScenarios.DashboardSuppressesSmallCountsAndSurvivesRetentionAsync(_site!);
}
