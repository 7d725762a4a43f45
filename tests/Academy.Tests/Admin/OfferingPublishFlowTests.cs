using System.Net;
using Academy.Core.Content;
using Academy.Core.Recipes;
using Academy.Core.Text;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Admin.AdminTestKit;

namespace Academy.Tests.Admin;

/// <summary>
/// Draft → publish → unpublish through the admin forms, checked against the public leeragenda page.
/// Runs on SQLite and on PostgreSQL (the subclasses below).
/// </summary>
public abstract class OfferingPublishFlowTests : IAsyncLifetime
{
    private AcademyFactory? _factory;

    protected AcademyFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<AcademyFactory> CreateFactoryAsync();

    public async Task InitializeAsync() => _factory = await CreateFactoryAsync();

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Anonymous_visitors_and_professionals_get_no_admin_page()
    {
        var anonymous = Anonymous(Factory);
        var professional = await UserAsync(Factory, "Professional");
        foreach (var path in new[] { "/admin", "/admin/aanbod", "/admin/inhoudstypes", "/admin/gebruikers" })
        {
            var redirect = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, redirect.Status);
            Assert.StartsWith("/account/inloggen", new Uri(new Uri("http://localhost"), redirect.Location!).PathAndQuery);

            var page = await professional.GetFollowingAsync(path);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"{path}: {(int)page.Status}");
        }
    }

    [Fact]
    public async Task Draft_is_not_public_until_published_and_unpublishing_hides_it_again()
    {
        var admin = await AdminAsync(Factory);
        var anonymous = Anonymous(Factory);
        var title = "Werkfit met taal " + Guid.NewGuid().ToString("n")[..6];
        var slug = Slug.From(title);

        var id = await CreateAsync(admin, title);

        // Saved as a draft, with the Dutch amount and Amsterdam times stored as they should be.
        var edit = await admin.GetAsync($"/admin/aanbod/{id}");
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Contains("opgeslagen als concept", edit.StatusMessage);
        Assert.Equal($"{title} bewerken", edit.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.StartsWith($"{title} bewerken", edit.Document.Title);
        Assert.Equal("Concept", edit.Document.QuerySelector("#publicatiestatus")?.TextContent.Trim());
        Assert.Equal(slug, edit.Value("Slug"));
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest);
            Assert.NotNull(item);
            Assert.False(item!.Published);
            Assert.Equal(AcademyFactory.AdminEmail, item.Author);
            Assert.Equal(95.00m, item.As<OfferingPart>().CostEuros);
            var session = Assert.Single(Assert.Single(item.As<EditionsPart>().Editions).Sessions);
            Assert.Equal("09:30", AmsterdamTime.ToLocal(session.Start).ToString("HH:mm"));
            Assert.Equal("12:00", AmsterdamTime.ToLocal(session.End).ToString("HH:mm"));
            Assert.False(string.IsNullOrEmpty(session.SessionId));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/leeragenda/{slug}")).Status);

        var published = await PostActionAsync(admin, id, "publiceren");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        Assert.Equal($"/admin/aanbod/{id}", published.Location);
        var afterPublish = await admin.GetAsync($"/admin/aanbod/{id}");
        Assert.Contains("is gepubliceerd", afterPublish.StatusMessage);
        Assert.Equal("Gepubliceerd", afterPublish.Document.QuerySelector("#publicatiestatus")?.TextContent.Trim());

        var publicPage = await anonymous.GetAsync($"/leeragenda/{slug}");
        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.Contains(title, publicPage.Html);

        var unpublished = await PostActionAsync(admin, id, "depubliceren");
        Assert.Equal(HttpStatusCode.Redirect, unpublished.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/leeragenda/{slug}")).Status);
        var afterUnpublish = await admin.GetAsync($"/admin/aanbod/{id}");
        Assert.Equal("Concept", afterUnpublish.Document.QuerySelector("#publicatiestatus")?.TextContent.Trim());
    }

    [Fact]
    public async Task Editing_a_published_offering_keeps_the_public_version_until_it_is_republished()
    {
        var admin = await AdminAsync(Factory);
        var anonymous = Anonymous(Factory);
        var title = "Kennissessie banenafspraak " + Guid.NewGuid().ToString("n")[..6];
        var slug = Slug.From(title);
        var id = await CreateAsync(admin, title, command: "save-publish");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/leeragenda/{slug}")).Status);

        var edit = await admin.GetAsync($"/admin/aanbod/{id}");
        var editionId = edit.Value("Editions[0].EditionId");
        var sessionId = edit.Value("Editions[0].Sessions[0].SessionId");
        Assert.False(string.IsNullOrEmpty(editionId));
        var form = edit.Form().Set("Title", title + " (nieuwe versie)");
        var saved = await admin.SubmitAsync(form, "save-draft");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var draft = await admin.GetAsync($"/admin/aanbod/{id}");
        Assert.Equal("Gepubliceerd met wijzigingen in concept", draft.Document.QuerySelector("#publicatiestatus")?.TextContent.Trim());
        Assert.Equal(editionId, draft.Value("Editions[0].EditionId"));
        Assert.Equal(sessionId, draft.Value("Editions[0].Sessions[0].SessionId"));
        var list = await admin.GetAsync("/admin/aanbod?status=gewijzigd&type=Workshop&q=" + Uri.EscapeDataString(title.ToUpperInvariant()));
        var row = Assert.Single(list.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains(title + " (nieuwe versie)", row.TextContent);
        Assert.Contains("Gepubliceerd met wijzigingen in concept", row.TextContent);
        Assert.Empty((await admin.GetAsync("/admin/aanbod?status=concept&q=" + Uri.EscapeDataString(title))).Document.QuerySelectorAll("tbody tr"));

        var stillOld = await anonymous.GetAsync($"/leeragenda/{slug}");
        Assert.Equal(HttpStatusCode.OK, stillOld.Status);
        Assert.DoesNotContain("nieuwe versie", stillOld.Html);

        Assert.Equal(HttpStatusCode.Redirect, (await PostActionAsync(admin, id, "publiceren")).Status);
        var republished = await anonymous.GetAsync($"/leeragenda/{slug}");
        Assert.Equal(HttpStatusCode.OK, republished.Status);
        Assert.Contains("nieuwe versie", republished.Html);
    }
}

public sealed class OfferingPublishFlowSqliteTests : OfferingPublishFlowTests
{
    protected override Task<AcademyFactory> CreateFactoryAsync() => Task.FromResult(new AcademyFactory());
}

public sealed class OfferingPublishFlowPostgresTests(PostgresFixture postgres) : OfferingPublishFlowTests, IClassFixture<PostgresFixture>
{
    protected override async Task<AcademyFactory> CreateFactoryAsync() =>
        new AcademyFactory(await postgres.CreateDatabaseAsync("admin_publish"));
}
