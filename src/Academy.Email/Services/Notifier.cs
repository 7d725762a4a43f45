using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Email.Abstractions;

namespace Academy.Email.Services;

/// <summary>Adds an in-app notification in the caller's unit of work (the caller saves).</summary>
public sealed class Notifier(AcademyDbContext db, TimeProvider clock) : INotifier
{
    public Task NotifyAsync(string userId, string text, string? url = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        db.Set<NotificationRecord>().Add(new NotificationRecord
        {
            UserId = userId,
            Text = text.Length <= 1000 ? text : text[..1000],
            Url = SafeUrl(url),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        return Task.CompletedTask;
    }

    /// <summary>Only links within the site (a path) or to http(s): a notification never carries a script URL.</summary>
    private static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        url = url.Trim();
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return url.Length <= 500 ? url : null;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && url.Length <= 500 ? url : null;
    }
}
