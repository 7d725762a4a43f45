using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Academy.Community.Services;

/// <summary>
/// Everything a post's fragment shows, so a kept fragment is used only while all of it is unchanged: the text and its
/// times, whether it is the accepted answer, the site's base path, the group's address and the page (the post's links),
/// and the author (account, name, organisation and photo as read for this request). A value: comparing it allocates
/// nothing.
/// </summary>
public readonly record struct PostFragmentSource(
    string Body, DateTime CreatedUtc, DateTime? EditedUtc, bool Accepted, string PathBase, string GroupSlug, int Page,
    string AuthorUserId, string AuthorName, string? Organisation, bool HasPhoto, string? PhotoVersion, string Culture);

/// <summary>
/// A published post as every viewer sees it: the rendered header, accepted-answer mark and body, the author's name for
/// screen readers after each button, and the post's own links (encoded when written).
/// </summary>
public sealed record PostFragment(IHtmlContent Content, IHtmlContent HiddenAuthor, string UsefulUrl, string QuoteUrl, string EditUrl, string AcceptUrl, string ReportUrl);

/// <summary>
/// The part of a published post that every viewer sees alike, rendered once and kept between requests: rendering 50
/// posts (avatars, names, times, links) per page was the largest part of a long topic's page, and most of its garbage.
/// The viewer's own part (which buttons, pressed or not, the "nuttig" count) is still written per request. A kept
/// fragment is compared with what the post is now (<see cref="PostFragmentSource"/>), so an edit, an accepted answer or
/// a renamed author shows at the next request, on every node. One instance per site, bounded in memory.
/// </summary>
public sealed class PostFragmentCache
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 32L * 1024 * 1024 });

    private readonly record struct Key(long TopicId, long ReplyId);

    private sealed record Entry(PostFragmentSource Source, PostFragment Fragment);

    public static string Culture => CultureInfo.CurrentUICulture.Name;

    /// <summary>The kept fragment of the post when it was made from the same <paramref name="source"/>; else null.</summary>
    public PostFragment? Find(long topicId, long replyId, in PostFragmentSource source) =>
        _entries.TryGetValue(new Key(topicId, replyId), out Entry? kept) && kept is not null && kept.Source == source ? kept.Fragment : null;

    /// <summary>Keeps a fragment just made from <paramref name="source"/>.</summary>
    public PostFragment Keep(long topicId, long replyId, in PostFragmentSource source, PostFragment fragment)
    {
        var size = 2L * (source.Body.Length + source.AuthorName.Length + Length(fragment.Content) + 5 * fragment.UsefulUrl.Length) + 512;
        _entries.Set(new Key(topicId, replyId), new Entry(source, fragment), new MemoryCacheEntryOptions { Size = size, SlidingExpiration = Idle });
        return fragment;
    }

    private static long Length(IHtmlContent content) => content is HtmlString { Value: { } value } ? value.Length : 4096;
}
