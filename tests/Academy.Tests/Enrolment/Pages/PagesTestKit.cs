using System.Security.Claims;
using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Enrolment.Pages;

/// <summary>A signed-in person with their account id and e-mail address.</summary>
public sealed record Person(Browser Browser, string UserId, string Email, string Name)
{
    public Participant AsParticipant => new(UserId, Name, Email);
}

public sealed record TestOffering(string OfferingId, string Title, IReadOnlyList<string> EditionIds)
{
    public string EditionId => EditionIds[0];
}

/// <summary>Offerings, accounts and enrolments for the page tests; every change goes through the enrolment service.</summary>
internal static class PagesTestKit
{
    /// <summary>Publishes a Training with <paramref name="editions"/> groups (two sessions each, a week apart, from <paramref name="startUtc"/>).</summary>
    public static async Task<TestOffering> CreateOfferingAsync(AcademyFactory factory, int capacity = 10, int editions = 1,
        DateTime? startUtc = null, int? cancellationDays = null, bool requiresApproval = false)
    {
        var key = Guid.NewGuid().ToString("n")[..12];
        var start = startUtc ?? DateTime.UtcNow.Date.AddDays(40).AddHours(8);
        var title = $"Deelnemerstraining {key}";
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await content.NewAsync("Training");
        item.DisplayText = title;
        item.Apply(new TitlePart { Title = title });
        item.Apply(new AutoroutePart { Path = "deelnemers-" + key });
        item.Apply(new OfferingPart { Summary = "Voor de test." });
        item.Apply(new EnrolmentPart { RequiresApproval = requiresApproval, CancellationDays = cancellationDays });
        item.Apply(new EditionsPart
        {
            Editions = Enumerable.Range(1, editions).Select(n =>
            {
                var first = start.AddDays(14 * (n - 1));
                return new Edition
                {
                    EditionId = $"groep{n}-{key}",
                    Name = $"Groep {n}",
                    Capacity = capacity,
                    Sessions =
                    [
                        new Session { SessionId = $"s1-{n}-{key}", Start = first, End = first.AddHours(2), Location = "Werkcentrum", Place = "Arnhem" },
                        new Session { SessionId = $"s2-{n}-{key}", Start = first.AddDays(7), End = first.AddDays(7).AddHours(2), OnlineUrl = "https://meet.example.nl/x" },
                    ],
                };
            }).ToList(),
        });
        await content.SaveAndPublishAsync(item);
        return new TestOffering(item.ContentItemId, title, Enumerable.Range(1, editions).Select(n => $"groep{n}-{key}").ToList());
    }

    /// <summary>Creates an account in <paramref name="role"/> (with <paramref name="permissions"/> when the role is new) and signs it in.</summary>
    public static async Task<Person> PersonAsync(AcademyFactory factory, string role = "Professional", params string[] permissions)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():n}@example.nl";
        var name = "Persoon " + email[..12];
        string userId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AcademyRole>>();
            if (await roles.FindByNameAsync(role) is null)
            {
                var created = new AcademyRole(role) { Description = "Test" };
                Assert.True((await roles.CreateAsync(created)).Succeeded);
                foreach (var permission in permissions)
                {
                    Assert.True((await roles.AddClaimAsync(created, new Claim(PermissionClaim.Type, permission))).Succeeded);
                }
            }
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, AdminTestKit.UserPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            userId = user.Id;
        }
        var browser = new Browser(factory.CreateBrowserClient());
        await browser.LoginAsync(email, AdminTestKit.UserPassword);
        return new Person(browser, userId, email, name);
    }

    public static async Task<EnrolmentResult> EnrolAsync(AcademyFactory factory, string editionId, Participant participant)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IEnrolmentService>().EnrolAsync(editionId, participant);
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    public static Participant Guest(string name) => new(null, name, $"gast-{Guid.NewGuid():n}@example.nl");

    public static async Task<EnrolmentRecord> RecordAsync(AcademyFactory factory, long id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<EnrolmentRecord>().AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public static async Task<List<EnrolmentRecord>> RecordsAsync(AcademyFactory factory, string editionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<EnrolmentRecord>().AsNoTracking()
            .Where(r => r.EditionId == editionId).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>Posts a form on <paramref name="pageUrl"/> (found by its action) with <paramref name="values"/> set.</summary>
    public static async Task<Page> SubmitAsync(Browser browser, string pageUrl, string action, params (string Name, string Value)[] values)
    {
        var page = await browser.GetAsync(pageUrl);
        Assert.True(page.Status == System.Net.HttpStatusCode.OK, $"{pageUrl}: {(int)page.Status}");
        var form = page.Form($"form[action='{action}']");
        foreach (var (name, value) in values)
        {
            form.Set(name, value);
        }
        return await browser.SubmitAsync(form);
    }

    public static string Absolute(string location) => new Uri(new Uri("http://localhost"), location).PathAndQuery;
}
