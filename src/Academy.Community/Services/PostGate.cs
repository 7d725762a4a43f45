using Academy.Community.Models;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.Community.Services;

/// <summary>The posting limit per person (<c>Academy:Community</c> in the configuration).</summary>
public sealed class CommunityPostingOptions
{
    public const string Section = "Academy:Community";

    /// <summary>New topics and replies one person may post per window; 0 switches the limit off.</summary>
    public int PostsPerWindow { get; set; } = 10;

    public int PostWindowSeconds { get; set; } = 600;
}

/// <summary>Who posts. A group's managers are never held for approval; moderators are neither held nor limited.</summary>
public sealed record PostAuthor(string UserId, bool ManagesGroup = false, bool Moderates = false);

/// <summary>
/// What happens to a new post before it is saved: the per-person posting limit, and whether it is held for approval
/// (the first post of a member in a group with <see cref="CommunityGroup.ApproveFirstPosts"/>). Both are counted from the
/// posts themselves, so every web node agrees without state of its own.
/// </summary>
public sealed class PostGate(AcademyDbContext db, IOptions<CommunityPostingOptions> options, TimeProvider clock)
{
    /// <summary>Null when the author may post now; else the Dutch message that says how long to wait.</summary>
    public async Task<string?> LimitAsync(PostAuthor author, CancellationToken cancellationToken)
    {
        var limit = options.Value.PostsPerWindow;
        var window = TimeSpan.FromSeconds(Math.Max(1, options.Value.PostWindowSeconds));
        if (author.Moderates || limit <= 0)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - window;
        var topics = await db.Set<Topic>().Where(t => t.AuthorUserId == author.UserId && t.CreatedUtc > since)
            .OrderByDescending(t => t.CreatedUtc).Select(t => t.CreatedUtc).Take(limit).ToListAsync(cancellationToken);
        var replies = await db.Set<Reply>().Where(r => r.AuthorUserId == author.UserId && r.CreatedUtc > since)
            .OrderByDescending(r => r.CreatedUtc).Select(r => r.CreatedUtc).Take(limit).ToListAsync(cancellationToken);
        var recent = topics.Concat(replies).OrderByDescending(t => t).Take(limit).ToList();
        if (recent.Count < limit)
        {
            return null;
        }
        // The oldest of the last `limit` posts leaves the window first.
        var wait = recent[^1] + window - now;
        return $"Je hebt in korte tijd veel berichten geplaatst: je kunt er hoogstens {limit} plaatsen in {Duration(window)}. "
            + $"Probeer het over {Duration(wait)} opnieuw. Je tekst staat nog in het formulier.";
    }

    /// <summary>True when the post waits for approval: the group asks for it and the author has nothing published there yet.</summary>
    public async Task<bool> HoldsAsync(CommunityGroup group, PostAuthor author, CancellationToken cancellationToken)
    {
        if (!group.ApproveFirstPosts || author.ManagesGroup || author.Moderates)
        {
            return false;
        }
        var topics = db.Set<Topic>().Where(t => t.GroupId == group.Id);
        var published = await topics.AnyAsync(t => t.AuthorUserId == author.UserId && t.Hold == null, cancellationToken)
            || await db.Set<Reply>().AnyAsync(r => r.AuthorUserId == author.UserId && r.Hold == null && topics.Any(t => t.Id == r.TopicId), cancellationToken);
        return !published;
    }

    /// <summary>"1 minuut", "10 minuten", "30 seconden": rounded up, so nobody tries too early.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span.TotalSeconds < 60)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
            return seconds == 1 ? "1 seconde" : $"{seconds} seconden";
        }
        var minutes = (int)Math.Ceiling(span.TotalMinutes);
        return minutes == 1 ? "1 minuut" : $"{minutes} minuten";
    }
}
