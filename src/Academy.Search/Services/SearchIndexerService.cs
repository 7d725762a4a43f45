using Academy.Core.Background;
using Academy.Core.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Academy.Search.Services;

/// <summary>
/// The indexer's own loop: a round every <see cref="SearchOptions.PollMilliseconds"/>, or at once when this process
/// queued a task. Off when the background worker is off (tests drain <see cref="SearchIndexProcessor"/> instead).
/// </summary>
public sealed class SearchIndexerService(
    SearchIndexer indexer,
    SearchIndexSignal signal,
    IOptions<SearchOptions> options,
    IOptions<AcademyOptions> academy,
    ILogger<SearchIndexerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!academy.Value.Background.Enabled)
        {
            return;
        }
        await Task.Yield();
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await indexer.RunOnceAsync(stoppingToken) > 0)
                {
                    continue; // more may be waiting
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Search indexer round failed; trying again");
            }
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

/// <summary>
/// The indexer as one of the host worker's processors, so tests' DrainBackgroundAsync brings the index up to date. When
/// the background worker runs, <see cref="SearchIndexerService"/> has its own loop, so the worker's rounds (one after
/// another while the outbox is busy) do not poll the task log a second time.
/// </summary>
public sealed class SearchIndexProcessor(SearchIndexer indexer, IOptions<AcademyOptions> academy) : IBackgroundProcessor
{
    public string Name => "Search";

    public Task<int> ProcessBatchAsync(CancellationToken cancellationToken) =>
        academy.Value.Background.Enabled ? Task.FromResult(0) : indexer.RunOnceAsync(cancellationToken);
}
