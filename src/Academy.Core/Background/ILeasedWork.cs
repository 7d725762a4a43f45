namespace Academy.Core.Background;

/// <summary>
/// A row that background processors claim before working on it (outbox message, job, mail). The lease is
/// taken by a conditional update, so of two nodes that see the same row only one gets it; a node that
/// dies lets its lease run out and another node picks the row up again.
/// </summary>
public interface ILeasedWork
{
    long Id { get; }
    DateTime? LeaseUntilUtc { get; }
    string? LeaseOwner { get; }
}
