using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Academy.Community.Models;

namespace Academy.Community.Services;

/// <summary>
/// The community's access rules, each written once as an expression. <see cref="CommunityAccess"/> puts them in database
/// queries (the viewer's values as query parameters, membership as a subquery) and checks them on rows it has already
/// read (a topic page reads the group and the viewer's membership row anyway), so the two can never disagree.
/// Moderators see and read everything; the rules are for everyone else.
/// </summary>
internal static class AccessRules
{
    /// <summary>A group's page (name, description, join button): not hidden and public or the viewer takes part; or a member.</summary>
    public static readonly Expression<Func<CommunityGroup, bool, bool, bool>> GroupVisible = (g, takesPart, member) =>
        (g.JoinPolicy != JoinPolicy.Hidden && (g.Access == AccessLevel.Public || takesPart)) || member;

    /// <summary>A group's content: not hidden and public, or for professionals and the viewer takes part; or a member.</summary>
    public static readonly Expression<Func<CommunityGroup, bool, bool, bool>> GroupReadable = (g, takesPart, member) =>
        (g.JoinPolicy != JoinPolicy.Hidden && (g.Access == AccessLevel.Public || (takesPart && g.Access == AccessLevel.Professionals)))
        || member;

    /// <summary>
    /// A topic of a readable group: its own level allows it, and it is published, or held or hidden while the viewer wrote
    /// it or manages its group (<paramref name="member"/> and manager of the topic's group).
    /// </summary>
    public static readonly Expression<Func<Topic, string, bool, bool, bool, bool>> TopicReadable = (t, userId, takesPart, member, manager) =>
        (t.Access == AccessLevel.Public || (takesPart && t.Access == AccessLevel.Professionals) || member)
        && (t.Hold == null || t.AuthorUserId == userId || (takesPart && manager));

    public static readonly Func<CommunityGroup, bool, bool, bool> IsGroupVisible = GroupVisible.Compile();

    public static readonly Func<CommunityGroup, bool, bool, bool> IsGroupReadable = GroupReadable.Compile();

    public static readonly Func<Topic, string, bool, bool, bool, bool> IsTopicReadable = TopicReadable.Compile();

    /// <summary>
    /// The rule as a query filter on its first parameter. Each argument fills the next parameter: a lambda on the row
    /// (a subquery such as "the viewer is a member of this group") is written in place; any other value becomes a query
    /// parameter, as a captured variable would.
    /// </summary>
    public static Expression<Func<T, bool>> Filter<T>(LambdaExpression rule, params object[] arguments)
    {
        var row = rule.Parameters[0];
        var replacements = new Dictionary<ParameterExpression, Expression>();
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = rule.Parameters[i + 1];
            replacements[parameter] = arguments[i] is LambdaExpression onRow
                ? new Replacer(new Dictionary<ParameterExpression, Expression> { [onRow.Parameters[0]] = row }).Visit(onRow.Body)
                : Captured(arguments[i], parameter.Type);
        }
        return Expression.Lambda<Func<T, bool>>(new Replacer(replacements).Visit(rule.Body), row);
    }

    /// <summary>A value the way the compiler captures a local (a field of a constant), so EF makes it a parameter, not SQL text.</summary>
    private static MemberExpression Captured(object value, Type type)
    {
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value));
    }

    private sealed class Replacer(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
