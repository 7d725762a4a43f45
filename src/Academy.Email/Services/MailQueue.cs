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
    public async Task EnqueueAsync(MailDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.IdempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.To);
        if (draft.Headers?.Keys.FirstOrDefault(h => !MailHeaders.Allowed.Contains(h)) is { } refused)
        {
            throw new ArgumentException($"The header '{refused}' may not be set on a queued mail.", nameof(draft));
        }
        var mails = db.Set<MailMessageRecord>();
        if (mails.Local.Any(m => m.IdempotencyKey == draft.IdempotencyKey)
            || await mails.AnyAsync(m => m.IdempotencyKey == draft.IdempotencyKey, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
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
