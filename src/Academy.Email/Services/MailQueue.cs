using System.Text.Json;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Email.Models;
using Microsoft.EntityFrameworkCore;
using Academy.Email.Abstractions;

namespace Academy.Email.Services;

/// <summary>
/// Adds mail to the mail outbox in the caller's unit of work (the caller saves). A key that is already
/// queued, in the database or earlier in this unit of work, is ignored: the mail is sent once.
/// </summary>
public sealed class MailQueue(AcademyDbContext db, MailMessageIds ids, TimeProvider clock) : IMailQueue
{
    /// <summary>Keys looked up in the database per query when many mails are queued at once.</summary>
    private const int KeysPerQuery = 500;

    public Task EnqueueAsync(MailDraft draft, CancellationToken cancellationToken = default) => EnqueueManyAsync([draft], cancellationToken);

    /// <summary>
    /// Many mails at once (a notification fan-out, a digest): the keys already queued are found with one query per
    /// <see cref="KeysPerQuery"/> keys instead of one per mail, and those added earlier in this unit of work from a set.
    /// </summary>
    public async Task EnqueueManyAsync(IReadOnlyList<MailDraft> drafts, CancellationToken cancellationToken = default)
    {
        foreach (var draft in drafts)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(draft.IdempotencyKey);
            ArgumentException.ThrowIfNullOrWhiteSpace(draft.To);
            if (draft.Headers?.Keys.FirstOrDefault(h => !MailHeaders.Allowed.Contains(h)) is { } refused)
            {
                throw new ArgumentException($"The header '{refused}' may not be set on a queued mail.", nameof(drafts));
            }
        }
        var mails = db.Set<MailMessageRecord>();
        var known = mails.Local.Select(m => m.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in drafts.Select(d => d.IdempotencyKey).Where(k => !known.Contains(k)).Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            known.UnionWith(await mails.AsNoTracking().Where(m => chunk.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var draft in drafts.Where(d => known.Add(d.IdempotencyKey)))
        {
            mails.Add(new MailMessageRecord
            {
                IdempotencyKey = draft.IdempotencyKey,
                MessageId = ids.For(draft.IdempotencyKey),
                To = draft.To.Trim(),
                ToName = draft.ToName,
                Subject = draft.Subject,
                Html = draft.HtmlBody,
                Text = draft.TextBody,
                AttachmentsJson = draft.Attachments is { Count: > 0 } attachments ? JsonSerializer.Serialize(attachments) : null,
                HeadersJson = draft.Headers is { Count: > 0 } headers ? JsonSerializer.Serialize(headers) : null,
                Status = MailStatus.Queued,
                NextAttemptUtc = now,
                CreatedUtc = now,
            });
        }
    }
}
