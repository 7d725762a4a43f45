using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Academy.Community.Services;

/// <summary>
/// Everything a post's fragment shows, so a kept fragment is used only while all of it is unchanged: the text and its
/// times, whether it is the accepted answer, the group's address (the history link) and the author's name, organisation
/// and photo as read for this request.
/// </summary>
public sealed record PostFragmentSource(
    string Body, DateTime CreatedUtc, DateTime? EditedUtc, bool Accepted, string GroupSlug,
    string AuthorName, string? Organisation, bool HasPhoto, string? PhotoVersion, string Culture);

/// <summary>
/// The part of a published post that every viewer sees alike (the header with avatar, name, organisation and times, the
/// accepted-answer mark and the body's sanitised HTML), rendered once and kept between requests. Rendering 50 of them
/// per page was the largest part of a long topic's page; the viewer's own part (the buttons and the "nuttig" count)
/// is still written per request. A kept fragment is compared with what the post is now (<see cref="PostFragmentSource"/>),
/// so an edit, an accepted answer or a renamed author shows at once, on every node. One instance per site, bounded.
/// </summary>
public sealed class PostFragmentCache
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 32L * 1024 * 1024 });

    private readonly record struct Key(long TopicId, long ReplyId);

    private sealed record Entry(PostFragmentSource Source, IHtmlContent Html);

    /// <summary>The fragment of the post as <paramref name="source"/> describes it; <paramref name="render"/> makes it on a miss.</summary>
    public async ValueTask<IHtmlContent> GetAsync(long topicId, long replyId, PostFragmentSource source, Func<Task<IHtmlContent>> render, HtmlEncoder encoder)
    {
        var key = new Key(topicId, replyId);
        if (_entries.TryGetValue(key, out Entry? kept) && kept is not null && kept.Source == source)
        {
            return kept.Html;
        }
        var html = RenderedHtml.Of(await render(), encoder);
        var size = 2L * (html.Value!.Length + source.Body.Length + source.AuthorName.Length) + 256;
        _entries.Set(key, new Entry(source, html), new MemoryCacheEntryOptions { Size = size, SlidingExpiration = Idle });
        return html;
    }

    public static string Culture => CultureInfo.CurrentUICulture.Name;
}
