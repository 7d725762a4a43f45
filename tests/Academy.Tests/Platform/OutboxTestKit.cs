using System.Collections.Concurrent;
using Academy.Core.Data;
using Academy.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Platform;

/// <summary>An event only these tests publish.</summary>
public sealed record PlatformTestEvent(string CorrelationId, int Number) : IDomainEvent;

/// <summary>What the recording handler saw, and which messages it should fail on.</summary>
public sealed class HandlerLog
{
    public ConcurrentQueue<long> Handled { get; } = new();
    /// <summary>Correlation ids whose handling throws (until removed).</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();
    /// <summary>When set, the handler writes a document per message (to check it commits with ProcessedUtc).</summary>
    public bool WriteDocuments { get; set; }
    public int Calls;
}

/// <summary>Records test events; writes a document first and throws afterwards for failing ones.</summary>
public sealed class RecordingHandler(HandlerLog log, AcademyDbContext db) : IDomainEventHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Type != nameof(PlatformTestEvent))
        {
            return;
        }
        Interlocked.Increment(ref log.Calls);
        if (log.WriteDocuments)
        {
            db.Documents.Add(new DocumentRecord { Key = $"handled-{message.Id}-{Guid.NewGuid():n}", Json = "{}" });
            await db.SaveChangesAsync(cancellationToken);
        }
        await Task.Yield();
        if (message.CorrelationId is { } id && log.Failing.ContainsKey(id))
        {
            throw new InvalidOperationException($"Handler fails for {id}");
        }
        log.Handled.Enqueue(message.Id);
    }
}

public static class OutboxTestKit
{
    public static PlatformSite Site(HandlerLog log, string? postgres = null) =>
        new(s =>
        {
            s.AddSingleton(log);
            s.AddScoped<IDomainEventHandler, RecordingHandler>();
        }, postgres);

    /// <summary>Publishes <paramref name="count"/> test events in one transaction; returns their outbox ids.</summary>
    public static async Task<List<long>> PublishAsync(PlatformSite site, int count, string prefix = "ev")
    {
        await using var scope = site.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EventOutbox>();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        for (var i = 0; i < count; i++)
        {
            outbox.Add(new PlatformTestEvent($"{prefix}-{i}", i));
        }
        await db.SaveChangesAsync();
        return db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity.Id).Order().ToList();
    }

    public static Task<OutboxMessage> MessageAsync(PlatformSite site, long id) =>
        site.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Outbox), m => m.Id == id));
}
