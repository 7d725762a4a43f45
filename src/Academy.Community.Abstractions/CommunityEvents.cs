using Academy.Core.Events;

namespace Academy.Community.Abstractions;

/// <summary>A topic was started in a group. Written to the outbox in the transaction that saved the topic.</summary>
/// <param name="Access">"Public", "Professionals" or "Members": who may read it, so a consumer never tells more.</param>
public sealed record CommunityTopicCreated(
    long TopicId,
    long GroupId,
    string GroupSlug,
    string Title,
    string AuthorUserId,
    string Access,
    DateTime CreatedUtc) : IDomainEvent
{
    public string CorrelationId => "topic:" + TopicId;
}

/// <summary>A reply was posted to a topic.</summary>
public sealed record CommunityReplyPosted(
    long ReplyId,
    long TopicId,
    long GroupId,
    string GroupSlug,
    string TopicTitle,
    string AuthorUserId,
    DateTime PostedUtc) : IDomainEvent
{
    public string CorrelationId => "topic:" + TopicId;
}

/// <summary>
/// A post named a group member with <c>@Naam</c>. <paramref name="ReplyId"/> is 0 for the topic's opening post.
/// Only members of the group are resolved, so the mentioned person can read the post.
/// </summary>
public sealed record CommunityMentionMade(
    long TopicId,
    long ReplyId,
    long GroupId,
    string GroupSlug,
    string TopicTitle,
    string MentionedUserId,
    string AuthorUserId,
    DateTime MadeUtc) : IDomainEvent
{
    public string CorrelationId => "topic:" + TopicId;
}
