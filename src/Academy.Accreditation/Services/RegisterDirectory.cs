using Academy.Accreditation.Models;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation.Services;

/// <summary>The configured registers in their recipe order: as records for this module, as summaries for others.</summary>
public sealed class RegisterDirectory(AcademyDbContext db) : IRegisterDirectory
{
    public async Task<IReadOnlyList<RegisterRecord>> RecordsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<RegisterRecord>().AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RegisterSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await RecordsAsync(cancellationToken)).Select(r => new RegisterSummary(r.Id, r.Name, r.Unit)).ToList();
}
