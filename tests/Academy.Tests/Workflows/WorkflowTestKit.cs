using Academy.Leeragenda.Abstractions;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Core.Jobs;
using Academy.Testing;
using Academy.Workflows.Abstractions;
using Academy.Workflows.Models;
using Academy.Workflows.Services;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Academy.Email.Abstractions;

namespace Academy.Tests.Workflows;

/// <summary>A clock the tests move forward (timers).</summary>
public sealed class MutableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The mail queue's contract: a key is queued once. Records every attempt; can fail once after recording (a crash mid-step).</summary>
public sealed class RecordingMailQueue : IMailQueue
{
    public ConcurrentDictionary<string, MailDraft> Queued { get; } = new();
    public ConcurrentQueue<string> Attempts { get; } = new();
    public bool FailOnceAfterEnqueue { get; set; }

    public Task EnqueueAsync(MailDraft draft, CancellationToken cancellationToken = default)
    {
        Attempts.Enqueue(draft.IdempotencyKey);
        Queued.TryAdd(draft.IdempotencyKey, draft);
        if (FailOnceAfterEnqueue)
        {
            FailOnceAfterEnqueue = false;
            throw new InvalidOperationException("De mailserver gaf een storing.");
        }
        return Task.CompletedTask;
    }

    public IReadOnlyList<MailDraft> For(long instanceId) =>
        Queued.Values.Where(d => d.IdempotencyKey.StartsWith($"wf:{instanceId}:", StringComparison.Ordinal)).ToList();
}

public sealed class RecordingJobScheduler : IJobScheduler
{
    public ConcurrentDictionary<(string Kind, string Key), DateTime> Jobs { get; } = new();

    public Task ScheduleAsync(string kind, string key, DateTime dueUtc, string? payload = null, CancellationToken cancellationToken = default)
    {
        Jobs[(kind, key)] = dueUtc;
        return Task.CompletedTask;
    }

    public Task CancelAsync(string kind, string key, CancellationToken cancellationToken = default)
    {
        Jobs.TryRemove((kind, key), out _);
        return Task.CompletedTask;
    }
}

public sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<(string UserId, string Text, string? Url)> Sent { get; } = new();

    public Task NotifyAsync(string userId, string text, string? url = null, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((userId, text, url));
        return Task.CompletedTask;
    }
}

public sealed class FakeEditionCatalog : IEditionCatalog
{
    public static readonly byte[] Ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray();

    public Task<EditionInfo?> GetAsync(string editionId, CancellationToken cancellationToken = default) => Task.FromResult<EditionInfo?>(null);

    public Task<IReadOnlyList<EditionInfo>> ListForOfferingAsync(string offeringId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EditionInfo>>([]);

    public Task<IReadOnlyList<EditionInfo>> ListInPeriodAsync(DateTime fromUtc, DateTime toUtc, string? trainerEmail = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EditionInfo>>([]);

    public Task<byte[]?> IcsAsync(string editionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(editionId == "editie-1" ? Ics : null);
}

/// <summary>
/// A seeded site with the Workflows module and in-test stand-ins for the mail queue, composer, notifier,
/// job scheduler and clock (their real implementations live in other modules), plus test-only events.
/// </summary>
public sealed class WorkflowSite : IAsyncDisposable
{
    /// <summary>Test-only domain events; each test starts its types on its own so tests sharing a site do not start each other's.</summary>
    public static readonly string[] Events =
        ["WfMail", "WfResume", "WfContinue", "WfTimer", "WfStop", "WfRetry", "WfOnce", "WfNotify", "WfRights", "WfEditor", "WfSignal", "WfRecipe",
         "WfVersion", "WfVersionGo", "WfIndex", "WfIndexOther", "WfMigrate", "WfMigrateGo", "WfMigrateOld", "WfRetryVersion"];

    private readonly AcademyFactory _root;

    public WorkflowSite(string? postgresConnection = null, params string[] extraEvents)
    {
        _root = postgresConnection is null ? new AcademyFactory() : new AcademyFactory(postgresConnection);
        Factory = _root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Mail);
            services.AddScoped<IMailQueue>(_ => Mail);
            services.AddSingleton(Jobs);
            services.AddScoped<IJobScheduler>(_ => Jobs);
            services.AddScoped<INotifier>(_ => Notifier);
            services.AddScoped<IEditionCatalog, FakeEditionCatalog>();
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var name in Events.Concat(extraEvents))
            {
                services.AddWorkflowEvent(name, $"Testgebeurtenis {name}");
            }
        }));
        _ = Factory.Server;
    }

    public WebApplicationFactory<Program> Factory { get; }
    public RecordingMailQueue Mail { get; } = new();
    public RecordingJobScheduler Jobs { get; } = new();
    public RecordingNotifier Notifier { get; } = new();
    public MutableClock Clock { get; } = new();

    /// <summary>The text of a queued mail as the mail dispatcher hands it over: one-time link references made into links.</summary>
    public async Task<string> DeliveredTextAsync(MailDraft draft)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var mail = new Academy.Email.Models.MailMessageRecord { To = draft.To, Html = draft.HtmlBody, Text = draft.TextBody };
        await scope.ServiceProvider.GetRequiredService<Academy.Email.Services.MailLinkExpander>().ExpandAsync(mail, CancellationToken.None);
        return mail.Text;
    }

    public HttpClient CreateBrowserClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Stores a workflow type (any problems are kept, like a recipe import does).</summary>
    public Task SaveTypeAsync(string json) => WithScopeAsync(async services =>
    {
        var definition = services.GetRequiredService<WorkflowValidator>().Validate(json).Definition
            ?? throw new InvalidOperationException("Unreadable test workflow type");
        return await services.GetRequiredService<WorkflowTypeStore>().SaveAsync(definition, json, expectedVersion: null);
    });

    /// <summary>Hands an outbox message to the workflow event handler, as the outbox dispatcher does.</summary>
    public Task RaiseAsync(string type, object payload, string? correlationId) => WithScopeAsync(async services =>
    {
        var handler = services.GetServices<IDomainEventHandler>().OfType<WorkflowEventHandler>().Single();
        await handler.HandleAsync(new OutboxMessage
        {
            Type = type,
            Payload = System.Text.Json.JsonSerializer.Serialize(payload),
            CorrelationId = correlationId,
            OccurredUtc = Clock.GetUtcNow().UtcDateTime,
        }, CancellationToken.None);
        return true;
    });

    public Task<List<WorkflowInstanceRecord>> InstancesAsync(string typeId) => WithScopeAsync(services =>
        services.GetRequiredService<AcademyDbContext>().Set<WorkflowInstanceRecord>().AsNoTracking()
            .Where(i => i.WorkflowTypeId == typeId).OrderBy(i => i.Id).ToListAsync());

    public async Task<WorkflowInstanceRecord> SingleInstanceAsync(string typeId) => Assert.Single(await InstancesAsync(typeId));

    public Task<List<WorkflowJournalRecord>> JournalAsync(long instanceId) => WithScopeAsync(services =>
        services.GetRequiredService<AcademyDbContext>().Set<WorkflowJournalRecord>().AsNoTracking()
            .Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync());

    public static JsonObject Json(string json) => (JsonObject)JsonNode.Parse(json)!;

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
    }
}
