namespace Academy.Core.Jobs;

/// <summary>
/// Schedules work for later in the caller's unit of work (committed by its next SaveChanges): a workflow
/// timer, the expiry of an employer's hold. A job is identified by (Kind, Key): scheduling an existing
/// key moves its due time instead of adding a second job.
/// </summary>
public interface IJobScheduler
{
    Task ScheduleAsync(string kind, string key, DateTime dueUtc, string? payload = null, CancellationToken cancellationToken = default);

    Task CancelAsync(string kind, string key, CancellationToken cancellationToken = default);
}

/// <summary>A due job as its handler sees it.</summary>
public sealed record DueJob(long Id, string Kind, string Key, DateTime DueUtc, string? Payload, int Attempt);

/// <summary>
/// Runs due jobs of one kind. The job runner claims a job with a lease (a conditional update), so two
/// nodes never run the same one, then calls the handler in a scope whose SaveChanges also completes the
/// job; a handler that throws is retried with back-off.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(DueJob job, CancellationToken cancellationToken);
}
