using System.Net;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Text;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Core;

/// <summary>Defects found in review: concurrent saves, draft slugs, id clashes, HEAD, time offsets.</summary>
public class ReviewRegressionTests(AcademyFactory factory) : IClassFixture<AcademyFactory>
{
    private async Task<string> PublishPageAsync(string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var page = await content.NewAsync("Page");
        page.Apply(new TitlePart { Title = title }).Apply(new MarkdownBodyPart { Markdown = "Gepubliceerde tekst" }).Apply(new AutoroutePart());
        await content.SaveAndPublishAsync(page);
        return page.ContentItemId;
    }

    /// <summary>Holds every save of the test item after validation until all have arrived, so they really race.</summary>
    private sealed class RaceGate : IContentHandler
    {
        public static Barrier? Gate;

        public Task ValidateAsync(ContentItem item, ContentValidationResult result)
        {
            if (item.As<MarkdownBodyPart>().Markdown.StartsWith("Concept ", StringComparison.Ordinal))
            {
                Gate?.SignalAndWait(TimeSpan.FromSeconds(10));
            }
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Concurrent_saves_of_a_published_item_leave_one_latest_version()
    {
        var id = await PublishPageAsync("Gelijktijdig bewerkt");
        using var racing = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<IContentHandler, RaceGate>()));
        const int writers = 6;
        RaceGate.Gate = new Barrier(writers);
        var saves = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await using var scope = racing.Services.CreateAsyncScope();
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = await content.GetAsync(id, VersionOptions.Latest);
            item!.Apply(new MarkdownBodyPart { Markdown = $"Concept {i}" });
            try
            {
                await content.SaveDraftAsync(item);
                return true;
            }
            catch (ContentValidationException)
            {
                return false;
            }
        })).ToList();
        var results = await Task.WhenAll(saves);
        RaceGate.Gate = null;
        Assert.Contains(true, results);

        await using var check = racing.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AcademyDbContext>();
        Assert.Equal(1, await db.ContentItems.CountAsync(r => r.ContentItemId == id && r.Latest));
        Assert.Equal(1, await db.ContentItems.CountAsync(r => r.ContentItemId == id && r.Published));
    }

    [Fact]
    public async Task A_draft_with_a_new_slug_keeps_the_public_url_and_reserves_both()
    {
        var id = await PublishPageAsync("Vaste pagina");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var draft = await content.GetAsync(id, VersionOptions.Latest);
            draft!.Apply(new AutoroutePart { Path = "nieuwe-plek" }).Apply(new MarkdownBodyPart { Markdown = "Concepttekst" });
            await content.SaveDraftAsync(draft);

            var other = await content.NewAsync("Page");
            other.Apply(new TitlePart { Title = "Indringer" }).Apply(new AutoroutePart { Path = "vaste-pagina" });
            var ex = await Assert.ThrowsAsync<ContentValidationException>(() => content.SaveDraftAsync(other));
            Assert.Contains(ex.Result.Errors, e => e.Key == "AutoroutePart.Path");
        }

        var client = factory.CreateClient();
        var published = await client.GetAsync("/vaste-pagina");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains("Gepubliceerde tekst", await published.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/nieuwe-plek")).StatusCode);
    }

    [Fact]
    public async Task A_session_id_of_another_offering_is_a_validation_error_not_a_crash()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var source = (await content.GetAsync("harrie-training"))!.As<EditionsPart>();
        var takenSessionId = source.Editions[0].Sessions[0].SessionId;

        var workshop = await content.NewAsync("Workshop");
        workshop.Apply(new TitlePart { Title = "Dubbele bijeenkomst" }).Apply(new OfferingPart { Summary = "x" });
        workshop.Apply(new EditionsPart
        {
            Editions = [new Edition { Name = "Groep 1", Capacity = 5, Sessions = [new Session { SessionId = takenSessionId, Start = DateTime.UtcNow.AddDays(10), End = DateTime.UtcNow.AddDays(10).AddHours(2) }] }],
        });
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => content.SaveAndPublishAsync(workshop));
        Assert.Contains(ex.Result.Errors, e => e.Value.Contains(takenSessionId));

        workshop.Apply(new EditionsPart { Editions = [new Edition { EditionId = "Hoofd Letters", Name = "Groep", Capacity = 5, Sessions = [new Session { Start = DateTime.UtcNow.AddDays(3), End = DateTime.UtcNow.AddDays(3).AddHours(1) }] }] });
        ex = await Assert.ThrowsAsync<ContentValidationException>(() => content.SaveDraftAsync(workshop));
        Assert.Contains(ex.Result.Errors, e => e.Value.Contains("kleine letters"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/leeragenda")]
    [InlineData("/leeragenda/harrie-training")]
    [InlineData("/leeragenda.ics")]
    [InlineData("/api/leeragenda")]
    [InlineData("/werkcentrum")]
    [InlineData("/account/inloggen")]
    public async Task Get_pages_answer_head_too(string url)
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Absurd_page_numbers_are_capped()
    {
        var response = await factory.CreateClient().GetAsync("/leeragenda?pagina=99999999");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Local_times_in_the_repeated_autumn_hour_get_the_right_offset()
    {
        // 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET.
        Assert.Equal("2026-10-25T02:30+02:00", DutchFormat.IsoLocal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("2026-10-25T02:30+01:00", DutchFormat.IsoLocal(new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Utc)));
    }
}
