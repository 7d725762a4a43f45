using System.Collections.Concurrent;

namespace Academy.Community.Services;

/// <summary>
/// The content type of each offering seen by the edition groups (a content item's type never changes), so an enrolment
/// event of an offering whose type gets no group is passed over without reading the offering. One per process.
/// </summary>
public sealed class OfferingTypeMemory
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, string> _types = new(StringComparer.Ordinal);

    public string? Get(string offeringId) => _types.TryGetValue(offeringId, out var type) ? type : null;

    public void Remember(string offeringId, string contentType)
    {
        if (_types.Count < MaxEntries)
        {
            _types[offeringId] = contentType;
        }
    }
}
