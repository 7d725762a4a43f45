using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Jobs;
using Academy.EmployerSignup.Models;
using Academy.Enrolment.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Academy.EmployerSignup.Services;

/// <summary>
/// Removes HARRIE sign-ups after their retention period (docs/employer-signup.md): never-confirmed ones (expired or
/// released) with their ended holds <see cref="EmployerSignupOptions.UnconfirmedRetentionDays"/> after the hold ended,
/// confirmed and cancelled ones <see cref="EmployerSignupOptions.RetentionDays"/> after the group's last session.
/// Confirmed employees' enrolments belong to the enrolment module and stay; contacts waiting to be linked who have
/// no sign-up left go too.
/// </summary>
public sealed class SignupRetention(
    AcademyDbContext db,
    IEnrolmentService enrolment,
    IEditionCatalog catalog,
    IJobScheduler jobs,
    IOptions<EmployerSignupOptions> options,
    TimeProvider clock)
{
    public const string JobKind = "employer-signup-retention";
    public const string JobKey = "daily";

    private DbSet<EmployerSignupRecord> Signups => db.Set<EmployerSignupRecord>();

    /// <summary>Makes sure the daily job is pending (in the caller's unit of work); called whenever a sign-up is stored.</summary>
    public async Task EnsureScheduledAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Set<ScheduledJob>().AnyAsync(j => j.Kind == JobKind && j.CompletedUtc == null && j.FailedUtc == null, cancellationToken))
        {
            await jobs.ScheduleAsync(JobKind, JobKey, clock.GetUtcNow().UtcDateTime.AddDays(1), null, cancellationToken);
        }
    }

    /// <summary>Removes what is past its retention; returns the number of sign-ups removed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.Value;
        var unconfirmedBefore = now.AddDays(-Math.Max(0, o.UnconfirmedRetentionDays));
        var remove = await Signups.AsNoTracking()
            .Where(s => (s.Status == EmployerSignupStatus.Expired || s.Status == EmployerSignupStatus.Released) && s.ExpiresUtc < unconfirmedBefore)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in remove)
        {
            await enrolment.DeleteEndedHoldsAsync(id, cancellationToken);
        }

        var settled = await Signups.AsNoTracking()
            .Where(s => s.Status == EmployerSignupStatus.Confirmed || s.Status == EmployerSignupStatus.Cancelled)
            .Select(s => new { s.Id, s.EditionId, s.CreatedUtc })
            .ToListAsync(cancellationToken);
        var groupEnds = new Dictionary<string, DateTime?>();
        foreach (var signup in settled)
        {
            if (!groupEnds.TryGetValue(signup.EditionId, out var end))
            {
                // An edition no longer published has no sessions to go by: count from the sign-up itself.
                groupEnds[signup.EditionId] = end = (await catalog.GetAsync(signup.EditionId, cancellationToken))?.EndUtc;
            }
            if (UtcDates.AsUtc(end ?? signup.CreatedUtc).AddDays(Math.Max(0, o.RetentionDays)) < now)
            {
                remove.Add(signup.Id);
            }
        }

        var removed = 0;
        foreach (var batch in remove.Chunk(200))
        {
            removed += await Signups.Where(s => batch.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        await db.Set<EmployerContact>()
            .Where(c => !c.IsLinked && !Signups.Any(s => s.OrganisationId == c.OrganisationId && s.ContactUserId == c.UserId))
            .ExecuteDeleteAsync(cancellationToken);
        return removed;
    }
}

/// <summary>The daily retention run; it schedules itself again while there are sign-ups left.</summary>
public sealed class SignupRetentionJob(SignupRetention retention, AcademyDbContext db, IJobScheduler jobs, TimeProvider clock) : IJobHandler
{
    public string Kind => SignupRetention.JobKind;

    public async Task RunAsync(DueJob job, CancellationToken cancellationToken)
    {
        await retention.RunAsync(cancellationToken);
        if (await db.Set<EmployerSignupRecord>().AnyAsync(cancellationToken))
        {
            await jobs.ScheduleAsync(Kind, job.Key, clock.GetUtcNow().UtcDateTime.AddDays(1), null, cancellationToken);
        }
    }
}
