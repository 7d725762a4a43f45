using System.Text.Json.Nodes;
using Academy.Core.Data;
using Academy.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services.Accounts;

/// <summary>What a self-registration keeps (function, other organisation, consent): exported, and deleted on erasure.</summary>
public sealed class RegistrationPersonalData(AcademyDbContext db) : IPersonalDataProvider
{
    public string Name => "registratie";

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var registration = await db.Set<AccountRegistration>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == subject.UserId, cancellationToken);
        return registration is null ? null : new PersonalDataSection(Name, new JsonObject
        {
            ["status"] = registration.Status,
            ["functie"] = registration.Function,
            ["andereOrganisatie"] = registration.OtherOrganisation,
            ["akkoordPrivacyverklaring"] = registration.ConsentUtc,
            ["aangemaakt"] = registration.CreatedUtc,
            ["bevestigd"] = registration.ConfirmedUtc,
            ["goedgekeurd"] = registration.ApprovedUtc,
        });
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var registration = await db.Set<AccountRegistration>().FirstOrDefaultAsync(r => r.UserId == subject.UserId, cancellationToken);
        if (registration is not null)
        {
            db.Remove(registration);
        }
    }
}
