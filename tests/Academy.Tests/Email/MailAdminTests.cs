using System.Net;
using Academy.Email.Models;
using Academy.Testing;
using Academy.Tests.Admin;
using static Academy.Tests.Admin.AdminTestKit;
using static Academy.Tests.Email.MailTestKit;

namespace Academy.Tests.Email;

/// <summary>/admin/e-mail: who may see it, what it shows, and retrying a dead letter.</summary>
public sealed class MailAdminTests(EmailSite site) : IClassFixture<EmailSite>
{
    private readonly AcademyFactory factory = site.Factory;

    [Fact]
    public async Task Anonymous_visitors_go_to_login_and_users_without_the_permission_get_403()
    {
        var anonymous = await Anonymous(factory).GetAsync("/admin/e-mail");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Contains("/account/inloggen", anonymous.Location);

        var coordinator = await UserAsync(factory, "Coordinator-zonder-mail", "AccessAdmin", "ManageOfferings");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetFollowingAsync("/admin/e-mail")).Status);
        var token = await coordinator.TokenAsync("/admin/aanbod");
        var post = await coordinator.PostAsync("/admin/e-mail/1/opnieuw", [new("__RequestVerificationToken", token)]);
        Assert.NotEqual(HttpStatusCode.OK, post.Status);
        Assert.True(post.Status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{post.Status}");
        Assert.DoesNotContain("/admin/e-mail", (await coordinator.GetAsync("/admin")).Document.QuerySelector("nav")?.InnerHtml ?? "");
    }

    [Fact]
    public async Task The_admin_sees_queued_and_dead_mails_with_their_error_and_can_retry_a_dead_letter()
    {
        var key = "dead-" + Guid.NewGuid().ToString("n")[..8];
        await QueueAsync(factory.Services, Draft(key, "pechvogel@example.nl"), Draft(key + "-wacht", "geduld@example.nl"));
        await DeadLetterAsync(factory.Services, key, "SocketException: Connection refused");
        var dead = await MailAsync(factory.Services, key);

        var admin = await UserAsync(factory, "Mailbeheerder", "AccessAdmin", "ManageEmail");
        var page = await admin.GetAsync("/admin/e-mail");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelector($"#onbestelbaar ~ div #mail-{dead.Id}");
        Assert.NotNull(row);
        Assert.Contains("pechvogel@example.nl", row.TextContent);
        Assert.Contains($"Onderwerp {key}", row.TextContent);
        Assert.Contains("Connection refused", row.TextContent);
        Assert.DoesNotContain($"Hallo {key}", page.Html); // never the body
        Assert.Contains("geduld@example.nl", page.Document.QuerySelector("#wachtrij ~ div")!.TextContent);
        Assert.NotEqual("0", page.Document.QuerySelector("#aantal-onbestelbaar")!.TextContent);

        var form = page.Form($"form[action='/admin/e-mail/{dead.Id}/opnieuw']");
        var retried = await admin.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, retried.Status);
        Assert.Equal("/admin/e-mail", retried.Location);
        var requeued = await MailAsync(factory.Services, key);
        Assert.Equal(MailStatus.Queued, requeued.Status);
        Assert.Equal(0, requeued.Attempts);
        Assert.True(requeued.NextAttemptUtc <= DateTime.UtcNow);

        var after = await admin.GetAsync("/admin/e-mail");
        Assert.Contains("weer in de wachtrij", after.StatusMessage);
        Assert.Null(after.Document.QuerySelector($"#onbestelbaar ~ div #mail-{dead.Id}"));

        await factory.DrainBackgroundAsync();
        Assert.Equal(MailStatus.Sent, (await MailAsync(factory.Services, key)).Status);

        // A sent mail, or one that does not exist, cannot be "retried".
        var token = await admin.TokenAsync("/admin/e-mail");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/admin/e-mail/{dead.Id}/opnieuw", [new("__RequestVerificationToken", token)])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/admin/e-mail/987654321/opnieuw", [new("__RequestVerificationToken", token)])).Status);
    }

    [Fact]
    public async Task The_dashboard_shows_the_mail_card_and_the_menu_links_to_the_page()
    {
        var admin = await UserAsync(factory, "Mailbeheerder-dashboard", "AccessAdmin", "ManageEmail");
        var dashboard = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Niet bezorgd", dashboard.Html);
        Assert.NotNull(dashboard.Document.QuerySelector("a[href='/admin/e-mail']"));
    }
}
