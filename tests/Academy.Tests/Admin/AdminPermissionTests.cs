using System.Net;
using Academy.Testing;
using static Academy.Tests.Admin.AdminTestKit;

namespace Academy.Tests.Admin;

/// <summary>Who may open the back office and the aanbod admin.</summary>
public sealed class AdminPermissionTests(AdminSite site) : IClassFixture<AdminSite>
{
    private readonly AcademyFactory factory = site.Factory;

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/aanbod")]
    [InlineData("/admin/aanbod/nieuw/Workshop")]
    [InlineData("/admin/inhoudstypes")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string path)
    {
        var page = await Anonymous(factory).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/inloggen", new Uri(new Uri("http://localhost"), page.Location!).PathAndQuery);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), page.Location);
    }

    [Fact]
    public async Task A_professional_gets_403_in_the_back_office()
    {
        var professional = await UserAsync(factory, "Professional");
        foreach (var path in new[] { "/admin", "/admin/aanbod", "/admin/inhoudstypes", "/admin/aanbod/nieuw/Workshop" })
        {
            var page = await professional.GetFollowingAsync(path);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"{path}: {(int)page.Status}");
        }

        var admin = await AdminAsync(factory);
        var id = await CreateAsync(admin, "Niet voor professionals " + Guid.NewGuid().ToString("n")[..6]);
        var token = await professional.TokenAsync("/account/inloggen");
        var publish = await professional.PostAsync($"/admin/aanbod/{id}/publiceren", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, publish.Status);
        Assert.StartsWith("/account/geen-toegang", new Uri(new Uri("http://localhost"), publish.Location!).PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(publish.Location!)).Status);
        Assert.Contains("Concept", (await admin.GetAsync($"/admin/aanbod/{id}")).Document.QuerySelector("#publicatiestatus")?.TextContent);
    }

    [Fact]
    public async Task An_editor_without_publish_permission_can_save_drafts_but_not_publish_or_delete()
    {
        var editor = await UserAsync(factory, "Redacteur", "AccessAdmin", "ManageOfferings");
        var page = await editor.GetAsync("/admin/aanbod/nieuw/Workshop");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("button[value=save-publish]"));

        var id = await CreateAsync(editor, "Concept van redacteur " + Guid.NewGuid().ToString("n")[..6]);
        var edit = await editor.GetAsync($"/admin/aanbod/{id}");
        Assert.Null(edit.Document.QuerySelector($"form[action='/admin/aanbod/{id}/publiceren']"));

        var forged = edit.Form().Values.Append(new("command", "save-publish"));
        var publish = await editor.PostAsync($"/admin/aanbod/{id}", forged);
        Assert.Equal(HttpStatusCode.Redirect, publish.Status);
        Assert.StartsWith("/account/geen-toegang", new Uri(new Uri("http://localhost"), publish.Location!).PathAndQuery);
        var delete = await editor.GetFollowingAsync($"/admin/aanbod/{id}/verwijderen");
        Assert.Equal(HttpStatusCode.Forbidden, delete.Status);
        Assert.Contains("Concept", (await editor.GetAsync($"/admin/aanbod/{id}")).Document.QuerySelector("#publicatiestatus")?.TextContent);
    }

    [Fact]
    public async Task Admin_sees_the_content_types_and_the_aanbod_menu()
    {
        var admin = await AdminAsync(factory);

        var types = await admin.GetAsync("/admin/inhoudstypes");
        Assert.Equal(HttpStatusCode.OK, types.Status);
        Assert.Contains(types.Document.QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()), t => t == "Workshop");

        var dashboard = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.NotNull(dashboard.Document.QuerySelector("nav.admin-nav a[href='/admin/aanbod']"));
    }
}
