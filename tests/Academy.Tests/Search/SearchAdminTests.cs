using System.Net;
using Academy.Search.Services;
using Academy.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Search;

/// <summary>/admin/zoeken: the index status per node and a rebuild with progress, without JavaScript.</summary>
[Collection(SearchSqliteSite.Collection)]
public sealed class SearchAdminTests(SearchSqliteSite site)
{
    [Fact]
    public async Task The_beheerder_sees_the_index_and_starts_a_rebuild_that_runs_in_the_background()
    {
        await SearchSiteKit.PutAsync(site.Factory.Services, "admin1", "Beheerpagina", "Een document voor de statuspagina.");
        await site.Factory.DrainBackgroundAsync();
        var index = site.Factory.Services.GetRequiredService<SearchIndex>();
        var builtBefore = index.LastRebuildUtc;
        var admin = await AdminTestKit.AdminAsync(site.Factory);

        var page = await admin.GetAsync("/admin/zoeken");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelector("tbody tr")!.TextContent;
        Assert.Contains(index.NodeName, row);
        Assert.Contains(index.DocumentCount.ToString(), row);

        var started = await admin.SubmitAsync(page.Form("form[action='/admin/zoeken/opnieuw-opbouwen']"));
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var busy = await admin.GetAsync(started.Location!);
        Assert.Contains("Het opnieuw opbouwen is gestart", busy.Html);
        Assert.True(busy.Response.Headers.Contains("Refresh"), "the page reloads itself while the rebuild is asked for");

        // The indexer picks the request up in its next round and rebuilds in the background; the page reloads until done.
        var until = DateTime.UtcNow.AddSeconds(30);
        var done = busy;
        while (done.Response.Headers.Contains("Refresh") && DateTime.UtcNow < until)
        {
            await site.Factory.DrainBackgroundAsync();
            await Task.Delay(100);
            done = await admin.GetAsync("/admin/zoeken");
        }
        Assert.False(done.Response.Headers.Contains("Refresh"));
        Assert.NotEqual(builtBefore, index.LastRebuildUtc);
        Assert.Contains("Klaar", done.Document.QuerySelector("tbody tr")!.TextContent);
    }

    [Fact]
    public async Task Someone_without_the_permission_gets_no_status_page()
    {
        var professional = await AdminTestKit.UserAsync(site.Factory, "ZoekTester");

        var page = await professional.GetAsync("/admin/zoeken");

        Assert.NotEqual(HttpStatusCode.OK, page.Status);
    }
}
