using Academy.Core.Content;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Enrolment.Service;

/// <summary>Offerings made to measure for enrolment tests, and reads of what the service wrote.</summary>
internal static class EnrolmentTestKit
{
    public sealed record TestEdition(string OfferingId, string EditionId, string Title);

    /// <summary>Publishes a Training (or <paramref name="type"/>) with one edition whose first session starts at <paramref name="startUtc"/>.</summary>
    public static Task<TestEdition> CreateEditionAsync(
        AcademyFactory factory,
        int capacity,
        DateTime? startUtc = null,
        bool requiresApproval = false,
        int? cancellationDays = null,
        IReadOnlyList<string>? prerequisites = null,
        bool publish = true,
        string type = "Training") =>
        CreateEditionAsync(factory.Services, capacity, startUtc, requiresApproval, cancellationDays, prerequisites, publish, type);

    /// <inheritdoc cref="CreateEditionAsync(AcademyFactory, int, DateTime?, bool, int?, IReadOnlyList{string}?, bool, string)"/>
    public static async Task<TestEdition> CreateEditionAsync(
        IServiceProvider services,
        int capacity,
        DateTime? startUtc = null,
        bool requiresApproval = false,
        int? cancellationDays = null,
        IReadOnlyList<string>? prerequisites = null,
        bool publish = true,
        string type = "Training")
    {
        var start = startUtc ?? DateTime.UtcNow.AddDays(30);
        var created = await TestOfferings.CreateAsync(
            services,
            new OfferingPart { Summary = "Voor de test." },
            [start, start.AddDays(7)],
            TimeSpan.FromHours(2),
            capacity,
            type: type,
            configure: prerequisites is null ? null : item => item.ApplyField(type, "Vooropleiding", new ContentPickerField { ContentItemIds = prerequisites.ToList() }),
            publish: publish,
            parts: [new EnrolmentPart { RequiresApproval = requiresApproval, CancellationDays = cancellationDays }]);
        return new TestEdition(created.OfferingId, created.EditionId, created.Title);
    }

    public static Participant Person(int n, string? prefix = null) =>
        new($"user-{prefix ?? "p"}-{n}", $"Deelnemer {n}", $"{prefix ?? "p"}{n}-{Guid.NewGuid():n}@example.nl");

    public static async Task<T> WithAsync<T>(AcademyFactory factory, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static Task<EnrolmentResult> EnrolAsync(AcademyFactory factory, string editionId, Participant participant) =>
        WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().EnrolAsync(editionId, participant));

    public static Task<IEnrolmentService> Service(AsyncServiceScope scope) =>
        Task.FromResult(scope.ServiceProvider.GetRequiredService<IEnrolmentService>());

    public static Task<List<EnrolmentRecord>> EnrolmentsAsync(AcademyFactory factory, string editionId) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<EnrolmentRecord>().AsNoTracking()
            .Where(e => e.EditionId == editionId).OrderBy(e => e.Id).ToListAsync());

    public static Task<EnrolmentRecord?> EnrolmentAsync(AcademyFactory factory, long id) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<EnrolmentRecord>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == id));

    public static Task<EditionSeatRecord?> SeatsAsync(AcademyFactory factory, string editionId) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<EditionSeatRecord>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.EditionId == editionId));

    /// <summary>The outbox messages about one enrolment, in the order they were written.</summary>
    public static Task<List<OutboxMessage>> EventsAsync(AcademyFactory factory, long enrolmentId) =>
        WithAsync(factory, sp =>
        {
            var id = enrolmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return sp.GetRequiredService<AcademyDbContext>().Outbox.AsNoTracking()
                .Where(m => m.CorrelationId == id && m.Type.StartsWith("Enrolment")).OrderBy(m => m.Id).ToListAsync();
        });

    public static async Task<List<string>> EventTypesAsync(AcademyFactory factory, long enrolmentId) =>
        (await EventsAsync(factory, enrolmentId)).Select(m => m.Type).ToList();
}
