using Academy.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Academy.Core.Background;

/// <summary>
/// The host's loop over every <see cref="IBackgroundProcessor"/> (outbox, jobs, mail): one scope per round,
/// a pause when all were idle. A failing processor is logged and the loop goes on; several nodes may run
/// this at once because every processor claims its rows with a lease.
/// </summary>
public sealed class BackgroundWorker(IServiceScopeFactory scopes, IOptions<AcademyOptions> options, ILogger<BackgroundWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Background;
        if (!settings.Enabled)
        {
            logger.LogInformation("Background worker is switched off (Academy:Background:Enabled)");
            return;
        }
        // Let the host finish starting (and the first start's setup migrate) before the first round.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = await RunRoundAsync(stoppingToken);
            if (handled == 0)
            {
                try
                {
                    await Task.Delay(Math.Max(10, settings.PollMilliseconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task<int> RunRoundAsync(CancellationToken stoppingToken)
    {
        var handled = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var processor in scope.ServiceProvider.GetServices<IBackgroundProcessor>())
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                try
                {
                    handled += await processor.ProcessBatchAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Background processor {Processor} failed; trying again next round", processor.Name);
                }
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Resolving the processors can fail too (for instance before the database exists).
            logger.LogError(exception, "Background round failed");
        }
        return handled;
    }
}
