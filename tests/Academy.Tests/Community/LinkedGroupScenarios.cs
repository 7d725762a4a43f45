using System.Net;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Enrolment.Abstractions;
using Academy.Leeragenda.Abstractions;
using Academy.Testing;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Community;

/// <summary>The community's link with the leeragenda (issue 13 point 11), on both databases.</summary>
public static class LinkedGroupScenarios
{
    /// <summary>A casuïstiekbespreking edition of the setup recipe (Casuistiekbespreking "casuistiek-igm").</summary>
    public const string CaseReviewEdition = "casuistiek-igm-westervoort";

    /// <summary>
    /// Confirmed participants become members of the edition's hidden casuïstiek group, which outsiders cannot find (404);
    /// a cancelled one leaves it; handling the same events again changes nothing; Mijn aanmeldingen links to the group.
    /// </summary>
    public static async Task EditionGroupFollowsEnrolmentEventsAsync(AcademyFactory factory)
    {
        var anna = await CommunityKit.PersonAsync(factory, "Professional", "Anna Deelnemer");
        var bram = await CommunityKit.PersonAsync(factory, "Professional", "Bram Deelnemer");
        var outsider = await CommunityKit.PersonAsync(factory, "Professional", "Olga Buitenstaander");
        var annaEnrolment = await EnrolAsync(factory, CaseReviewEdition, anna);
        await EnrolAsync(factory, CaseReviewEdition, bram);
        await factory.DrainBackgroundAsync();

        var link = await CommunityKit.QueryAsync(factory, db => db.Set<EditionGroup>().AsNoTracking().SingleAsync(e => e.EditionId == CaseReviewEdition));
        var group = await CommunityKit.QueryAsync(factory, db => db.Set<CommunityGroup>().AsNoTracking().SingleAsync(g => g.Id == link.GroupId));
        Assert.Equal((GroupKind.Casuistiek, JoinPolicy.Hidden, AccessLevel.Members), (group.Kind, group.JoinPolicy, group.Access));
        Assert.Equal("casuistiek-igm", link.OfferingId);
        Assert.StartsWith("Casuïstiekbespreking IGM", group.Name, StringComparison.Ordinal);
        Assert.Contains("Westervoort", group.Name, StringComparison.Ordinal);
        Assert.Equal(new[] { anna.UserId!, bram.UserId! }.Order(StringComparer.Ordinal), await MembersAsync(factory, group.Id));
        Assert.NotEmpty(await CommunityKit.QueryAsync(factory, db => db.Set<GroupTheme>().Where(t => t.GroupId == group.Id).ToListAsync()));

        Assert.Equal(HttpStatusCode.OK, (await anna.Browser.GetAsync($"/community/{group.Slug}")).Status);
        Assert.Equal("notfound", CommunityKit.Outcome(await outsider.Browser.GetAsync($"/community/{group.Slug}")));
        Assert.Equal("notfound", CommunityKit.Outcome(await CommunityKit.Visitor(factory).Browser.GetAsync($"/community/{group.Slug}")));
        Assert.DoesNotContain(group.Slug, (await outsider.Browser.GetAsync("/community")).Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/community/{group.Slug}\"", (await anna.Browser.GetAsync("/community")).Html, StringComparison.Ordinal);
        var mine = await anna.Browser.GetAsync("/mijn-aanmeldingen");
        Assert.Contains($"href=\"/community/{group.Slug}\"", mine.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/community/{group.Slug}\"", (await outsider.Browser.GetAsync("/mijn-aanmeldingen")).Html, StringComparison.Ordinal);

        // A retried message (the dispatcher runs it again after a failure elsewhere) adds no second group or membership.
        await RedeliverAsync(factory, EnrolmentEventTypes.Confirmed, annaEnrolment);
        Assert.Equal(1, await CommunityKit.QueryAsync(factory, db => db.Set<EditionGroup>().CountAsync(e => e.EditionId == CaseReviewEdition)));
        Assert.Equal(2, (await MembersAsync(factory, group.Id)).Count);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var cancelled = await scope.ServiceProvider.GetRequiredService<IEnrolmentService>().CancelAsync(annaEnrolment, anna.UserId!, byCoordinator: true);
            Assert.True(cancelled.Succeeded, cancelled.Error);
        }
        await factory.DrainBackgroundAsync();
        Assert.Equal([bram.UserId!], await MembersAsync(factory, group.Id));
        Assert.Equal("notfound", CommunityKit.Outcome(await anna.Browser.GetAsync($"/community/{group.Slug}")));
        await RedeliverAsync(factory, EnrolmentEventTypes.Cancelled, annaEnrolment);
        await RedeliverAsync(factory, EnrolmentEventTypes.Cancelled, annaEnrolment);
        Assert.Equal([bram.UserId!], await MembersAsync(factory, group.Id));
    }

    /// <summary>Someone who completed HARRIE is welcomed to HARRIE-alumni and joins the closed group at once; others only ask.</summary>
    public static async Task HarrieAlumniAreOfferedTheAlumniGroupAsync(AcademyFactory factory)
    {
        var alumnus = await CommunityKit.PersonAsync(factory, "Professional", "Ali Alumnus");
        var other = await CommunityKit.PersonAsync(factory, "Professional", "Els Anders");
        var enrolment = await EnrolAsync(factory, "harrie-training-groep-1", alumnus);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var done = await scope.ServiceProvider.GetRequiredService<IEnrolmentCompletion>().MarkCompletedAsync(enrolment, alumnus.UserId!);
            Assert.True(done.Succeeded, done.Error);
        }
        const string Welcome = "Je bent welkom in de groep HARRIE-alumni";
        Assert.Contains(Welcome, (await alumnus.Browser.GetAsync("/community")).Html, StringComparison.Ordinal);
        Assert.Contains(Welcome, (await alumnus.Browser.GetAsync("/community/harrie-alumni")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Welcome, (await alumnus.Browser.GetAsync("/community/jobcoaches")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Welcome, (await other.Browser.GetAsync("/community")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Welcome, (await other.Browser.GetAsync("/community/harrie-alumni")).Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await alumnus.PostAsync("/community/harrie-alumni/lid-worden")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostAsync("/community/harrie-alumni/lid-worden")).Status);
        var statuses = await CommunityKit.QueryAsync(factory, db => (
                from m in db.Set<GroupMembership>()
                join g in db.Set<CommunityGroup>() on m.GroupId equals g.Id
                where g.Slug == "harrie-alumni" && (m.UserId == alumnus.UserId || m.UserId == other.UserId)
                select new { m.UserId, m.Status })
            .ToDictionaryAsync(m => m.UserId, m => m.Status));
        Assert.Equal(MembershipStatus.Member, statuses[alumnus.UserId!]);
        Assert.Equal(MembershipStatus.Requested, statuses[other.UserId!]);
        Assert.DoesNotContain(Welcome, (await alumnus.Browser.GetAsync("/community")).Html, StringComparison.Ordinal);
    }

    /// <summary>The group page lists the upcoming offerings of its themes; a manager changes the themes, unknown ones are dropped.</summary>
    public static async Task GroupPageShowsOfferingsOfItsThemesAsync(AcademyFactory factory)
    {
        var manager = await CommunityKit.PersonAsync(factory, "Professional", "Mia Manager");
        var slug = "thema-" + CommunityKit.Letters(6);
        var group = await CommunityKit.GroupAsync(factory, slug, GroupKind.Themagroep, JoinPolicy.Open, AccessLevel.Public, manager.UserId!);
        var visitor = CommunityKit.Visitor(factory);
        Assert.DoesNotContain("Uit de leeragenda", (await visitor.Browser.GetAsync($"/community/{slug}")).Html, StringComparison.Ordinal);

        var settings = await manager.Browser.GetAsync($"/community/{slug}/beheer");
        Assert.NotNull(settings.Document.QuerySelector("input[name=Themes][value=methodisch-werken]"));
        var saved = await manager.PostAsync($"/community/{slug}/beheer", ("Name", "Groep " + slug), ("Kind", "Themagroep"), ("JoinPolicy", "Open"),
            ("Access", "Public"), ("Themes", "methodisch-werken"), ("Themes", "geen-thema"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(["methodisch-werken"], await CommunityKit.QueryAsync(factory, db => db.Set<GroupTheme>().Where(t => t.GroupId == group.Id).Select(t => t.ThemeId).ToListAsync()));

        IReadOnlyList<UpcomingOffering> expected;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<IThemeOfferings>().ForThemesAsync(["methodisch-werken"], 4);
        }
        Assert.NotEmpty(expected);
        var page = await visitor.Browser.GetAsync($"/community/{slug}");
        var section = page.Document.QuerySelector("section[aria-labelledby=uit-de-leeragenda]");
        Assert.NotNull(section);
        var hrefs = section!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.All(expected, o => Assert.Contains(o.Url, hrefs));
        Assert.Contains(expected, o => o.ContentItemId == "casuistiek-igm" || o.ContentItemId == "intervisie-igm");
    }

    private static async Task<long> EnrolAsync(AcademyFactory factory, string editionId, Person person)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>().FindByIdAsync(person.UserId!);
        var result = await scope.ServiceProvider.GetRequiredService<IEnrolmentService>()
            .EnrolAsync(editionId, new Participant(person.UserId, person.Name, user!.Email!));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(EnrolmentStatus.Confirmed, result.Status);
        return result.EnrolmentId!.Value;
    }

    /// <summary>The group's members who are not managers (the trainer manages), in ordinal order on both databases.</summary>
    private static async Task<List<string>> MembersAsync(AcademyFactory factory, long groupId) =>
        (await CommunityKit.QueryAsync(factory, db => db.Set<GroupMembership>()
            .Where(m => m.GroupId == groupId && m.Status == MembershipStatus.Member && !m.IsManager)
            .Select(m => m.UserId).ToListAsync()))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>Hands an already processed enrolment event to the community's handler once more, in a transaction as the dispatcher does.</summary>
    private static async Task RedeliverAsync(AcademyFactory factory, string type, long enrolmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var id = enrolmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = await db.Outbox.AsNoTracking().Where(m => m.Type == type && m.CorrelationId == id).OrderBy(m => m.Id).LastAsync();
        Assert.NotNull(message.ProcessedUtc);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetServices<IDomainEventHandler>().OfType<EditionGroupEvents>().Single().HandleAsync(message, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
