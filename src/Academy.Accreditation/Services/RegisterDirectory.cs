using Academy.Accreditation.Models;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services;

public sealed class RegisterDirectory(AcademyDbContext db) : IRegisterDirectory
{
    public async Task<IReadOnlyList<RegisterSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<RegisterRecord>().AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(cancellationToken))
            .Select(r => new RegisterSummary(r.Id, r.Name, r.Unit)).ToList();
}
