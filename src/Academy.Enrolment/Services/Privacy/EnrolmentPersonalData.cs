using Academy.Core.Data;
using Academy.Core.Privacy;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Services.Privacy;

/// <summary>
/// The person's enrolments and completions, by account or by e-mail address (HARRIE employees may have none).
/// Erasure keeps the rows (attendance, hours and certificates point to them) without name, address or function:
/// an active enrolment is cancelled and its seat freed; the rest stays as history of the group.
/// </summary>
public sealed class EnrolmentPersonalData(AcademyDbContext db, TimeProvider clock) : IPersonalDataProvider
{
    public const string ErasedName = "Verwijderde deelnemer";

    public string Name => "aanmeldingen";

    public static string ErasedEmail(long id) => $"verwijderd-{id}@verwijderd.invalid";

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var enrolments = await Enrolments(subject).AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var completions = await Completions(subject).AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        if (enrolments.Count == 0 && completions.Count == 0)
        {
            return null;
        }
        return new PersonalDataSection(Name, PersonalDataJson.ToNode(new
        {
            Aanmeldingen = enrolments.Select(e => new
            {
                e.Id, Aanbod = e.OfferingId, Groep = e.EditionId, Naam = e.ParticipantName, Email = e.ParticipantEmail,
                Functie = e.ParticipantFunction, Organisatie = e.OrganisationId, Status = e.Status.ToString(),
                RedenAfwijzing = e.DeclineReason, RedenAnnulering = e.CancelReason, Aangemeld = e.CreatedUtc, Gewijzigd = e.UpdatedUtc,
            }),
            Afgerond = completions.Select(c => new { Aanbod = c.OfferingId, Aanmelding = c.EnrolmentId, Afgerond = c.CompletedUtc }),
        }));
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var enrolment in await Enrolments(subject).ToListAsync(cancellationToken))
        {
            if (enrolment.Status is EnrolmentStatus.Confirmed or EnrolmentStatus.Held)
            {
                await db.Set<EditionSeatRecord>().Where(s => s.EditionId == enrolment.EditionId && s.Taken > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken - 1), cancellationToken);
            }
            if (enrolment.Status is EnrolmentStatus.Confirmed or EnrolmentStatus.Held or EnrolmentStatus.Pending or EnrolmentStatus.Waitlisted)
            {
                enrolment.Status = EnrolmentStatus.Cancelled;
                enrolment.ActiveMarker = enrolment.Id;
                enrolment.HoldExpiresUtc = null;
            }
            enrolment.UserId = null;
            enrolment.ParticipantName = ErasedName;
            enrolment.ParticipantEmail = ErasedEmail(enrolment.Id);
            enrolment.ParticipantFunction = null;
            enrolment.DeclineReason = null;
            enrolment.CancelReason = null;
            enrolment.UpdatedUtc = now;
            enrolment.Version++;
        }
        foreach (var completion in await Completions(subject).ToListAsync(cancellationToken))
        {
            completion.UserId = null;
            completion.ParticipantEmail = ErasedEmail(completion.EnrolmentId ?? -completion.Id);
        }
    }

    private IQueryable<EnrolmentRecord> Enrolments(PersonalDataSubject subject)
    {
        var email = subject.Email.Trim().ToLowerInvariant();
        return db.Set<EnrolmentRecord>().Where(e => e.UserId == subject.UserId || e.ParticipantEmail == email);
    }

    private IQueryable<CompletionRecord> Completions(PersonalDataSubject subject)
    {
        var email = subject.Email.Trim().ToLowerInvariant();
        return db.Set<CompletionRecord>().Where(c => c.UserId == subject.UserId || c.ParticipantEmail == email);
    }
}
