using System.Text.Json.Nodes;
using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Core.Text;
using Academy.Search.Abstractions;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Community.Recipes;

/// <summary>
/// Recipe step "CommunityGroups" (docs/recipe-format.md): groups with their settings, a first manager (an account of the
/// recipe, by e-mail), the leeragenda themes it is about, and starter topics written by that manager. Run twice, it updates the groups and adds only topics
/// whose title the group does not have yet.
/// </summary>
public sealed class CommunityGroupsStep(AcademyDbContext db, IUserLookup users, GroupThemes themes, ISearchIndexQueue search, TimeProvider clock)
    : IRecipeStepHandler
{
    public string Name => "CommunityGroups";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var list = context.RequireArray("Groups");
        context.RequireUniqueIds(list, "Slug");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var node in list)
        {
            var item = node as JsonObject ?? throw context.Error(node, "Elke groep is een object.");
            var slug = context.RequireString(item, "Slug");
            if (!Slug.IsValid(slug) || GroupService.ReservedSlugs.Contains(slug))
            {
                throw context.Error(item, $"'{slug}' is geen geldig webadres voor een groep.", "Slug");
            }
            var managerEmail = context.RequireString(item, "ManagerEmail");
            var manager = await users.FindByEmailAsync(managerEmail) ?? throw context.Error(item, $"Er is geen account met het e-mailadres '{managerEmail}'.", "ManagerEmail");
            var group = await db.Set<CommunityGroup>().FirstOrDefaultAsync(g => g.Slug == slug);
            if (group is null)
            {
                group = new CommunityGroup { Slug = slug, CreatedUtc = now };
                db.Add(group);
            }
            group.Name = context.RequireString(item, "Name");
            group.Description = RecipeStepContext.OptionalString(item, "Description") ?? "";
            group.Kind = Parse<GroupKind>(context, item, "Kind", GroupKind.Themagroep);
            group.JoinPolicy = Parse<JoinPolicy>(context, item, "JoinPolicy", JoinPolicy.Open);
            group.Access = Parse<AccessLevel>(context, item, "Access", AccessLevel.Professionals);
            group.UpdatedUtc = now;
            await db.SaveChangesAsync();
            if (!await db.Set<GroupMembership>().AnyAsync(m => m.GroupId == group.Id && m.UserId == manager.UserId))
            {
                db.Add(new GroupMembership { GroupId = group.Id, UserId = manager.UserId, Status = MembershipStatus.Member, IsManager = true, CreatedUtc = now, ApprovedUtc = now });
            }
            await SetThemesAsync(context, item, group);
            await AddTopicsAsync(context, item, group, manager.UserId, now);
            await db.SaveChangesAsync();
            // The group and its topics (new ones have their ids now) go to the search with the recipe's transaction.
            await search.GroupChangedAsync(db, group.Id, CancellationToken.None);
            await db.SaveChangesAsync();
            context.Report($"Groep {group.Name}");
        }
    }

    /// <summary>"Themes": TermIds of the leeragenda's "thema" taxonomy; the group page shows their upcoming offerings.</summary>
    private async Task SetThemesAsync(RecipeStepContext context, JsonObject item, CommunityGroup group)
    {
        if (item["Themes"] is not JsonArray list)
        {
            return;
        }
        var ids = list.Select(t => t?.GetValue<string>() ?? "").ToList();
        var known = (await themes.ChoicesAsync(CancellationToken.None)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
        {
            throw context.Error(item, $"'{unknown}' is geen thema van de leeragenda.", "Themes");
        }
        await themes.SetAsync(group.Id, ids, CancellationToken.None);
    }

    private async Task AddTopicsAsync(RecipeStepContext context, JsonObject item, CommunityGroup group, string authorUserId, DateTime now)
    {
        var titles = await db.Set<Topic>().Where(t => t.GroupId == group.Id).Select(t => t.Title).ToListAsync();
        var topics = item["Topics"] as JsonArray ?? [];
        foreach (var node in topics)
        {
            var topic = node as JsonObject ?? throw context.Error(node, "Elk onderwerp is een object.");
            var title = context.RequireString(topic, "Title");
            var body = context.RequireString(topic, "Body");
            var findings = PrivacyGuard.Scan(title + "\n" + body, DateOnly.FromDateTime(now));
            if (findings.Count > 0)
            {
                // Seed content is held to the same rule as people's posts.
                throw context.Error(topic, $"Het onderwerp bevat {PrivacyAdvice.Name(findings[0].Kind)}.", "Body");
            }
            if (titles.Contains(title))
            {
                continue;
            }
            db.Add(new Topic
            {
                GroupId = group.Id, Title = title, Body = body, AuthorUserId = authorUserId,
                Access = TopicService.Narrowest(group.Access, Parse<AccessLevel>(context, topic, "Access", group.Access)),
                IsQuestion = topic["IsQuestion"]?.GetValue<bool>() ?? false,
                IsPinned = topic["IsPinned"]?.GetValue<bool>() ?? false,
                IsCasus = group.GuardsPrivacy,
                CreatedUtc = now, LastActivityUtc = now,
            });
        }
    }

    private static T Parse<T>(RecipeStepContext context, JsonObject item, string property, T fallback) where T : struct, Enum
    {
        var value = RecipeStepContext.OptionalString(item, property);
        if (value is null)
        {
            return fallback;
        }
        return Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw context.Error(item, $"'{value}' is geen geldige waarde; kies uit {string.Join(", ", Enum.GetNames<T>())}.", property);
    }
}
