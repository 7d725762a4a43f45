namespace Academy.Core.Background;

/// <summary>
/// A piece of background work that runs in batches: the outbox dispatcher, the job runner, the mail
/// dispatcher. The host's worker calls every processor in turn; tests call <see cref="ProcessBatchAsync"/>
/// directly (with the worker switched off) to drain work deterministically.
/// </summary>
public interface IBackgroundProcessor
{
    /// <summary>Short name for logs and the admin pages.</summary>
    string Name { get; }

    /// <summary>Does one batch of due work and returns how many items it handled (0 when idle).</summary>
    Task<int> ProcessBatchAsync(CancellationToken cancellationToken);
}
