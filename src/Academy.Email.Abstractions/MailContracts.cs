namespace Academy.Email.Abstractions;

/// <summary>A file sent with a mail, such as an .ics invitation.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A mail ready to send. <paramref name="IdempotencyKey"/> identifies it for good: enqueueing the same key
/// twice queues it once, and the Message-Id is derived from it so a retried send is recognisably the same mail.
/// </summary>
public sealed record MailDraft(
    string To,
    string? ToName,
    string Subject,
    string HtmlBody,
    string TextBody,
    string IdempotencyKey,
    IReadOnlyList<MailAttachment>? Attachments = null)
{
    /// <summary>
    /// Extra header lines, only those named in <see cref="MailHeaders.Allowed"/> (others are refused when queued), e.g. the
    /// one-click unsubscribe headers of RFC 8058.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}

/// <summary>The extra headers a mail may carry (<see cref="MailDraft.Headers"/>).</summary>
public static class MailHeaders
{
    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";

    /// <summary>The value of <see cref="ListUnsubscribePost"/> that asks for one-click unsubscribing (RFC 8058).</summary>
    public const string OneClick = "List-Unsubscribe=One-Click";

    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ListUnsubscribe, ListUnsubscribePost };

    /// <summary>Both unsubscribe headers for a link that unsubscribes on a POST without asking anything.</summary>
    public static IReadOnlyDictionary<string, string> OneClickUnsubscribe(string absoluteUrl) => new Dictionary<string, string>
    {
        [ListUnsubscribe] = "<" + absoluteUrl + ">",
        [ListUnsubscribePost] = OneClick,
    };
}

/// <summary>
/// Queues mail in the caller's unit of work (the Email module provides it): the mail is written to the
/// mail outbox by the caller's next SaveChanges, so it commits or rolls back with the change that caused it.
/// </summary>
public interface IMailQueue
{
    Task EnqueueAsync(MailDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Many mails at once, as <see cref="EnqueueAsync"/> one by one (the Email module's queue batches the look-ups).</summary>
    async Task EnqueueManyAsync(IReadOnlyList<MailDraft> drafts, CancellationToken cancellationToken = default)
    {
        foreach (var draft in drafts)
        {
            await EnqueueAsync(draft, cancellationToken);
        }
    }
}

/// <summary>
/// Renders a mail from a Liquid template whose output is Markdown: HTML and plain-text parts. Every value the
/// template outputs is escaped (it is text, never Markdown or HTML); only links to the site itself stay links,
/// and images are never shown.
/// </summary>
public interface IMailComposer
{
    /// <param name="model">Values the template sees at its root (for example Input, Enrolment, Site).</param>
    Task<(string Subject, string Html, string Text)> ComposeAsync(string subjectTemplate, string bodyTemplate, IReadOnlyDictionary<string, object?> model);

    /// <summary>The parts of a mail whose Markdown is already rendered (its values escaped by whoever filled it in).</summary>
    (string Subject, string Html, string Text) Render(string subject, string markdown);
}

/// <summary>An in-app message for a user (shown under "Meldingen"); added in the caller's unit of work.</summary>
public interface INotifier
{
    Task NotifyAsync(string userId, string text, string? url = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// A mail template that cannot be parsed or filled. Its message is Dutch and meant for the admin who wrote
/// the template (the workflow engine journals it).
/// </summary>
public sealed class MailTemplateException(string message, Exception? inner = null) : Exception(message, inner);
