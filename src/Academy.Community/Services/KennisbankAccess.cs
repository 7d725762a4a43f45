using Academy.Community.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

/// <summary>
/// Which kennisbank articles and files a viewer may see, as query conditions (as <see cref="CommunityAccess"/> does for
/// groups and topics), so a guessed id or a view can never give more:
/// <list type="bullet">
/// <item>A published article is readable when its group's content is readable (site-wide: always) and its own level
/// allows it: public, professionals (signed in with the community permission), or members of its group.</item>
/// <item>A file is readable when its own level allows it and its group's content is readable, or, attached to an
/// article, the article is readable.</item>
/// <item>Writers (managers of the group, moderators everywhere) also see drafts and every file of their groups.</item>
/// </list>
/// </summary>
public sealed class KennisbankAccess(AcademyDbContext db, CommunityAccess access)
{
    public IQueryable<ArticleIndex> Articles => db.Set<ArticleIndex>();

    public IQueryable<CommunityFile> Files => db.Set<CommunityFile>();

    /// <summary>Articles the viewer may open: published and readable, or in a group the viewer manages.</summary>
    public IQueryable<ArticleIndex> VisibleArticles(CommunityViewer viewer)
    {
        if (viewer.Moderates)
        {
            return Articles;
        }
        var takesPart = viewer.TakesPart;
        var memberOf = MemberGroupIds(viewer);
        var managed = ManagedGroupIds(viewer);
        var readableGroups = access.ReadableGroups(viewer).Select(g => g.Id);
        return Articles.Where(a =>
            (a.Published
                && (a.GroupId == null || readableGroups.Contains(a.GroupId.Value))
                && (a.Access == AccessLevel.Public || (takesPart && a.Access == AccessLevel.Professionals)
                    || (a.GroupId != null && memberOf.Contains(a.GroupId.Value))))
            || (a.GroupId != null && managed.Contains(a.GroupId.Value)));
    }

    /// <summary>Files the viewer may list and download.</summary>
    public IQueryable<CommunityFile> ReadableFiles(CommunityViewer viewer)
    {
        if (viewer.Moderates)
        {
            return Files;
        }
        var takesPart = viewer.TakesPart;
        var memberOf = MemberGroupIds(viewer);
        var managed = ManagedGroupIds(viewer);
        var readableGroups = access.ReadableGroups(viewer).Select(g => g.Id);
        var visibleArticles = VisibleArticles(viewer).Select(a => a.ContentItemId);
        return Files.Where(f =>
            ((f.ArticleId == null ? f.GroupId != null && readableGroups.Contains(f.GroupId.Value) : visibleArticles.Contains(f.ArticleId))
                && (f.Access == AccessLevel.Public || (takesPart && f.Access == AccessLevel.Professionals)
                    || (f.GroupId != null && memberOf.Contains(f.GroupId.Value))))
            || (f.GroupId != null && managed.Contains(f.GroupId.Value)));
    }

    /// <summary>May the viewer write articles here (<paramref name="groupId"/> null: site-wide)? Managers of the group and moderators.</summary>
    public async Task<bool> WritesAsync(CommunityViewer viewer, long? groupId, CancellationToken cancellationToken) =>
        viewer.Moderates || (groupId is { } id && await ManagedGroupIds(viewer).ContainsAsync(id, cancellationToken));

    /// <summary>The groups whose articles the viewer writes, for the editor's choice.</summary>
    public Task<List<CommunityGroup>> WritableGroupsAsync(CommunityViewer viewer, CancellationToken cancellationToken)
    {
        var managed = ManagedGroupIds(viewer);
        var groups = viewer.Moderates ? access.Groups : access.Groups.Where(g => managed.Contains(g.Id));
        return groups.AsNoTracking().OrderBy(g => g.Name).ToListAsync(cancellationToken);
    }

    private IQueryable<long> MemberGroupIds(CommunityViewer viewer)
    {
        var userId = viewer.UserId ?? "";
        return access.Memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Member).Select(m => m.GroupId);
    }

    /// <summary>Groups the viewer manages; managing needs the community permission too (as <see cref="GroupRights.Manages"/>).</summary>
    private IQueryable<long> ManagedGroupIds(CommunityViewer viewer)
    {
        var userId = viewer.TakesPart ? viewer.UserId ?? "" : "";
        return access.Memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Member && m.IsManager).Select(m => m.GroupId);
    }
}
