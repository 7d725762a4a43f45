using Academy.Core.Contracts;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services;

/// <summary>Reads the Organisations table for other modules.</summary>
public sealed class OrganisationDirectory(AcademyDbContext db) : IOrganisationDirectory
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

    private static OrganisationInfo ToInfo(Organisation o) => new(o.Id, o.Name, o.Kind, o.Place);
}
