using Academy.Search.Abstractions;
using Academy.Users.Services.Profiles;
using Academy.Core.Data;
using Academy.Core.Privacy;
using Academy.Users.Services.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services.Privacy;

/// <summary>
/// The account itself: name, e-mail address, organisation, roles, profile, sessions and the login failures typed with
/// the address. Erasure removes everything but the account row, which <see cref="PersonalDataService"/> deletes last.
/// </summary>
public sealed class UsersPersonalData(AcademyDbContext db, ISearchIndexQueue search) : IPersonalDataProvider
{
    public string Name => "account";

    public async Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var user = await db.Set<AcademyUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == subject.UserId, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var organisation = user.OrganisationId is null ? null
            : await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == user.OrganisationId, cancellationToken);
        var roles = await (from userRole in db.Set<IdentityUserRole<string>>()
                           join role in db.Set<AcademyRole>() on userRole.RoleId equals role.Id
                           where userRole.UserId == user.Id
                           select role.Name).ToListAsync(cancellationToken);
        var profile = await db.Set<UserProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        var sessions = await db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == user.Id)
            .OrderBy(s => s.CreatedUtc).Select(s => new { Ingelogd = s.CreatedUtc, LaatstGezien = s.LastSeenUtc }).ToListAsync(cancellationToken);
        var loginKey = LoginGuard.LoginKeyOf(subject.Email);
        var failures = await db.Set<LoginFailure>().AsNoTracking().Where(f => f.LoginKey == loginKey)
            .OrderBy(f => f.FailedUtc).Select(f => f.FailedUtc).ToListAsync(cancellationToken);
        return new PersonalDataSection(Name, PersonalDataJson.ToNode(new
        {
            Naam = user.DisplayName, Email = user.Email, EmailBevestigd = user.EmailConfirmed, Telefoon = user.PhoneNumber,
            Aangemaakt = user.CreatedUtc, TweeStapsVerificatie = user.TwoFactorEnabled,
            Organisatie = organisation is null ? null : new { organisation.Id, organisation.Name, organisation.Place },
            Rollen = roles,
            Profiel = profile is null ? null : new
            {
                Functie = profile.Function, OverMij = profile.Bio, Themas = profile.Themes, ZichtbaarVoorCollegas = profile.VisibleToColleagues,
                Foto = profile.PhotoVersion is null ? null : "profielfoto.webp", Gewijzigd = profile.UpdatedUtc,
            },
            Sessies = sessions,
            MisluktePogingenOmInTeLoggen = failures,
        }));
    }

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var loginKey = LoginGuard.LoginKeyOf(subject.Email);
        await db.Set<LoginFailure>().Where(f => f.LoginKey == loginKey).ExecuteDeleteAsync(cancellationToken);
        await db.Set<UserSession>().Where(s => s.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<UserProfile>().Where(p => p.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityUserClaim<string>>().Where(c => c.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityUserLogin<string>>().Where(c => c.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityUserToken<string>>().Where(c => c.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityUserRole<string>>().Where(c => c.UserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
        // The person leaves the search with the erasure's commit.
        PeopleSearchSource.Changed(search, subject.UserId);
    }
}
