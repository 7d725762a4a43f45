using System.Net;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Testing;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Academy.Tests.Admin;
using Academy.Email.Abstractions;
using static Academy.Tests.Admin.AdminTestKit;

namespace Academy.Tests.Email;

/// <summary>"Meldingen": only for signed-in users, only their own, marked read by a plain form.</summary>
public sealed class NotificationTests(EmailSite site) : IClassFixture<EmailSite>
{
    private readonly AcademyFactory factory = site.Factory;

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var page = await Anonymous(factory).GetAsync("/meldingen");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/account/inloggen", page.Location);
    }

    [Fact]
    public async Task A_user_sees_only_their_own_notifications_and_marks_them_read()
    {
        var (sanne, sanneId) = await UserWithIdAsync("Melding-sanne");
        var (_, otherId) = await UserWithIdAsync("Melding-ander");
        await NotifyAsync((sanneId, "Uw aanmelding is bevestigd", "/mijn/aanmeldingen"), (sanneId, "Een plek vrijgekomen", null),
            (otherId, "Geheim voor een ander", null), (sanneId, "Kwaadaardig", "javascript:alert(1)"));

        var page = await sanne.GetAsync("/meldingen");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Uw aanmelding is bevestigd", page.Html);
        Assert.NotNull(page.Document.QuerySelector("a[href='/meldingen'][aria-current=page]"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/mijn/aanmeldingen']"));
        Assert.DoesNotContain("javascript:", page.Html);
        Assert.DoesNotContain("Geheim voor een ander", page.Html);
        Assert.Contains("3 ongelezen meldingen", page.Document.QuerySelector("#aantal-ongelezen")!.TextContent);

        var marked = await sanne.SubmitAsync(page.Form("form[action='/meldingen/gelezen']"));
        Assert.Equal(HttpStatusCode.Redirect, marked.Status);
        var after = await sanne.GetAsync("/meldingen");
        Assert.Contains("als gelezen gemarkeerd", after.StatusMessage);
        Assert.Contains("0 ongelezen meldingen", after.Document.QuerySelector("#aantal-ongelezen")!.TextContent);
        Assert.Null(after.Document.QuerySelector("form[action='/meldingen/gelezen']"));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        Assert.Equal(0, await db.Set<NotificationRecord>().CountAsync(n => n.UserId == sanneId && n.ReadUtc == null));
        Assert.Equal(1, await db.Set<NotificationRecord>().CountAsync(n => n.UserId == otherId && n.ReadUtc == null));
    }

    private async Task<(Browser Browser, string UserId)> UserWithIdAsync(string role)
    {
        var browser = await UserAsync(factory, role);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = await scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>().GetUsersInRoleAsync(role);
        return (browser, users.Single().Id);
    }

    private async Task NotifyAsync(params (string UserId, string Text, string? Url)[] notifications)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<INotifier>();
        foreach (var (userId, text, url) in notifications)
        {
            await notifier.NotifyAsync(userId, text, url);
        }
        await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
    }
}
