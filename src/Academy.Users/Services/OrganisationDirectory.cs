using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Text;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;
using Academy.Search.Abstractions;

namespace Academy.Users.Services;

/// <summary>The Organisations table for other modules: reading it, and registering employers by KvK number.</summary>
public sealed class OrganisationDirectory(AcademyDbContext db, ISearchIndexQueue search, TimeProvider clock) : IOrganisationDirectory
{
    public async Task<IReadOnlyList<OrganisationInfo>> ListAsync()
    {
        var list = await db.Set<Organisation>().AsNoTracking().ToListAsync();
        return list.OrderBy(o => o.Name, StringComparer.Create(Core.Hosting.AcademyHost.Dutch, ignoreCase: true))
            .Select(ToInfo)
            .ToList();
    }

    public async Task<OrganisationInfo?> GetAsync(string id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id);
        return organisation is null ? null : ToInfo(organisation);
    }

    public async Task<EmployerOrganisation> EnsureEmployerAsync(string name, string kvkNumber, string? address, string? place,
        CancellationToken cancellationToken = default)
    {
        if (kvkNumber.Length != 8 || !kvkNumber.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A KvK number has eight digits.", nameof(kvkNumber));
        }
        var registrations = db.Set<OrganisationRegistration>();
        var registration = registrations.Local.FirstOrDefault(r => r.KvkNumber == kvkNumber)
            ?? await registrations.FirstOrDefaultAsync(r => r.KvkNumber == kvkNumber, cancellationToken);
        if (registration is not null)
        {
            var existing = await db.Set<Organisation>().FindAsync([registration.OrganisationId], cancellationToken);
            if (existing is not null)
            {
                return new EmployerOrganisation(ToInfo(existing), Created: false);
            }
        }

        // The KvK number makes the id unique; the name makes it readable in the admin lists.
        var stem = Slug.From(name);
        var maxStem = Organisation.IdMaxLength - kvkNumber.Length - 1;
        stem = stem.Length > maxStem ? stem[..maxStem].TrimEnd('-') : stem;
        var organisation = new Organisation
        {
            Id = stem.Length == 0 ? "werkgever-" + kvkNumber : stem + "-" + kvkNumber,
            Name = Truncate(name.Trim(), 200),
            Kind = "werkgever",
            Place = string.IsNullOrWhiteSpace(place) ? null : Truncate(place.Trim(), 100),
        };
        var clash = await db.Set<Organisation>().FindAsync([organisation.Id], cancellationToken);
        var created = clash is null;
        if (clash is not null)
        {
            // A recipe (or an earlier registration) already made this organisation; register the KvK number with it.
            organisation = clash;
        }
        else
        {
            db.Set<Organisation>().Add(organisation);
        }
        registrations.Add(new OrganisationRegistration
        {
            OrganisationId = organisation.Id,
            KvkNumber = kvkNumber,
            Address = address is null ? null : Truncate(address.Trim(), 300),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        return new EmployerOrganisation(ToInfo(organisation), created);
    }

    public async Task<bool> SetMembershipAsync(string userId, string organisationId, bool member, CancellationToken cancellationToken = default)
    {
        var user = await db.Set<AcademyUser>().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || (member ? user.OrganisationId is not null : user.OrganisationId != organisationId))
        {
            return false;
        }
        // Signed-in sessions pick the new organisation claim up when Identity next revalidates them.
        user.OrganisationId = member ? organisationId : null;
        Profiles.PeopleSearchSource.Changed(search, userId);
        return true;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static OrganisationInfo ToInfo(Organisation o) => new(o.Id, o.Name, o.Kind, o.Place);
}
