using System.Linq.Expressions;
using System.Reflection;
using Academy.Community.Models;
using Academy.Core.Data;

namespace Academy.Community.Services;

/// <summary>
/// The community's access rules, each written once as an expression. Called directly, a rule checks rows already read
/// (a topic page reads the group and the viewer's membership row anyway); inside a query passed through
/// <see cref="Expand{T}"/>, the call is replaced by the rule itself, so the database applies the same rule (membership
/// as a subquery). <see cref="CommunityAccess"/> builds its queries this way, and so do compiled queries.
/// Moderators see and read everything; the rules are for everyone else.
/// </summary>
public static class AccessRules
{
    private static readonly Expression<Func<CommunityGroup, bool, bool, bool>> GroupVisible = (g, takesPart, member) =>
        (g.JoinPolicy != JoinPolicy.Hidden && (g.Access == AccessLevel.Public || takesPart)) || member;

    private static readonly Expression<Func<CommunityGroup, bool, bool, bool>> GroupReadable = (g, takesPart, member) =>
        (g.JoinPolicy != JoinPolicy.Hidden && (g.Access == AccessLevel.Public || (takesPart && g.Access == AccessLevel.Professionals)))
        || member;

    private static readonly Expression<Func<Topic, string, bool, bool, bool, bool>> TopicReadable = (t, userId, takesPart, member, manager) =>
        (t.Access == AccessLevel.Public || (takesPart && t.Access == AccessLevel.Professionals) || member)
        && (t.Hold == null || t.AuthorUserId == userId || (takesPart && manager));

    /// <summary>Published replies, and held or hidden ones when the viewer manages the group (<c>seesHeld</c>) or wrote them.</summary>
    private static readonly Expression<Func<AcademyDbContext, long, bool, string, IQueryable<Reply>>> RepliesShown = (db, topicId, seesHeld, userId) =>
        db.Set<Reply>().Where(r => r.TopicId == topicId && (r.Hold == null || seesHeld || r.AuthorUserId == userId));

    private static readonly Func<CommunityGroup, bool, bool, bool> GroupVisibleNow = GroupVisible.Compile();
    private static readonly Func<CommunityGroup, bool, bool, bool> GroupReadableNow = GroupReadable.Compile();
    private static readonly Func<Topic, string, bool, bool, bool, bool> TopicReadableNow = TopicReadable.Compile();
    private static readonly Func<AcademyDbContext, long, bool, string, IQueryable<Reply>> RepliesShownNow = RepliesShown.Compile();


    // Before TopicsReadable, which is expanded with these.
    private static readonly Dictionary<MethodInfo, LambdaExpression> Rules = new()
    {
        [Method(nameof(SeesGroup))] = GroupVisible,
        [Method(nameof(ReadsGroup))] = GroupReadable,
        [Method(nameof(ReadsTopic))] = TopicReadable,
        [Method(nameof(ShownReplies))] = RepliesShown,
    };

    /// <summary>
    /// The topics a viewer who does not moderate may read (CommunityAccess.ReadableTopics): in a group whose content the
    /// viewer may read, and readable by the topic rule, with the viewer's memberships as subqueries.
    /// </summary>
    private static readonly Expression<Func<AcademyDbContext, string, bool, IQueryable<Topic>>> TopicsReadable =
        Expand<Func<AcademyDbContext, string, bool, IQueryable<Topic>>>((db, userId, takesPart) => db.Set<Topic>().Where(t =>
            db.Set<CommunityGroup>().Any(g => g.Id == t.GroupId && ReadsGroup(g, takesPart,
                db.Set<GroupMembership>().Any(m => m.GroupId == g.Id && m.UserId == userId && m.Status == MembershipStatus.Member)))
            && ReadsTopic(t, userId, takesPart,
                db.Set<GroupMembership>().Any(m => m.GroupId == t.GroupId && m.UserId == userId && m.Status == MembershipStatus.Member),
                db.Set<GroupMembership>().Any(m => m.GroupId == t.GroupId && m.UserId == userId && m.Status == MembershipStatus.Member && m.IsManager))));

    private static readonly Func<AcademyDbContext, string, bool, IQueryable<Topic>> TopicsReadableNow = TopicsReadable.Compile();

    // After every field: TopicsReadable is expanded with the three rules above, and then becomes a rule itself.
    static AccessRules() => Rules[Method(nameof(ReadableTopics))] = TopicsReadable;

    /// <summary>A group's page (name, description, join button): not hidden and public or the viewer takes part; or a member.</summary>
    public static bool SeesGroup(CommunityGroup group, bool takesPart, bool member) => GroupVisibleNow(group, takesPart, member);

    /// <summary>A group's content: not hidden and public, or for professionals and the viewer takes part; or a member.</summary>
    public static bool ReadsGroup(CommunityGroup group, bool takesPart, bool member) => GroupReadableNow(group, takesPart, member);

    /// <summary>
    /// A topic of a readable group: its own level allows it, and it is published, or held or hidden while the viewer wrote
    /// it or manages its group (<paramref name="member"/> and <paramref name="manager"/> of the topic's group).
    /// </summary>
    public static bool ReadsTopic(Topic topic, string userId, bool takesPart, bool member, bool manager) =>
        TopicReadableNow(topic, userId, takesPart, member, manager);

    /// <summary>The replies of a topic shown to the viewer (a topic page's count, page and "nuttig" counts); in a query passed through <see cref="Expand{T}"/>, a subquery.</summary>
    public static IQueryable<Reply> ShownReplies(AcademyDbContext db, long topicId, bool seesHeld, string userId) => RepliesShownNow(db, topicId, seesHeld, userId);

    /// <summary>The topics a viewer who does not moderate may read; in a query passed through <see cref="Expand{T}"/>, a subquery.</summary>
    public static IQueryable<Topic> ReadableTopics(AcademyDbContext db, string userId, bool takesPart) => TopicsReadableNow(db, userId, takesPart);

    /// <summary>The query with every call of a rule above replaced by the rule's expression, its arguments written in place.</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Expander().Visit(query);

    private static MethodInfo Method(string name) => typeof(AccessRules).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!Rules.TryGetValue(node.Method, out var rule))
            {
                return base.VisitMethodCall(node);
            }
            var arguments = new Dictionary<ParameterExpression, Expression>();
            for (var i = 0; i < rule.Parameters.Count; i++)
            {
                arguments[rule.Parameters[i]] = Visit(node.Arguments[i]);
            }
            return new Replacer(arguments).Visit(rule.Body);
        }
    }

    private sealed class Replacer(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
