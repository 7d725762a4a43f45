using Academy.Leeragenda.Abstractions;
using System.Net;
using System.Text.Json;
using Academy.Core.Contracts;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Enrolment.Service.EnrolmentTestKit;

namespace Academy.Tests.Enrolment.Service;

/// <summary>
/// Anonymous offering pages are output cached, yet show the seats left right after an enrolment or a
/// cancellation: every seat change evicts what shows seats.
/// </summary>
public abstract class SeatCacheTests
{
    protected abstract Task<AcademyFactory> SiteAsync();

    [Fact]
    public async Task Anonymous_offering_page_is_served_from_the_output_cache()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 4);
        var path = await OfferingPathAsync(factory, edition);
        using var client = factory.CreateClient();

        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), "An anonymous page that sets a cookie cannot be output cached.");
        var second = await client.GetAsync(path);
        Assert.True(second.Headers.Age is not null, "The second anonymous request should come from the output cache.");
    }

    [Fact]
    public async Task Seats_left_change_at_once_after_an_enrolment_and_a_cancellation()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 3);
        var path = await OfferingPathAsync(factory, edition);
        using var client = factory.CreateClient();
        Assert.Equal("3", await SeatsLeftAsync(client, path));
        Assert.Equal(3, await ApiSeatsLeftAsync(client, edition.EditionId));
        Assert.NotNull((await client.GetAsync(path)).Headers.Age);

        var enrolled = await EnrolAsync(factory, edition.EditionId, Person(1));
        Assert.True(enrolled.Succeeded, enrolled.Error);
        Assert.Equal("2", await SeatsLeftAsync(client, path));
        Assert.Equal(2, await ApiSeatsLeftAsync(client, edition.EditionId));

        var cancelled = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>()
            .CancelAsync(enrolled.EnrolmentId!.Value, "coordinator", byCoordinator: true));
        Assert.True(cancelled.Succeeded, cancelled.Error);
        Assert.Equal("3", await SeatsLeftAsync(client, path));
        Assert.Equal(3, await ApiSeatsLeftAsync(client, edition.EditionId));
    }

    [Fact]
    public async Task A_change_inside_a_callers_transaction_shows_once_its_events_are_dispatched()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, capacity: 3);
        var path = await OfferingPathAsync(factory, edition);
        using var client = factory.CreateClient();

        // As a workflow activity does: the enrolment joins the caller's transaction, and a visitor fills the
        // cache before that transaction commits.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Academy.Core.Data.AcademyDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var enrolled = await scope.ServiceProvider.GetRequiredService<IEnrolmentService>().EnrolAsync(edition.EditionId, Person(1));
            Assert.True(enrolled.Succeeded, enrolled.Error);
            Assert.Equal("3", await SeatsLeftAsync(client, path));
            await transaction.CommitAsync();
        }
        await factory.DrainBackgroundAsync();

        Assert.Equal("2", await SeatsLeftAsync(client, path));
    }

    private static async Task<string> SeatsLeftAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return new HtmlParser().ParseDocument(html).QuerySelector(".edition-seats-left")!.TextContent.Trim();
    }

    private static async Task<int> ApiSeatsLeftAsync(HttpClient client, string editionId)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/leeragenda"));
        return json.RootElement.GetProperty("offerings").EnumerateArray()
            .SelectMany(o => o.GetProperty("editions").EnumerateArray())
            .Single(e => e.GetProperty("id").GetString() == editionId)
            .GetProperty("seatsLeft").GetInt32();
    }

    private static Task<string> OfferingPathAsync(AcademyFactory factory, TestEdition edition) =>
        WithAsync(factory, async sp => (await sp.GetRequiredService<IEditionCatalog>().GetAsync(edition.EditionId))!.OfferingUrl);
}

public sealed class SeatCacheSqliteTests(SqliteEnrolmentSite site) : SeatCacheTests, IClassFixture<SqliteEnrolmentSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class SeatCachePostgresTests(PostgresFixture postgres, PostgresEnrolmentSite site) : SeatCacheTests, IClassFixture<PostgresEnrolmentSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
