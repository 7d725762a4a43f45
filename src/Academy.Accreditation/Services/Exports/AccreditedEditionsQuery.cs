using Academy.Leeragenda.Abstractions;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Exports;

/// <summary>An edition that carries accreditations, with its registers and how many participants completed it.</summary>
public sealed record AccreditedEditionRow(EditionInfo Edition, IReadOnlyList<(RegisterRecord Register, AccreditationInfo Accreditation)> Registers, int CompletedCount);

/// <summary>The editions with a session in a period that carry at least one accreditation (optionally of one register).</summary>
public sealed class AccreditedEditionsQuery(AcademyDbContext db, IEditionCatalog catalog, IEnrolmentRoster roster)
{
    public async Task<IReadOnlyList<AccreditedEditionRow>> ListAsync(DateTime fromUtc, DateTime toUtc, string? registerId, CancellationToken cancellationToken = default)
    {
        var registers = await db.Set<RegisterRecord>().AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        var rows = new List<AccreditedEditionRow>();
        foreach (var edition in await catalog.ListInPeriodAsync(fromUtc, toUtc, cancellationToken: cancellationToken))
        {
            var accredited = edition.Accreditations()
                .Where(a => registers.ContainsKey(a.RegisterId))
                .GroupBy(a => a.RegisterId)
                .Select(g => (Register: registers[g.Key], Accreditation: g.First()))
                .OrderBy(x => x.Register.SortOrder)
                .ToList();
            if (accredited.Count == 0 || (registerId is not null && accredited.All(a => a.Register.Id != registerId)))
            {
                continue;
            }
            var completed = (await roster.ParticipantsAsync(edition.EditionId, cancellationToken)).Count(p => p.Status == EnrolmentStatus.Completed);
            rows.Add(new AccreditedEditionRow(edition, accredited, completed));
        }
        return rows;
    }
}
