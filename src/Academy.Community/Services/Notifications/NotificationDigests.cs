using Academy.Community.Models;
using Academy.Core.Data;
using Academy.Core.Jobs;
using Academy.Users.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Community.Services.Notifications;

/// <summary>
/// The daily and weekly digests: one scheduled job per frequency (Core's job runner claims it with a lease, so with
/// several nodes it runs once). A run makes one mail per person with every notification of the period that was not
/// mailed or read yet, and marks them mailed in the same transaction as queueing the mails; the mails' keys name the
/// period, so a retried run queues nothing twice.
/// </summary>
public sealed class NotificationDigests(AcademyDbContext db, IJobScheduler jobs, IAccountRecipients accounts, IMemberProfiles profiles,
    NotificationMails mails, TimeProvider clock)
{
    public const string JobKind = "community-digest";

    /// <summary>Digests go out at 06:00 UTC (07:00 or 08:00 in the Netherlands); the weekly one on Monday.</summary>
    public static readonly TimeSpan SendAt = TimeSpan.FromHours(6);

    public static readonly IReadOnlyDictionary<NotificationMail, TimeSpan> Periods = new Dictionary<NotificationMail, TimeSpan>
    {
        [NotificationMail.Daily] = TimeSpan.FromDays(1),
        [NotificationMail.Weekly] = TimeSpan.FromDays(7),
    };

    /// <summary>The mail choice of each of <paramref name="userIds"/> that made one (the rest get mail at once).</summary>
    public async Task<IReadOnlyDictionary<string, NotificationMail>> ChoicesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToList();
        return ids.Count == 0
            ? new Dictionary<string, NotificationMail>()
            : await db.Set<CommunityNotificationSetting>().AsNoTracking().Where(s => ids.Contains(s.UserId))
                .ToDictionaryAsync(s => s.UserId, s => s.Mail, cancellationToken);
    }

    /// <summary>Makes sure both digest jobs are pending (in the caller's unit of work).</summary>
    public async Task EnsureScheduledAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Set<ScheduledJob>().AsNoTracking()
            .Where(j => j.Kind == JobKind && j.CompletedUtc == null && j.FailedUtc == null).Select(j => j.Key).ToListAsync(cancellationToken);
        foreach (var frequency in Periods.Keys.Where(f => !pending.Contains(Key(f))))
        {
            await jobs.ScheduleAsync(JobKind, Key(frequency), NextRun(frequency, clock.GetUtcNow().UtcDateTime), null, cancellationToken);
        }
    }

    public static string Key(NotificationMail frequency) => frequency.ToString().ToLowerInvariant();

    /// <summary>The first send time after <paramref name="afterUtc"/>.</summary>
    public static DateTime NextRun(NotificationMail frequency, DateTime afterUtc)
    {
        var next = afterUtc.Date + SendAt;
        while (next <= afterUtc || (frequency == NotificationMail.Weekly && next.DayOfWeek != DayOfWeek.Monday))
        {
            next = next.AddDays(1);
        }
        return DateTime.SpecifyKind(next, DateTimeKind.Utc);
    }

    /// <summary>
    /// Queues the digests of <paramref name="frequency"/> for the period ending at <paramref name="dueUtc"/>; returns the
    /// number of mails. Everything is added to the caller's transaction.
    /// </summary>
    public async Task<int> RunAsync(NotificationMail frequency, DateTime dueUtc, CancellationToken cancellationToken)
    {
        var since = dueUtc - Periods[frequency];
        var until = clock.GetUtcNow().UtcDateTime;
        var subscribers = db.Set<CommunityNotificationSetting>().Where(s => s.Mail == frequency).Select(s => s.UserId);
        var due = db.Set<CommunityNotification>()
            .Where(n => n.MailedUtc == null && n.ReadUtc == null && n.CreatedUtc > since && n.CreatedUtc <= until && subscribers.Contains(n.UserId));
        var items = await due.AsNoTracking().OrderBy(n => n.UserId).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return 0;
        }
        var people = await accounts.GetManyAsync(items.Select(n => n.UserId), cancellationToken);
        var actors = await profiles.GetManyAsync(items.Select(n => n.ActorUserId).Distinct(), cancellationToken);
        var periodKey = $"{Key(frequency)}-{dueUtc:yyyyMMddHH}";
        var drafts = new List<Email.Abstractions.MailDraft>();
        foreach (var perPerson in items.GroupBy(n => n.UserId))
        {
            if (people.GetValueOrDefault(perPerson.Key) is not { Email: not null } person)
            {
                continue;
            }
            var lines = perPerson.Select(n => (n, actors.GetValueOrDefault(n.ActorUserId)?.DisplayName ?? "Een collega")).ToList();
            drafts.Add(mails.Digest(person, frequency, periodKey, lines));
        }
        using (NotificationMails.Batch(db))
        {
            await mails.QueueAsync(drafts, cancellationToken);
        }
        var sent = drafts.Count;
        var lastId = items.Max(n => n.Id);
        await due.Where(n => n.Id <= lastId).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedUtc, until), cancellationToken);
        return sent;
    }
}

/// <summary>Runs a digest and schedules the next one of its frequency.</summary>
public sealed class NotificationDigestJob(NotificationDigests digests, IJobScheduler jobs, TimeProvider clock) : IJobHandler
{
    public string Kind => NotificationDigests.JobKind;

    public async Task RunAsync(DueJob job, CancellationToken cancellationToken)
    {
        var frequency = NotificationDigests.Periods.Keys.FirstOrDefault(f => NotificationDigests.Key(f) == job.Key);
        if (frequency is not (NotificationMail.Daily or NotificationMail.Weekly))
        {
            return; // an unknown key: let it complete
        }
        await digests.RunAsync(frequency, job.DueUtc, cancellationToken);
        await jobs.ScheduleAsync(Kind, job.Key, NotificationDigests.NextRun(frequency, clock.GetUtcNow().UtcDateTime), null, cancellationToken);
    }
}
