using Academy.Core.Data;
using Academy.Core.Privacy;
using Academy.Email.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Email.Services.Privacy;

/// <summary>
/// Mails sent to the person and their in-app notifications. Erasure deletes them, and every other mail in the log
/// that names the person (a coördinator's copy, say): those were sent already, the log only shows that they were.
/// </summary>
public sealed class EmailPersonalData(AcademyDbContext db) : IPersonalDataProvider
{
    public string Name => "e-mail";

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var email = subject.Email.Trim().ToLowerInvariant();
        var mails = await db.Set<MailMessageRecord>().AsNoTracking().Where(m => m.To.ToLower() == email)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var notifications = await db.Set<NotificationRecord>().AsNoTracking().Where(n => n.UserId == subject.UserId)
            .OrderBy(n => n.Id).ToListAsync(cancellationToken);
        if (mails.Count == 0 && notifications.Count == 0)
        {
            return null;
        }
        return new PersonalDataSection(Name, PersonalDataJson.ToNode(new
        {
            Mails = mails.Select(m => new
            {
                Aan = m.To, Naam = m.ToName, Onderwerp = m.Subject, Tekst = m.Text, Status = m.Status.ToString(),
                Aangemaakt = m.CreatedUtc, Verstuurd = m.SentUtc,
            }),
            Meldingen = notifications.Select(n => new { n.Text, n.Url, Aangemaakt = n.CreatedUtc, Gelezen = n.ReadUtc }),
        }));
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        foreach (var needle in PersonalDataJson.Needles(subject))
        {
            await db.Set<MailMessageRecord>()
                .Where(m => m.To.ToLower().Contains(needle) || (m.ToName != null && m.ToName.ToLower().Contains(needle))
                    || m.Subject.ToLower().Contains(needle) || m.Text.ToLower().Contains(needle) || m.Html.ToLower().Contains(needle))
                .ExecuteDeleteAsync(cancellationToken);
        }
        await db.Set<NotificationRecord>().Where(n => n.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
    }
}
