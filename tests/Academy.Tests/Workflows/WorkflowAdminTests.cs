using System.Net;
using System.Security.Claims;
using Academy.Core.Security;
using Academy.Tests.Admin;
using Academy.Testing;
using Academy.Users;
using Academy.Workflows.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Workflows;

/// <summary>The workflow admin: permission, list, JSON editor with Dutch validation, concurrency, enable/disable.</summary>
public sealed class WorkflowAdminTests(SqliteWorkflowSite fixture) : IClassFixture<SqliteWorkflowSite>
{
    private WorkflowSite Site => fixture.Site;

    /// <summary>Signs in a new account whose role holds <paramref name="permissions"/>.</summary>
    public static async Task<Browser> UserAsync(WorkflowSite site, string role, params string[] permissions)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():n}@example.nl";
        await site.WithScopeAsync(async services =>
        {
            var roles = services.GetRequiredService<RoleManager<AcademyRole>>();
            if (await roles.FindByNameAsync(role) is null)
            {
                var created = new AcademyRole(role) { Description = "Test" };
                Assert.True((await roles.CreateAsync(created)).Succeeded);
                foreach (var permission in permissions)
                {
                    Assert.True((await roles.AddClaimAsync(created, new Claim(PermissionClaim.Type, permission))).Succeeded);
                }
            }
            var users = services.GetRequiredService<UserManager<AcademyUser>>();
            var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, AdminTestKit.UserPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return true;
        });
        var browser = new Browser(site.CreateBrowserClient());
        await browser.LoginAsync(email, AdminTestKit.UserPassword);
        return browser;
    }

    public static Task<Browser> ManagerAsync(WorkflowSite site) => UserAsync(site, "Workflowbeheerder", "AccessAdmin", WorkflowPermissionsName);

    private const string WorkflowPermissionsName = Academy.Workflows.WorkflowPermissions.ManageWorkflows;

    [Fact]
    public async Task Admin_pages_require_ManageWorkflows()
    {
        await Site.SaveTypeAsync(WorkflowScenarios.MailOnStart("rechten-test", "WfRights"));
        var anonymous = new Browser(Site.CreateBrowserClient());
        var other = await UserAsync(Site, "Aanbodbeheerder", "AccessAdmin", "ManageOfferings");
        foreach (var url in new[] { "/admin/workflows", "/admin/workflows/nieuw", "/admin/workflows/rechten-test", "/admin/workflows/rechten-test/instanties", "/admin/workflows/instanties" })
        {
            var page = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Contains("/account/inloggen", page.Location);
            var denied = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.Status);
            Assert.Contains("/account/geen-toegang", denied.Location);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetFollowingAsync(url)).Status);
        }
        // A POST without the permission changes nothing either.
        var manager = await ManagerAsync(Site);
        var form = (await manager.GetAsync("/admin/workflows/rechten-test")).Form("form[action$='/status']");
        var token = await other.TokenAsync("/account/inloggen");
        var refused = await other.PostAsync("/admin/workflows/rechten-test/status", [new("__RequestVerificationToken", token), new("enabled", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Contains("/account/geen-toegang", refused.Location);
        Assert.True((await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().FindAsync("rechten-test")))!.IsEnabled);

        var disabled = await manager.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, disabled.Status);
        Assert.False((await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().FindAsync("rechten-test")))!.IsEnabled);
    }

    [Fact]
    public async Task List_shows_the_recipe_types_with_their_state()
    {
        var manager = await ManagerAsync(Site);
        var page = await manager.GetAsync("/admin/workflows");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var names = page.Document.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Aanmelding bevestigen", names);
        Assert.Contains("Herinnering 2 dagen voor de eerste bijeenkomst", names);
        Assert.Contains("HARRIE werkgeversaanmelding", names);
    }

    [Fact]
    public async Task Editor_refuses_invalid_json_with_Dutch_errors_and_keeps_the_text()
    {
        await Site.SaveTypeAsync(WorkflowScenarios.MailOnStart("editor-test", "WfEditor"));
        var manager = await ManagerAsync(Site);
        var page = await manager.GetAsync("/admin/workflows/editor-test");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Form();
        var original = form.Get("json")!;
        var broken = original.Replace("\"Type\": \"SendEmail\"", "\"Type\": \"StuurFax\"").Replace("\"Outcome\": \"Done\"", "\"Outcome\": \"Klaar\"");

        var refused = await manager.SubmitAsync(form.Set("json", broken));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.ErrorSummary, e => e.Contains("onbekend type 'StuurFax'"));
        Assert.Contains(refused.ErrorSummary, e => e.Contains("geen uitkomst 'Klaar'"));
        Assert.Equal(broken.Trim(), refused.Document.QuerySelector("textarea[name=json]")!.TextContent.Trim());
        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().FindAsync("editor-test"));
        Assert.Contains("SendEmail", stored!.Json);

        var notJson = await manager.SubmitAsync(form.Set("json", "{ \"Id\": "));
        Assert.Contains(notJson.ErrorSummary, e => e.StartsWith("De JSON is ongeldig", StringComparison.Ordinal));
        Assert.Equal("{ \"Id\":", notJson.Document.QuerySelector("textarea[name=json]")!.TextContent.Trim());

        var saved = await manager.SubmitAsync(form.Set("json", original.Replace("Bevestigd:", "Bevestiging:")));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("Bevestiging:", (await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().FindAsync("editor-test")))!.Json);

        // The form still carries the old version: someone else saved in between.
        var stale = await manager.SubmitAsync(form.Set("json", original.Replace("Bevestigd:", "Oud:")));
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(stale.ErrorSummary, e => e.Contains("intussen gewijzigd"));
        Assert.Contains("Oud:", stale.Document.QuerySelector("textarea[name=json]")!.TextContent);
        Assert.Contains("Bevestiging:", (await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowTypeStore>().FindAsync("editor-test")))!.Json);
    }

    [Fact]
    public async Task New_type_is_created_from_the_form()
    {
        var manager = await ManagerAsync(Site);
        var page = await manager.GetAsync("/admin/workflows/nieuw");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Form();
        var json = form.Get("json")!.Replace("nieuwe-workflow", "via-formulier");
        var created = await manager.SubmitAsync(form.Set("json", json));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/admin/workflows/via-formulier", created.Location);

        var again = await manager.SubmitAsync(form.Set("json", json));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(again.ErrorSummary, e => e.Contains("bestaat al"));
    }

    [Fact]
    public async Task Instance_lists_and_dashboard_card_show_the_instances()
    {
        await Site.SaveTypeAsync(WorkflowScenarios.MailOnStart("lijst-test", "WfEditor", to: "geen-adres"));
        await Site.RaiseAsync("WfEditor", new { }, "lijst-1");
        var instance = Assert.Single(await Site.InstancesAsync("lijst-test"));
        var manager = await ManagerAsync(Site);

        var ofType = await manager.GetAsync("/admin/workflows/lijst-test/instanties");
        Assert.Equal(HttpStatusCode.OK, ofType.Status);
        Assert.Contains($"/admin/workflows/instanties/{instance.Id}", ofType.Html);
        Assert.Contains("Mislukt", ofType.Document.QuerySelector("tbody")!.TextContent);

        var faulted = await manager.GetAsync("/admin/workflows/instanties?status=Faulted");
        Assert.Contains("lijst-1", faulted.Document.QuerySelector("tbody")!.TextContent);
        var finished = await manager.GetAsync("/admin/workflows/instanties?status=Finished");
        Assert.DoesNotContain("lijst-1", finished.Html);

        var detail = await manager.GetAsync($"/admin/workflows/instanties/{instance.Id}");
        Assert.Contains("Geen geldig e-mailadres", detail.Document.QuerySelector("#fout")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/admin/workflows/instanties/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/admin/workflows/bestaat-niet")).Status);

        var dashboard = await manager.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Mislukt", dashboard.Html);
        Assert.Contains("/admin/workflows", dashboard.Html);
    }
}
