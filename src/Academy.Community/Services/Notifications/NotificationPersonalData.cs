using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services.Notifications;

/// <summary>
/// The community notifications in "mijn gegevens" and in erasing an account: a person's notifications and mail choice
/// are exported and deleted; notifications others got about the person's posts lose the person as their actor.
/// </summary>
public sealed class NotificationPersonalData(AcademyDbContext db) : IPersonalDataProvider
{
    public string Name => "community-meldingen";

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var id = subject.UserId;
        var notifications = await db.Set<CommunityNotification>().AsNoTracking().Where(n => n.UserId == id).OrderBy(n => n.Id)
            .Select(n => new { Reden = n.Reason.ToString(), Onderwerp = n.TopicTitle, Ontvangen = n.CreatedUtc, Gelezen = n.ReadUtc, Gemaild = n.MailedUtc })
            .ToListAsync(cancellationToken);
        var setting = await db.Set<CommunityNotificationSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == id, cancellationToken);
        if (notifications.Count == 0 && setting is null)
        {
            return null;
        }
        return new PersonalDataSection(Name, new JsonObject
        {
            ["meldingen"] = JsonSerializer.SerializeToNode(notifications),
            ["e-mail"] = (setting?.Mail ?? NotificationMail.Immediately).ToString(),
        });
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var id = subject.UserId;
        await db.Set<CommunityNotification>().Where(n => n.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<CommunityNotificationSetting>().Where(s => s.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<CommunityNotification>().Where(n => n.ActorUserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ActorUserId, CommunityPersonalData.ErasedAuthor), cancellationToken);
    }
}
