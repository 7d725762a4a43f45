using Academy.Core.Events;

namespace Academy.Core.Content;

public sealed record ContentCreated(string ContentItemId, string ContentType, string ContentItemVersionId) : IDomainEvent
{
    public string CorrelationId => ContentItemId;
}

public sealed record ContentUpdated(string ContentItemId, string ContentType, string ContentItemVersionId) : IDomainEvent
{
    public string CorrelationId => ContentItemId;
}

public sealed record ContentPublished(string ContentItemId, string ContentType, string ContentItemVersionId) : IDomainEvent
{
    public string CorrelationId => ContentItemId;
}

public sealed record ContentUnpublished(string ContentItemId, string ContentType) : IDomainEvent
{
    public string CorrelationId => ContentItemId;
}

public sealed record ContentRemoved(string ContentItemId, string ContentType) : IDomainEvent
{
    public string CorrelationId => ContentItemId;
}
