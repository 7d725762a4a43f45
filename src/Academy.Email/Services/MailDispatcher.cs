using Academy.Core.Background;
using Academy.Core.Data;
using Academy.Email.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Academy.Email.Services;

/// <summary>
/// Sends due mails from the mail outbox: claims a batch with a short lease (renewed while the batch is
/// sent, so a slow server does not lose it, and a dead process's batch is picked up within
/// <see cref="Leases.Duration"/>), hands them to the transport one by one, and records each outcome as
/// soon as it is known: sent, or a failure with a retry (see <see cref="MailRetryPolicy"/>) until the mail
/// becomes a dead letter.
/// <para>
/// Hand-over guarantee (docs/reliability.md): a mail is marked <see cref="MailStatus.HandingOver"/> before
/// its first byte goes out and <see cref="MailStatus.Sent"/> right after the server accepted it. A mail whose
/// acceptance was recorded is never handed over again. A mail found in HandingOver (its sender died or was
/// stopped mid hand-over) is handed over again with the same Message-Id once its lease has ended: losing a
/// mail is worse than the rare duplicate, which can only arise when the process dies in the milliseconds
/// between the server's "250" and the update that records it. The .eml pickup transport never writes a
/// Message-Id twice, so there it is exactly once.
/// </para>
/// </summary>
public sealed class MailDispatcher(
    AcademyDbContext db,
    IMailTransport transport,
    MailMessageBuilder builder,
    LeaseKeeper leases,
    MailLinkExpander links,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<MailDispatcher> logger) : IBackgroundProcessor
{
    public static readonly TimeSpan LeaseDuration = Leases.Duration;

    private readonly string _owner = Leases.NewOwner("mail");

    public string Name => "Mail";

    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimBatchAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }
        // Declared before the loop, so it stops only after the last outcome was recorded.
        await using var heartbeat = leases.Keep<MailMessageRecord>(_owner, claimed);
        var unfinished = new HashSet<long>(claimed);
        try
        {
            var mails = await db.Set<MailMessageRecord>().AsNoTracking()
                .Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            await using var session = transport.OpenSession();
            foreach (var mail in mails)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await HandOverAsync(session, mail, unfinished, cancellationToken);
            }
        }
        finally
        {
            await ReleaseAsync(unfinished);
        }
        return claimed.Count;
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

    /// <summary>Queued mails, and mails whose hand-over was interrupted (claimable again once their lease ended).</summary>
    private static IQueryable<MailMessageRecord> Due(IQueryable<MailMessageRecord> mails, DateTime now) =>
        mails.Where(m => (m.Status == MailStatus.Queued || m.Status == MailStatus.HandingOver) && m.NextAttemptUtc <= now);

    private async Task HandOverAsync(IMailTransportSession session, MailMessageRecord mail, HashSet<long> unfinished, CancellationToken ct)
    {
        // Recorded before the first byte goes out, and only while this dispatcher still holds the mail.
        var started = await db.Set<MailMessageRecord>().HeldBy(mail.Id, _owner)
            .Where(m => m.Status == MailStatus.Queued || m.Status == MailStatus.HandingOver)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.HandingOver), ct);
        if (started == 0)
        {
            unfinished.Remove(mail.Id);
            logger.LogWarning("Mail {Id} lost its lease before its hand-over; it is left to the node that holds it now", mail.Id);
            return;
        }
        if (mail.Status == MailStatus.HandingOver)
        {
            logger.LogWarning("Mail {Id} was being handed over when its sender stopped; handing it over again with the same Message-Id {MessageId}",
                mail.Id, mail.MessageId);
        }
        try
        {
            // One-time links are made now, in memory; the stored mail keeps only their references.
            await links.ExpandAsync(mail, ct);
            await session.SendAsync(builder.Build(mail), MailMessageBuilder.FileName(mail), ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            unfinished.Remove(mail.Id);
            await RecordFailureAsync(mail, exception, ct);
            return;
        }
        // From here on the server has it: never hand this one back, even if recording fails.
        unfinished.Remove(mail.Id);
        await MarkSentAsync(mail.Id);
    }

    private async Task MarkSentAsync(long id)
    {
        var sent = Now();
        // CancellationToken.None and a few tries: the mail has left; recording that keeps it from going out twice.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Set<MailMessageRecord>().Where(m => m.Id == id && m.Status != MailStatus.Sent).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MailStatus.Sent)
                    .SetProperty(m => m.SentUtc, sent)
                    .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LeaseOwner, (string?)null), CancellationToken.None);
                return;
            }
            catch (Exception exception) when (attempt < 3)
            {
                logger.LogWarning(exception, "Mail {Id} was accepted but could not be marked sent (try {Attempt})", id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), CancellationToken.None);
            }
        }
    }

    /// <summary>On shutdown: hands the mails not yet (or not fully) handed over back at once instead of after the lease.</summary>
    private async Task ReleaseAsync(HashSet<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        try
        {
            await db.Set<MailMessageRecord>().Where(m => ids.Contains(m.Id) && m.LeaseOwner == _owner).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LeaseOwner, (string?)null), CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not release {Count} unsent mails; their leases end by themselves", ids.Count);
        }
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
