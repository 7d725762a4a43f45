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
        var key = Guid.NewGuid().ToString("n")[..12];
        var title = $"Presentietraining {key}";
        var now = DateTime.UtcNow;
        var sessionList = (sessions ?? PastSessions).Select((offset, i) =>
        {
            var start = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc) + offset;
            return new Session { SessionId = $"b{i + 1}-{key}", Start = start, End = start.AddMinutes(minutes), Location = "Zaal 2", Place = "Arnhem" };
        }).ToList();
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var item = await content.NewAsync("Training");
        item.DisplayText = title;
        item.Apply(new TitlePart { Title = title });
        item.Apply(new AutoroutePart { Path = "presentie-" + key });
        item.Apply(new OfferingPart { Summary = "Voor de test.", CompletionRule = rule, CompletionPercent = percent });
        item.Apply(new EditionsPart
        {
            Editions =
            [
                new Edition
                {
                    EditionId = "groep-" + key,
                    Name = "Groep " + key[..4],
                    Capacity = 10,
                    TrainerEmails = trainerEmails.ToList(),
                    Sessions = sessionList,
                },
            ],
        });
        await content.SaveAndPublishAsync(item);
        return new AttendanceEdition(item.ContentItemId, "groep-" + key, title, sessionList.Select(s => s.SessionId).ToList());
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
