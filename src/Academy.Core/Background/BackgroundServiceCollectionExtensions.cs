using Academy.Core.Events;
using Academy.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Core.Background;

/// <summary>How modules plug into the background platform (all scoped: one instance per worker round or per message/job).</summary>
public static class BackgroundServiceCollectionExtensions
{
    /// <summary>A processor the worker (and tests' DrainBackgroundAsync) calls every round.</summary>
    public static IServiceCollection AddBackgroundProcessor<T>(this IServiceCollection services) where T : class, IBackgroundProcessor =>
        services.AddScoped<IBackgroundProcessor, T>();

    /// <summary>A consumer of every outbox message, called in the dispatcher's transaction.</summary>
    public static IServiceCollection AddDomainEventHandler<T>(this IServiceCollection services) where T : class, IDomainEventHandler =>
        services.AddScoped<IDomainEventHandler, T>();

    /// <summary>The handler of one job kind, called in the job runner's transaction.</summary>
    public static IServiceCollection AddJobHandler<T>(this IServiceCollection services) where T : class, IJobHandler =>
        services.AddScoped<IJobHandler, T>();
}
