using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Ledger;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Enrolment.Abstractions;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.Accreditation.Services.Exports;

/// <summary>
/// Who of an edition can be reported to each of its registers. Reportable = a completed enrolment, an award for
/// that register in the ledger that is not reversed, a valid register number for that register and consent.
/// Everyone else who completed is listed with the reasons, so nobody disappears from the coördinator's view.
/// </summary>
public sealed class RegisterReportQuery(AcademyDbContext db, IEditionCatalog catalog, IEnrolmentRoster roster, IUserLookup users, LedgerPeople people)
{
    /// <summary>The edition's report, or null when the edition is unknown, unpublished or carries no accreditation.</summary>
    public async Task<EditionReport?> ForEditionAsync(string editionId, CancellationToken cancellationToken = default)
    {
        if (await catalog.GetAsync(editionId, cancellationToken) is not { } edition || edition.Accreditations().Count == 0)
        {
            return null;
        }
        var participants = await roster.ParticipantsAsync(editionId, cancellationToken);
        var completed = await WithAccountsAsync(participants.Where(p => p.Status == EnrolmentStatus.Completed).ToList(), cancellationToken);
        var registerIds = edition.Accreditations().Select(a => a.RegisterId).Distinct().ToList();
        var registers = await db.Set<RegisterRecord>().AsNoTracking()
            .Where(r => registerIds.Contains(r.Id)).OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(cancellationToken);

        var enrolmentIds = completed.Select(p => p.EnrolmentId).ToList();
        var awards = await db.Set<LedgerEntryRecord>().AsNoTracking()
            .Where(e => e.Kind == LedgerEntryKind.Award && e.EnrolmentId != null && enrolmentIds.Contains(e.EnrolmentId.Value) && registerIds.Contains(e.RegisterId))
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var awardIds = awards.Select(a => a.Id).ToList();
        var holders = await people.ByIdsAsync(awards.Select(a => a.PersonId), cancellationToken);
        var reversed = (await db.Set<LedgerEntryRecord>().AsNoTracking()
            .Where(e => e.Kind == LedgerEntryKind.Reversal && e.ReversesEntryId != null && awardIds.Contains(e.ReversesEntryId.Value))
            .Select(e => e.ReversesEntryId!.Value)
            .ToListAsync(cancellationToken)).ToHashSet();

        var userIds = completed.Where(p => p.UserId is not null).Select(p => p.UserId!).Distinct().ToList();
        var numbers = (await db.Set<RegisterNumberRecord>().AsNoTracking()
            .Where(n => userIds.Contains(n.UserId) && registerIds.Contains(n.RegisterId)).ToListAsync(cancellationToken))
            .ToDictionary(n => (n.UserId, n.RegisterId), n => n.Number);
        var consenting = (await db.Set<RegisterConsentRecord>().AsNoTracking()
            .Where(c => userIds.Contains(c.UserId) && c.Consented).Select(c => c.UserId).ToListAsync(cancellationToken)).ToHashSet();

        var reports = registers.Select(register =>
        {
            var reportable = new List<ReportableParticipant>();
            var notReportable = new List<NotReportableParticipant>();
            foreach (var person in completed)
            {
                var personAwards = awards.Where(a => a.EnrolmentId == person.EnrolmentId && a.RegisterId == register.Id).ToList();
                var award = personAwards.FirstOrDefault(a => !reversed.Contains(a.Id));
                // The ledger's person is who the hours are for, with the name as corrected there (or none after anonymisation).
                var name = personAwards.FirstOrDefault() is { } any && holders.TryGetValue(any.PersonId, out var holder)
                    ? LedgerPeople.NameOf(holder)
                    : person.Name;
                var reasons = new List<NotReportableReason>();
                if (award is null)
                {
                    reasons.Add(personAwards.Count == 0 ? NotReportableReason.NoHoursAwarded : NotReportableReason.HoursReversed);
                }
                string? number = null;
                if (person.UserId is null)
                {
                    reasons.Add(NotReportableReason.NoAccount);
                }
                else
                {
                    if (!numbers.TryGetValue((person.UserId, register.Id), out number))
                    {
                        reasons.Add(NotReportableReason.NoRegisterNumber);
                    }
                    else if (!RegisterNumbers.IsValid(register, number))
                    {
                        reasons.Add(NotReportableReason.InvalidRegisterNumber);
                    }
                    if (!consenting.Contains(person.UserId))
                    {
                        reasons.Add(NotReportableReason.NoConsent);
                    }
                }
                if (reasons.Count == 0)
                {
                    reportable.Add(new ReportableParticipant(name, number!, award!.ActivityDate, award.Hours,
                        award.AccreditationCode ?? AccreditationOn(edition, register.Id, award.ActivityDate)?.Code));
                }
                else
                {
                    notReportable.Add(new NotReportableParticipant(name, reasons));
                }
            }
            var accreditation = AccreditationOn(edition, register.Id, edition.StartUtc is { } s ? DateOnly.FromDateTime(AmsterdamTime.ToLocal(s)) : null)
                ?? edition.Accreditations().First(a => a.RegisterId == register.Id);
            return new RegisterReport(register, accreditation, reportable, notReportable);
        }).ToList();

        return new EditionReport(edition, reports, completed.Count, participants.Count - completed.Count);
    }

    /// <summary>
    /// Someone signed up by their employer has no account on the enrolment, but their hours count for the account with
    /// the same e-mail address (as in the ledger and "Mijn leeruren"), and so do that account's numbers and consent.
    /// </summary>
    private async Task<List<RosterEntry>> WithAccountsAsync(List<RosterEntry> people, CancellationToken cancellationToken)
    {
        for (var i = 0; i < people.Count; i++)
        {
            if (people[i].UserId is null && await users.FindByEmailAsync(people[i].Email, cancellationToken) is { } account)
            {
                people[i] = people[i] with { UserId = account.UserId };
            }
        }
        return people;
    }

    private static AccreditationInfo? AccreditationOn(EditionInfo edition, string registerId, DateOnly? date) =>
        edition.Accreditations().FirstOrDefault(a => a.RegisterId == registerId && (date is null || a.IsValidOn(date.Value)));
}

/// <summary>A register number is the register's prefix followed by exactly its number of digits ("RP" + 6 digits).</summary>
public static class RegisterNumbers
{
    public static bool IsValid(RegisterRecord register, string number) =>
        number.Length == register.Prefix.Length + register.Digits
        && number.StartsWith(register.Prefix, StringComparison.Ordinal)
        && number[register.Prefix.Length..].All(char.IsAsciiDigit);
}
