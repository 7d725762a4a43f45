using Academy.Core.Data;
using Academy.Core.Privacy;
using Academy.EmployerSignup.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.EmployerSignup.Services.Privacy;

/// <summary>
/// HARRIE sign-ups the person made as their employer's contact, and their contact rows. Erasure keeps the sign-ups
/// (the employer's enrolments belong to them) without the contact's name, address and phone, and deletes the
/// contact rows, so the erased account no longer sees the employer's sign-ups.
/// </summary>
public sealed class EmployerSignupPersonalData(AcademyDbContext db) : IPersonalDataProvider
{
    public const string ErasedName = "Verwijderde contactpersoon";

    public string Name => "harrie";

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var signups = await Signups(subject).AsNoTracking().OrderBy(s => s.CreatedUtc).ToListAsync(cancellationToken);
        var contacts = await db.Set<EmployerContact>().AsNoTracking().Where(c => c.UserId == subject.UserId).ToListAsync(cancellationToken);
        if (signups.Count == 0 && contacts.Count == 0)
        {
            return null;
        }
        return new PersonalDataSection(Name, PersonalDataJson.ToNode(new
        {
            Aanmeldingen = signups.Select(s => new
            {
                Werkgever = s.OrganisationName, s.KvkNumber, Adres = s.Address, Contactpersoon = s.ContactName, Email = s.ContactEmail,
                Telefoon = s.ContactPhone, Groep = s.EditionId, Deelnemers = s.ParticipantCount, Status = s.Status.ToString(),
                Aangemeld = s.CreatedUtc, Bevestigd = s.ConfirmedUtc,
            }),
            Contactpersoon = contacts.Select(c => new { Organisatie = c.OrganisationId, Naam = c.Name, c.Email, Gekoppeld = c.IsLinked, Sinds = c.CreatedUtc }),
        }));
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        foreach (var signup in await Signups(subject).ToListAsync(cancellationToken))
        {
            signup.ContactName = ErasedName;
            signup.ContactEmail = "";
            signup.ContactPhone = null;
            signup.ContactUserId = null;
            signup.ClientKey = null;
        }
        db.RemoveRange(await db.Set<EmployerContact>().Where(c => c.UserId == subject.UserId).ToListAsync(cancellationToken));
    }

    private IQueryable<EmployerSignupRecord> Signups(PersonalDataSubject subject)
    {
        var email = subject.Email.Trim().ToLowerInvariant();
        return db.Set<EmployerSignupRecord>().Where(s => s.ContactUserId == subject.UserId || s.ContactEmail.ToLower() == email);
    }
}
