using System.Text.Json;
using Academy.Core.Contracts;
using Academy.Email.Models;
using Microsoft.Extensions.Options;
using MimeKit;
using Academy.Email.Abstractions;

namespace Academy.Email.Services;

/// <summary>Turns a queued mail into a MIME message: text and HTML alternatives, attachments, its fixed Message-Id.</summary>
public sealed class MailMessageBuilder(IOptions<EmailOptions> options, TimeProvider clock)
{
    public MimeMessage Build(MailMessageRecord mail)
    {
        var settings = options.Value;
        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Subject = mail.Subject,
            Date = clock.GetUtcNow(),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        foreach (var (name, value) in Headers(mail))
        {
            message.Headers.Add(name, value);
        }
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var attachment in Attachments(mail))
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    public static IReadOnlyList<MailAttachment> Attachments(MailMessageRecord mail) =>
        mail.AttachmentsJson is { Length: > 0 } json
            ? JsonSerializer.Deserialize<List<MailAttachment>>(json) ?? []
            : [];

    public static IReadOnlyDictionary<string, string> Headers(MailMessageRecord mail) =>
        mail.HeadersJson is { Length: > 0 } json
            ? (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []).Where(h => MailHeaders.Allowed.Contains(h.Key)).ToDictionary()
            : new Dictionary<string, string>();

    /// <summary>The pickup file name: the hash part of the Message-Id, so the same mail always lands in the same file.</summary>
    public static string FileName(MailMessageRecord mail) => mail.MessageId.Split('@')[0];
}
