using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Attendance;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Academy.Tests.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Academy.Tests.Accreditation.Attendance;

public sealed record AttendanceEdition(string OfferingId, string EditionId, string Title, IReadOnlyList<string> SessionIds);

/// <summary>Editions with sessions where the test wants them, participants seeded by the "Enrolments" recipe step, and reads of the outcome.</summary>
internal static class AttendanceTestKit
{
    /// <summary>Sessions of two hours: ten days ago and three days ago (both over, so attendance can be taken).</summary>
    public static readonly TimeSpan[] PastSessions = [TimeSpan.FromDays(-10), TimeSpan.FromDays(-3)];

    /// <summary>Publishes a Training with one edition whose sessions start at now + each offset and last <paramref name="minutes"/>.</summary>
    public static async Task<AttendanceEdition> CreateEditionAsync(AcademyFactory factory, TimeSpan[]? sessions = null, int minutes = 120,
        CompletionRuleKind rule = CompletionRuleKind.AllSessions, int? percent = null, params string[] trainerEmails)
    {
        var now = DateTime.UtcNow;
        var minute = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var created = await TestOfferings.CreateAsync(
            factory.Services,
            new OfferingPart { Summary = "Voor de test." },
            (sessions ?? PastSessions).Select(offset => minute + offset).ToList(),
            TimeSpan.FromMinutes(minutes),
            capacity: 10,
            titlePrefix: "Presentietraining",
            trainerEmails: trainerEmails,
            parts: [new AccreditationPart { CompletionRule = rule, CompletionPercent = percent }]);
        return new AttendanceEdition(created.OfferingId, created.EditionId, created.Title, created.SessionIds);
    }

    public static (string Email, string Name) Guest(string name) => ($"gast-{Guid.NewGuid():n}@example.nl", name);

    public static string EnrolmentsRecipe(string editionId, IEnumerable<(string Email, string Name)> people) =>
        UsersTestKit.Recipe($$"""
            { "name": "Enrolments", "Enrolments": [ { "EditionId": "{{editionId}}", "Participants": [
              {{string.Join(",", people.Select(p => $$"""{ "Email": "{{p.Email}}", "Name": "{{p.Name}}" }"""))}}
            ] } ] }
            """);

    /// <summary>Seeds confirmed participants through the recipe step; returns them in the order given.</summary>
    public static async Task<IReadOnlyList<RosterEntry>> SeedAsync(AcademyFactory factory, string editionId, params (string Email, string Name)[] people)
    {
        await UsersTestKit.RunRecipeOrFailAsync(factory, EnrolmentsRecipe(editionId, people));
        var roster = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentRoster>().ParticipantsAsync(editionId));
        return people.Select(p => roster.Single(r => r.Email == p.Email.ToLowerInvariant())).ToList();
    }

    public static async Task<T> WithAsync<T>(AcademyFactory factory, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static Task<AttendanceSaveResult> SaveAsync(AcademyFactory factory, string editionId, string sessionId, params AttendanceLine[] lines) =>
        WithAsync(factory, sp => sp.GetRequiredService<AttendanceService>().SaveAsync(editionId, sessionId, lines, "test-trainer"));

    public static AttendanceLine Present(RosterEntry p) => new(p.EnrolmentId, AttendanceStatus.Present, null);

    public static AttendanceLine Absent(RosterEntry p) => new(p.EnrolmentId, AttendanceStatus.Absent, null);

    public static AttendanceLine Partial(RosterEntry p, int? minutes) => new(p.EnrolmentId, AttendanceStatus.Partial, minutes);

    public static Task<List<AttendanceRecord>> RecordsAsync(AcademyFactory factory, string editionId) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<AttendanceRecord>().AsNoTracking()
            .Where(a => a.EditionId == editionId).OrderBy(a => a.Id).ToListAsync());

    public static Task<EnrolmentStatus> StatusAsync(AcademyFactory factory, long enrolmentId) =>
        WithAsync(factory, async sp => (await sp.GetRequiredService<IEnrolmentRoster>().GetAsync(enrolmentId))!.Status);

    /// <summary>How many EnrolmentCompleted events the outbox holds for the enrolment.</summary>
    public static Task<int> CompletedEventsAsync(AcademyFactory factory, long enrolmentId) =>
        WithAsync(factory, sp =>
        {
            var id = enrolmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return sp.GetRequiredService<AcademyDbContext>().Outbox.AsNoTracking()
                .CountAsync(m => m.CorrelationId == id && m.Type == "EnrolmentCompleted");
        });
}
