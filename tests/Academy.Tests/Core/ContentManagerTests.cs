using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Core;

public class ContentManagerTests(AcademyFactory factory) : IClassFixture<AcademyFactory>
{
    private async Task<ContentItem> NewPageAsync(ContentManager content, string title)
    {
        var item = await content.NewAsync("Page");
        item.Apply(new TitlePart { Title = title });
        item.Apply(new MarkdownBodyPart { Markdown = "Eerste versie" });
        item.Apply(new AutoroutePart());
        return item;
    }

    [Fact]
    public async Task Drafts_publish_and_editing_a_published_item_makes_a_new_version()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var item = await NewPageAsync(content, "Versies testen");

        await content.SaveDraftAsync(item, "tester");
        Assert.Null(await content.GetAsync(item.ContentItemId));
        Assert.Equal("versies-testen", (await content.GetAsync(item.ContentItemId, VersionOptions.Latest))!.As<AutoroutePart>().Path);

        await content.PublishAsync(item.ContentItemId);
        var published = await content.GetAsync(item.ContentItemId);
        Assert.NotNull(published);
        Assert.True(published.Latest);
        Assert.NotNull(published.PublishedUtc);

        published.Apply(new MarkdownBodyPart { Markdown = "Tweede versie" });
        await content.SaveDraftAsync(published);
        Assert.Equal("Eerste versie", (await content.GetAsync(item.ContentItemId))!.As<MarkdownBodyPart>().Markdown);
        Assert.Equal("Tweede versie", (await content.GetAsync(item.ContentItemId, VersionOptions.Latest))!.As<MarkdownBodyPart>().Markdown);

        await content.PublishAsync(item.ContentItemId);
        var versions = await db.ContentItems.AsNoTracking().Where(r => r.ContentItemId == item.ContentItemId).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.Single(versions, v => v.Published);
        Assert.Single(versions, v => v.Latest);
        Assert.Equal(2, versions.Select(v => v.ContentItemVersionId).Distinct().Count());
        Assert.Equal("Tweede versie", (await content.GetAsync(item.ContentItemId))!.As<MarkdownBodyPart>().Markdown);

        Assert.True(await content.UnpublishAsync(item.ContentItemId));
        Assert.Null(await content.GetAsync(item.ContentItemId));
        Assert.True(await content.RemoveAsync(item.ContentItemId));
        Assert.Null(await content.GetAsync(item.ContentItemId, VersionOptions.Latest));
    }

    [Fact]
    public async Task Each_change_writes_its_event_to_the_outbox_in_the_same_transaction()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var item = await NewPageAsync(content, "Uitgaande gebeurtenissen");
        await content.SaveAndPublishAsync(item);

        var types = await db.Outbox.AsNoTracking().Where(m => m.CorrelationId == item.ContentItemId).OrderBy(m => m.Id).Select(m => m.Type).ToListAsync();
        Assert.Equal(["ContentCreated", "ContentPublished"], types);

        // A rolled-back change leaves neither the item nor its events.
        var rolledBack = await NewPageAsync(content, "Teruggedraaid");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await content.SaveAndPublishAsync(rolledBack);
            await transaction.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        content.DiscardPendingNotifications();
        Assert.False(await db.ContentItems.AnyAsync(r => r.ContentItemId == rolledBack.ContentItemId));
        Assert.False(await db.Outbox.AnyAsync(m => m.CorrelationId == rolledBack.ContentItemId));
    }

    [Fact]
    public async Task Validation_rejects_a_missing_title_and_a_taken_slug()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var first = await NewPageAsync(content, "Dubbel adres");
        await content.SaveAndPublishAsync(first);

        var second = await NewPageAsync(content, "Dubbel adres");
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => content.SaveDraftAsync(second));
        Assert.Contains(ex.Result.Errors, e => e.Key == "AutoroutePart.Path" && e.Value.Contains("al in gebruik"));

        var untitled = await NewPageAsync(content, " ");
        ex = await Assert.ThrowsAsync<ContentValidationException>(() => content.SaveDraftAsync(untitled));
        Assert.Contains(ex.Result.Errors, e => e.Key == "TitlePart.Title");
    }

    [Fact]
    public void Typed_parts_and_generic_fields_round_trip_through_the_json_document()
    {
        var item = new ContentItem { ContentType = "Workshop" };
        item.Apply(new TitlePart { Title = "Werkbezoek" });
        item.ApplyField("Workshop", "Materiaal", new LinkField { Url = "https://example.nl/map", Text = "Map" });
        item.ApplyField("Workshop", "Vooropleiding", new ContentPickerField { ContentItemIds = ["harrie-training"] });

        var copy = ContentManager.ToItem(new ContentItemRecord { Content = item.Content.ToJsonString() });
        Assert.Equal("Werkbezoek", copy.As<TitlePart>().Title);
        Assert.Equal("https://example.nl/map", copy.Field<LinkField>("Workshop", "Materiaal")!.Url);
        Assert.Equal(["harrie-training"], copy.Field<ContentPickerField>("Workshop", "Vooropleiding")!.ContentItemIds);
        Assert.False(copy.Has<MarkdownBodyPart>());
        Assert.Equal("", copy.As<MarkdownBodyPart>().Markdown);
    }
}
