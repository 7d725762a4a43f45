using Academy.Core.Background;
using Academy.Core.Data;
using Academy.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Platform;

/// <summary>
/// A site (SQLite, or PostgreSQL when given a connection) whose clock is a <see cref="ManualClock"/>,
/// with extra services for the test (handlers) and the settings given. Background work is drained by hand.
/// </summary>
public sealed class PlatformSite : IDisposable
{
    private readonly AcademyFactory _factory;

    public PlatformSite(Action<IServiceCollection>? services = null, string? postgres = null, IDictionary<string, string>? settings = null, bool background = false)
    {
        _factory = postgres is null ? new AcademyFactory { BackgroundEnabled = background } : new AcademyFactory(postgres) { BackgroundEnabled = background };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _factory.Settings[key] = value;
        }
        App = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(s);
        }));
    }

    public ManualClock Clock { get; } = new();

    public WebApplicationFactory<Program> App { get; }

    public IServiceProvider Services => App.Services;

    public AcademyFactory Factory => _factory;

    /// <summary>Runs every background processor until all are idle (as <see cref="AcademyFactory.DrainBackgroundAsync"/>).</summary>
    public async Task<int> DrainAsync(int maxRounds = 50)
    {
        var total = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            var handled = 0;
            await using var scope = Services.CreateAsyncScope();
            foreach (var processor in scope.ServiceProvider.GetServices<IBackgroundProcessor>())
            {
                handled += await processor.ProcessBatchAsync(CancellationToken.None);
            }
            total += handled;
            if (handled == 0)
            {
                break;
            }
        }
        return total;
    }

    /// <summary>Runs one query or change on a fresh unit of work.</summary>
    public async Task<T> WithDbAsync<T>(Func<AcademyDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AcademyDbContext>());
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>One processor of type <typeparamref name="T"/> from a new scope (each with its own lease owner).</summary>
    public (T Processor, AsyncServiceScope Scope) Processor<T>() where T : IBackgroundProcessor
    {
        var scope = Services.CreateAsyncScope();
        return (scope.ServiceProvider.GetServices<IBackgroundProcessor>().OfType<T>().Single(), scope);
    }

    public void Dispose()
    {
        App.Dispose();
        _factory.Dispose();
    }
}
