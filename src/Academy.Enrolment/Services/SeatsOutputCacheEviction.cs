using Academy.Core.Content;
using Academy.Core.Events;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Enrolment.Services;

/// <summary>
/// Evicts the pages that show seats once more when an enrolment event is dispatched: a change made inside a
/// caller's transaction (a workflow activity) is only committed after the unit of work's own eviction, so a page
/// cached in between would otherwise keep the old count until it expires.
/// </summary>
public sealed class SeatsOutputCacheEviction(IOutputCacheStore outputCache) : IDomainEventHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Type.StartsWith("Enrolment", StringComparison.Ordinal))
        {
            await outputCache.EvictByTagAsync(OutputCacheTags.Seats, cancellationToken);
        }
    }
}
