using Academy.Community.Models;
using Microsoft.Extensions.Caching.Memory;

namespace Academy.Community.Services;

/// <summary>What one version of a topic is for every viewer: how many replies are published and who wrote held ones.</summary>
public sealed record PublishedTopic(int Count, IReadOnlySet<string> HeldAuthors)
{
    /// <summary>
    /// Whether the viewer is shown exactly the published replies: no held reply is shown to them by
    /// <see cref="AccessRules.ShownReplies"/> (held ones are shown to the group's managers and to their authors).
    /// </summary>
    public bool IsWhatViewerSees(bool seesHeld, string userId) => HeldAuthors.Count == 0 || (!seesHeld && !HeldAuthors.Contains(userId));
}

/// <summary>One page of a topic's published replies, with the "nuttig" count of each post on it (0: the opening post).</summary>
public sealed record PublishedPage(IReadOnlyList<Reply> Replies, IReadOnlyDictionary<long, int> Useful);

/// <summary>
/// A long topic's page is read many times per second and changes now and then. The published replies and their counts
/// are kept between requests under the topic's <see cref="Topic.PostsVersion"/>, which the database raises with every
/// change to a reply or a reaction; the topic row is read on every request, so a change made anywhere (another node,
/// moderation, erasure) shows at the next one. Kept: only what every viewer sees alike. Read per request: the topic,
/// the group and membership, the viewer's own reactions and follows, the authors' profiles; held replies (for their
/// authors and the group's managers) come straight from the database. One instance per site, bounded in memory.
/// </summary>
public sealed class TopicPostCache
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    private readonly record struct Key(long TopicId, long Version, int Page);

    /// <summary>The counts of this version of the topic; <paramref name="load"/> reads them on a miss.</summary>
    public Task<PublishedTopic> TopicAsync(Topic topic, Func<Task<PublishedTopic>> load) =>
        GetAsync(new Key(topic.Id, topic.PostsVersion, 0), load, t => 64 + t.HeldAuthors.Sum(a => 2L * a.Length + 32));

    /// <summary>A page (1-based) of this version of the topic; <paramref name="load"/> reads it on a miss.</summary>
    public Task<PublishedPage> PageAsync(Topic topic, int page, Func<Task<PublishedPage>> load) =>
        GetAsync(new Key(topic.Id, topic.PostsVersion, page), load,
            p => 64 + p.Useful.Count * 32L + p.Replies.Sum(r => 2L * (r.Body.Length + r.AuthorUserId.Length) + 96));

    private async Task<T> GetAsync<T>(Key key, Func<Task<T>> load, Func<T, long> size) where T : class
    {
        if (_entries.TryGetValue(key, out T? found) && found is not null)
        {
            return found;
        }
        // Read after the topic row: the data is at least as new as the version it is kept under.
        var value = await load();
        _entries.Set(key, value, new MemoryCacheEntryOptions { Size = size(value), SlidingExpiration = Idle });
        return value;
    }
}
