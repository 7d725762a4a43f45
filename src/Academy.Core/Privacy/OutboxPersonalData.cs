using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Core.Privacy;

/// <summary>
/// Domain events that name the person (their payloads hold ids, addresses and names) are deleted on erasure, handled
/// or not: an event about someone who asked to be forgotten must not send them mail afterwards. Nothing to export:
/// the modules that raised the events export the data itself.
/// </summary>
public sealed class OutboxPersonalData(AcademyDbContext db) : IPersonalDataProvider
{
    public string Name => "events";

    public Task<PersonalDataSection?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default) =>
        Task.FromResult<PersonalDataSection?>(null);

    public async Task EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        foreach (var needle in PersonalDataJson.Needles(subject))
        {
            await db.Outbox.Where(m => m.Payload.ToLower().Contains(needle) || (m.CorrelationId != null && m.CorrelationId.ToLower() == needle))
                .ExecuteDeleteAsync(cancellationToken);
        }
    }
}
