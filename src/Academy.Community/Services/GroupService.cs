using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Text;
using Academy.Search.Abstractions;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services;

public enum JoinOutcome
{
    Joined,
    Requested,
    AlreadyMember,
    /// <summary>A hidden group: only a group manager can add people.</summary>
    NotPossible,
}

public enum MemberAction
{
    Approve,
    Reject,
    Remove,
    MakeManager,
    RemoveManager,
}

/// <summary>The settings a group manager (or a moderator creating a group) fills in.</summary>
public sealed class GroupForm
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Description { get; set; }
    public GroupKind Kind { get; set; }
    public JoinPolicy JoinPolicy { get; set; }
    public AccessLevel Access { get; set; }
    public bool ApproveFirstPosts { get; set; }
    /// <summary>TermIds of the leeragenda's "thema" taxonomy (see <see cref="GroupThemes"/>).</summary>
    public List<string> Themes { get; set; } = [];
}

/// <summary>Groups and their members: joining, approving, managers, settings and following.</summary>
public sealed class GroupService(AcademyDbContext db, UnitOfWork unitOfWork, TimeProvider clock, IUserLookup users, GroupThemes themes,
    ISearchIndexQueue search)
{
    /// <summary>Slugs that are routes of their own under /community.</summary>
    public static readonly string[] ReservedSlugs = ["leden", "nieuw", "beheer", "meldingen", "afmelden", "kennisbank", "bestanden"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<JoinOutcome> JoinAsync(CommunityGroup group, string userId, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var existing = await db.Set<GroupMembership>().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId, cancellationToken);
            if (existing is not null)
            {
                return existing.Status == MembershipStatus.Member ? JoinOutcome.AlreadyMember : JoinOutcome.Requested;
            }
            if (group.JoinPolicy == JoinPolicy.Hidden)
            {
                return JoinOutcome.NotPossible;
            }
            var open = group.JoinPolicy == JoinPolicy.Open;
            db.Add(new GroupMembership
            {
                GroupId = group.Id, UserId = userId, CreatedUtc = Now,
                Status = open ? MembershipStatus.Member : MembershipStatus.Requested,
                ApprovedUtc = open ? Now : null,
            });
            return open ? JoinOutcome.Joined : JoinOutcome.Requested;
        }, cancellationToken);

    /// <summary>Leaves the group (or withdraws a request). The last manager cannot leave, so a group is never unmanaged.</summary>
    public Task<bool> LeaveAsync(CommunityGroup group, string userId, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var membership = await db.Set<GroupMembership>().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId, cancellationToken);
            if (membership is null || await IsLastManagerAsync(membership, cancellationToken))
            {
                return false;
            }
            db.Remove(membership);
            return true;
        }, cancellationToken);

    /// <summary>A manager's action on one member; false when it does not apply (no such request or member, the last manager).</summary>
    public Task<bool> ApplyAsync(CommunityGroup group, string userId, MemberAction action, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var membership = await db.Set<GroupMembership>().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId, cancellationToken);
            if (membership is null)
            {
                return false;
            }
            var requested = membership.Status == MembershipStatus.Requested;
            switch (action)
            {
                case MemberAction.Approve when requested:
                    membership.Status = MembershipStatus.Member;
                    membership.ApprovedUtc = Now;
                    return true;
                case MemberAction.Reject when requested:
                    db.Remove(membership);
                    return true;
                case MemberAction.Remove when !requested && !await IsLastManagerAsync(membership, cancellationToken):
                    db.Remove(membership);
                    return true;
                case MemberAction.MakeManager when !requested:
                    membership.IsManager = true;
                    return true;
                case MemberAction.RemoveManager when membership.IsManager && !await IsLastManagerAsync(membership, cancellationToken):
                    membership.IsManager = false;
                    return true;
                default:
                    return false;
            }
        }, cancellationToken);

    /// <summary>Adds a colleague by e-mail address (how people get into a hidden group). Null when there is no such account.</summary>
    public async Task<string?> AddByEmailAsync(CommunityGroup group, string email, bool asManager, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim(), cancellationToken);
        if (user is null)
        {
            return null;
        }
        await AddMemberAsync(group.Id, user.UserId, asManager, cancellationToken);
        return user.DisplayName;
    }

    /// <summary>Makes someone a member (or manager) at once; an open request is approved.</summary>
    public Task AddMemberAsync(long groupId, string userId, bool asManager, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var membership = await db.Set<GroupMembership>().FirstOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken);
            if (membership is null)
            {
                membership = new GroupMembership { GroupId = groupId, UserId = userId, CreatedUtc = Now };
                db.Add(membership);
            }
            membership.Status = MembershipStatus.Member;
            membership.ApprovedUtc ??= Now;
            membership.IsManager |= asManager;
        }, cancellationToken);

    public static FormErrorsOf<GroupForm> Validate(GroupForm form)
    {
        var errors = new Core.Content.Display.FormErrors();
        var name = form.Name?.Trim() ?? "";
        if (name.Length is < 3 or > 120)
        {
            errors.Add(nameof(GroupForm.Name), "Geef de groep een naam van 3 tot 120 tekens.");
        }
        if ((form.Description?.Trim().Length ?? 0) > 4000)
        {
            errors.Add(nameof(GroupForm.Description), "De beschrijving is te lang: gebruik hoogstens 4.000 tekens.");
        }
        if (!Enum.IsDefined(form.Kind) || !Enum.IsDefined(form.JoinPolicy) || !Enum.IsDefined(form.Access))
        {
            errors.Add(null, "Kies een soort groep, een manier van lid worden en wie de groep mag lezen.");
        }
        return new FormErrorsOf<GroupForm>(form, errors);
    }

    /// <summary>Creates a group; <paramref name="managerUserId"/> becomes its first manager. Null slug: taken.</summary>
    public Task<CommunityGroup?> CreateAsync(GroupForm form, string managerUserId, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var slug = Slug.From(string.IsNullOrWhiteSpace(form.Slug) ? form.Name ?? "" : form.Slug);
            // The column holds 80 characters (PostgreSQL enforces it).
            slug = slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
            if (slug.Length == 0 || ReservedSlugs.Contains(slug) || await db.Set<CommunityGroup>().AnyAsync(g => g.Slug == slug, cancellationToken))
            {
                return WorkOutcome<CommunityGroup?>.Discard(null);
            }
            var group = new CommunityGroup { Slug = slug, CreatedUtc = Now };
            Apply(group, form);
            db.Add(group);
            await db.SaveChangesAsync(cancellationToken);
            db.Add(new GroupMembership { GroupId = group.Id, UserId = managerUserId, Status = MembershipStatus.Member, IsManager = true, CreatedUtc = Now, ApprovedUtc = Now });
            await search.GroupChangedAsync(db, group.Id, cancellationToken);
            await themes.SetAsync(group.Id, form.Themes, cancellationToken);
            return WorkOutcome<CommunityGroup?>.Keep(group);
        }, onConflict: _ => null, cancellationToken);

    public Task UpdateAsync(long groupId, GroupForm form, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var group = await db.Set<CommunityGroup>().FirstAsync(g => g.Id == groupId, cancellationToken);
            Apply(group, form);
            // Its kind, joining and access decide who finds the group and its topics.
            await search.GroupChangedAsync(db, groupId, cancellationToken);
            await themes.SetAsync(groupId, form.Themes, cancellationToken);
        }, cancellationToken);

    /// <summary>Follows, or stops following when already following. Returns whether the person follows now.</summary>
    public Task<bool> ToggleFollowAsync(string userId, FollowTarget target, long targetId, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async () =>
        {
            var follow = await db.Set<Follow>().FirstOrDefaultAsync(f => f.UserId == userId && f.Target == target && f.TargetId == targetId, cancellationToken);
            if (follow is null)
            {
                db.Add(new Follow { UserId = userId, Target = target, TargetId = targetId, CreatedUtc = Now });
                return true;
            }
            db.Remove(follow);
            return false;
        }, cancellationToken);

    public Task<bool> FollowsAsync(string? userId, FollowTarget target, long targetId, CancellationToken cancellationToken) =>
        userId is null ? Task.FromResult(false)
            : db.Set<Follow>().AnyAsync(f => f.UserId == userId && f.Target == target && f.TargetId == targetId, cancellationToken);

    private void Apply(CommunityGroup group, GroupForm form)
    {
        group.Name = form.Name!.Trim();
        group.Description = form.Description?.Trim() ?? "";
        group.Kind = form.Kind;
        group.JoinPolicy = form.JoinPolicy;
        group.Access = form.Access;
        group.ApproveFirstPosts = form.ApproveFirstPosts;
        group.UpdatedUtc = Now;
    }

    private async Task<bool> IsLastManagerAsync(GroupMembership membership, CancellationToken cancellationToken) =>
        membership.IsManager && !await db.Set<GroupMembership>().AnyAsync(
            m => m.GroupId == membership.GroupId && m.IsManager && m.Status == MembershipStatus.Member && m.UserId != membership.UserId, cancellationToken);
}

/// <summary>A form with its validation errors, to show again as typed.</summary>
public sealed record FormErrorsOf<T>(T Form, Core.Content.Display.FormErrors Errors);
