using System.Text.RegularExpressions;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Email.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Academy.Email.Abstractions;

namespace Academy.Tests.Email;

public static partial class MailTestKit
{
    /// <summary>The mails the dispatcher handed over (written to the .eml pickup folder, the test default).</summary>
    public static async Task<List<MimeMessage>> DeliveredAsync(IServiceProvider services)
    {
        var folder = Assert.IsType<PickupFolderTransport>(services.GetRequiredService<MailTransportSelector>().Transport).Folder;
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }
        return messages;
    }

    /// <summary>The delivered mails to <paramref name="to"/>.</summary>
    public static async Task<List<MimeMessage>> DeliveredToAsync(IServiceProvider services, string to) =>
        (await DeliveredAsync(services)).Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The one link in the mail's text part whose address contains <paramref name="part"/>.</summary>
    public static string LinkIn(MimeMessage message, string part) =>
        Assert.Single(Url().Matches(message.TextBody ?? "").Select(m => m.Value).Where(u => u.Contains(part, StringComparison.Ordinal)).Distinct());

    [GeneratedRegex(@"https?://[^\s()<>]+")]
    private static partial Regex Url();

    public static MailDraft Draft(string key, string to = "deelnemer@example.nl", IReadOnlyList<MailAttachment>? attachments = null) =>
        new(to, "Deelnemer Test", $"Onderwerp {key}", $"<p>Hallo {key}</p>", $"Hallo {key}", key, attachments);

    /// <summary>Queues the drafts in one unit of work, saved in one transaction.</summary>
    public static async Task QueueAsync(IServiceProvider services, params MailDraft[] drafts)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<IMailQueue>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var draft in drafts)
        {
            await queue.EnqueueAsync(draft);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public static async Task<List<MailMessageRecord>> MailsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<MailMessageRecord>()
            .AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<MailMessageRecord> MailAsync(IServiceProvider services, string key) =>
        (await MailsAsync(services)).Single(m => m.IdempotencyKey == key);

    /// <summary>Puts a mail back in the queue, due at <paramref name="dueUtc"/> (as a re-send would).</summary>
    public static async Task RequeueAsync(IServiceProvider services, string key, DateTime dueUtc)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<MailMessageRecord>()
            .Where(m => m.IdempotencyKey == key)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Queued).SetProperty(m => m.NextAttemptUtc, dueUtc));
    }

    /// <summary>Makes a queued mail a dead letter, as if every retry had failed.</summary>
    public static async Task DeadLetterAsync(IServiceProvider services, string key, string error)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<MailMessageRecord>()
            .Where(m => m.IdempotencyKey == key)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.DeadLetter).SetProperty(m => m.Attempts, 13).SetProperty(m => m.LastError, error));
    }
}
