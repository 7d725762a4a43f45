using Academy.Core.Background;
using Academy.Core.Data;
using Academy.Email.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Academy.Email.Services;

/// <summary>
/// Sends due mails from the mail outbox: claims a batch with a lease (so two nodes never send the same
/// mail at once), sends them over one transport session, marks each sent, or records the failure and
/// schedules a retry (see <see cref="MailRetryPolicy"/>) until it becomes a dead letter.
/// </summary>
public sealed class MailDispatcher(
    AcademyDbContext db,
    MailTransportSelector transports,
    MailMessageBuilder builder,
    MailLinkExpander links,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<MailDispatcher> logger) : IBackgroundProcessor
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    private readonly string _owner = Leases.NewOwner("mail");

    public string Name => "Mail";

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimBatchAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }
        var mails = await db.Set<MailMessageRecord>().AsNoTracking()
            .Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        await using var session = transports.Transport.OpenSession();
        foreach (var mail in mails)
        {
            try
            {
                // One-time links are made now, in memory; the stored mail keeps only their references.
                await links.ExpandAsync(mail, cancellationToken);
                await session.SendAsync(builder.Build(mail), MailMessageBuilder.FileName(mail), cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(mail, exception, cancellationToken);
                continue;
            }
            await MarkSentAsync(mail.Id, cancellationToken);
        }
        return mails.Count;
    }

    private async Task<List<long>> ClaimBatchAsync(CancellationToken ct)
    {
        var now = Now();
        var due = await Due(db.Set<MailMessageRecord>().AsNoTracking(), now)
            .Where(m => m.LeaseUntilUtc == null || m.LeaseUntilUtc < now)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(Math.Max(1, options.Value.BatchSize))
            .ToListAsync(ct);
        var claimed = new List<long>();
        foreach (var id in due)
        {
            var at = Now();
            if (await Due(db.Set<MailMessageRecord>(), at).TryClaimAsync(id, _owner, at, LeaseDuration, ct))
            {
                claimed.Add(id);
            }
        }
        return claimed;
    }

    private static IQueryable<MailMessageRecord> Due(IQueryable<MailMessageRecord> mails, DateTime now) =>
        mails.Where(m => m.Status == MailStatus.Queued && m.NextAttemptUtc <= now);

    private async Task MarkSentAsync(long id, CancellationToken ct)
    {
        var sent = Now();
        // CancellationToken.None: the mail has left; recording that must not be skipped by a shutdown.
        await db.Set<MailMessageRecord>().HeldBy(id, _owner).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, MailStatus.Sent)
            .SetProperty(m => m.SentUtc, sent)
            .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null), CancellationToken.None);
    }

    private async Task RecordFailureAsync(MailMessageRecord mail, Exception exception, CancellationToken ct)
    {
        var attempts = mail.Attempts + 1;
        var now = Now();
        var delay = MailRetryPolicy.NextDelay(attempts, options.Value.MaxAttempts);
        var status = delay is null ? MailStatus.DeadLetter : MailStatus.Queued;
        var next = now + (delay ?? TimeSpan.Zero);
        var error = Backoff.Describe(exception);
        await db.Set<MailMessageRecord>().HeldBy(mail.Id, _owner).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.NextAttemptUtc, next)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null), ct);
        logger.LogWarning(exception, "Mail {Id} to {To} failed (attempt {Attempt}); {Outcome}", mail.Id, mail.To, attempts,
            delay is null ? "moved to the dead letters" : $"next try in {delay}");
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
