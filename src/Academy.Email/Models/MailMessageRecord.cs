using Academy.Core.Background;

namespace Academy.Email.Models;

public enum MailStatus
{
    Queued,
    /// <summary>
    /// Being handed to the transport: set before the first byte goes out. Found after a crash (lease ended), the
    /// server may or may not have it; it is handed over again with the same Message-Id (see MailDispatcher).
    /// </summary>
    HandingOver,
    Sent,
    DeadLetter,
}

/// <summary>A mail in the mail outbox: queued with the change that caused it, sent by the dispatcher.</summary>
public class MailMessageRecord : ILeasedWork
{
    public long Id { get; set; }
    /// <summary>Identifies the mail for good; the same key is queued once.</summary>
    public string IdempotencyKey { get; set; } = "";
    /// <summary>The Message-Id header (without angle brackets), derived from the key, so a re-send is the same mail.</summary>
    public string MessageId { get; set; } = "";
    public string To { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>Attachments as JSON (file name, content type, base64 content); null when none.</summary>
    public string? AttachmentsJson { get; set; }
    /// <summary>Extra headers (name to value) as JSON; null when none (see MailDraft.Headers).</summary>
    public string? HeadersJson { get; set; }
    public MailStatus Status { get; set; } = MailStatus.Queued;
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentUtc { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>An in-app message for one user, listed under "Meldingen".</summary>
public class NotificationRecord
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Url { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}
