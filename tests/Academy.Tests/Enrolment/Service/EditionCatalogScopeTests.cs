using Academy.Core.Content;
using Academy.Leeragenda.Abstractions;
using Academy.Leeragenda.Models;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Enrolment.Service.EnrolmentTestKit;

namespace Academy.Tests.Enrolment.Service;

/// <summary>
/// The edition catalog reads an edition once per scope (the enrol button and the enrolment service ask for the same one),
/// but never serves an older version: a publish in between is seen at once.
/// </summary>
public sealed class EditionCatalogScopeTests(SqliteEnrolmentSite site) : IClassFixture<SqliteEnrolmentSite>
{
    [Fact]
    public async Task An_edition_asked_twice_in_one_scope_is_read_once_and_a_new_version_is_seen_at_once()
    {
        var edition = await CreateEditionAsync(site.Factory, capacity: 5);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<IEditionCatalog>();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();

        var first = await catalog.GetAsync(edition.EditionId);
        var again = await catalog.GetAsync(edition.EditionId);
        Assert.NotNull(first);
        Assert.Same(first, again);

        var item = (await content.GetAsync(edition.OfferingId))!;
        var editions = item.As<EditionsPart>();
        var renamed = first!.EditionName + " (verplaatst)";
        editions.Editions.Single(e => e.EditionId == edition.EditionId).Name = renamed;
        item.Apply(editions);
        await content.SaveAndPublishAsync(item);

        var afterPublish = await catalog.GetAsync(edition.EditionId);
        Assert.NotSame(first, afterPublish);
        Assert.Equal(renamed, afterPublish!.EditionName);

        await content.UnpublishAsync(edition.OfferingId);
        Assert.Null(await catalog.GetAsync(edition.EditionId));
    }
}
