using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Services.Attendance;
using Academy.Core.Contracts;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using static Academy.Tests.Accreditation.Attendance.AttendanceTestKit;

namespace Academy.Tests.Accreditation.Attendance;

public sealed class SqliteAttendanceSite : SqliteSite;

public sealed class PostgresAttendanceSite : PostgresSite
{
    protected override string DatabaseName => "attendance";
}

public sealed class AttendanceServiceSqliteTests(SqliteAttendanceSite site) : AttendanceServiceTests, IClassFixture<SqliteAttendanceSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class AttendanceServicePostgresTests(PostgresFixture postgres, PostgresAttendanceSite site) : AttendanceServiceTests, IClassFixture<PostgresAttendanceSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}

/// <summary>Saving attendance and completing enrolments by the completion rule, on SQLite and PostgreSQL.</summary>
public abstract class AttendanceServiceTests
{
    protected abstract Task<AcademyFactory> SiteAsync();

    [Fact]
    public async Task Registering_the_last_session_completes_who_was_present_at_all_and_raises_one_event_each()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory);
        var people = await SeedAsync(factory, edition.EditionId, Guest("Anna Aanwezig"), Guest("Bert Deels"));
        var (anna, bert) = (people[0], people[1]);

        var first = await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(anna), Present(bert));
        Assert.True(first.Succeeded, string.Join(" ", first.Errors.Select(e => e.Message)));
        Assert.Empty(first.CompletedNames);
        Assert.Equal(EnrolmentStatus.Confirmed, await StatusAsync(factory, anna.EnrolmentId));

        var last = await SaveAsync(factory, edition.EditionId, edition.SessionIds[1], Present(anna), Partial(bert, 90));

        Assert.True(last.Succeeded, string.Join(" ", last.Errors.Select(e => e.Message)));
        Assert.Equal(["Anna Aanwezig"], last.CompletedNames);
        Assert.Equal(EnrolmentStatus.Completed, await StatusAsync(factory, anna.EnrolmentId));
        Assert.Equal(EnrolmentStatus.Confirmed, await StatusAsync(factory, bert.EnrolmentId));
        Assert.Equal(1, await CompletedEventsAsync(factory, anna.EnrolmentId));
        Assert.Equal(0, await CompletedEventsAsync(factory, bert.EnrolmentId));
        var records = await RecordsAsync(factory, edition.EditionId);
        Assert.Equal(4, records.Count);
        Assert.Equal(90, records.Single(r => r.EnrolmentId == bert.EnrolmentId && r.SessionId == edition.SessionIds[1]).MinutesPresent);
    }

    [Fact]
    public async Task Minimum_percent_completes_at_the_threshold_and_not_one_minute_below()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, rule: CompletionRuleKind.MinimumPercent, percent: 75);
        var people = await SeedAsync(factory, edition.EditionId, Guest("Exact Drempel"), Guest("Net Niet"));
        var (exact, below) = (people[0], people[1]);
        Assert.True((await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(exact), Present(below))).Succeeded);

        var result = await SaveAsync(factory, edition.EditionId, edition.SessionIds[1], Partial(exact, 60), Partial(below, 59));

        Assert.True(result.Succeeded);
        Assert.Equal(["Exact Drempel"], result.CompletedNames);
        Assert.Equal(EnrolmentStatus.Completed, await StatusAsync(factory, exact.EnrolmentId));
        Assert.Equal(EnrolmentStatus.Confirmed, await StatusAsync(factory, below.EnrolmentId));
    }

    [Fact]
    public async Task A_marked_complete_offering_is_never_completed_by_attendance()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory, rule: CompletionRuleKind.MarkedComplete);
        var person = (await SeedAsync(factory, edition.EditionId, Guest("Eva E-learning")))[0];

        foreach (var session in edition.SessionIds)
        {
            Assert.True((await SaveAsync(factory, edition.EditionId, session, Present(person))).Succeeded);
        }

        Assert.Equal(EnrolmentStatus.Confirmed, await StatusAsync(factory, person.EnrolmentId));
        Assert.Equal(0, await CompletedEventsAsync(factory, person.EnrolmentId));
    }

    [Fact]
    public async Task Saving_again_corrects_the_register_and_never_completes_twice()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory);
        var person = (await SeedAsync(factory, edition.EditionId, Guest("Dirk Dubbel")))[0];
        Assert.True((await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(person))).Succeeded);

        var first = await SaveAsync(factory, edition.EditionId, edition.SessionIds[1], Present(person));
        var second = await SaveAsync(factory, edition.EditionId, edition.SessionIds[1], Present(person));
        var corrected = await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Partial(person, 30));
        var back = await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(person));

        Assert.Equal(["Dirk Dubbel"], first.CompletedNames);
        Assert.All(new[] { second, corrected, back }, r => Assert.True(r.Succeeded && r.CompletedNames.Count == 0));
        Assert.Equal(1, await CompletedEventsAsync(factory, person.EnrolmentId));
        var records = await RecordsAsync(factory, edition.EditionId);
        Assert.Equal(2, records.Count); // updated in place, one row per session and participant
        Assert.All(records, r => Assert.Equal(Academy.Accreditation.Models.AttendanceStatus.Present, r.Status));
    }

    [Fact]
    public async Task Concurrent_saves_of_the_last_session_complete_the_participant_once()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory);
        var person = (await SeedAsync(factory, edition.EditionId, Guest("Gelijk Tijdig")))[0];
        Assert.True((await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(person))).Succeeded);
        Assert.True((await SaveAsync(factory, edition.EditionId, edition.SessionIds[1], Absent(person))).Succeeded);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var saves = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await SaveAsync(factory, edition.EditionId, edition.SessionIds[1], Present(person));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(saves);

        // A save that lost a race is told so (nothing half-done); none completes a second time.
        Assert.All(results, r => Assert.True(r.Succeeded || r.Errors.Single().Message == AttendanceMessages.Changed));
        Assert.Equal(1, results.Sum(r => r.CompletedNames.Count));
        Assert.Equal(1, await CompletedEventsAsync(factory, person.EnrolmentId));
        Assert.Equal(EnrolmentStatus.Completed, await StatusAsync(factory, person.EnrolmentId));
        Assert.Equal(2, (await RecordsAsync(factory, edition.EditionId)).Count);
    }

    [Fact]
    public async Task Attendance_for_someone_not_in_the_group_is_refused_and_nothing_is_saved()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory);
        var other = await CreateEditionAsync(factory);
        var member = (await SeedAsync(factory, edition.EditionId, Guest("Lid Vandegroep")))[0];
        var outsider = (await SeedAsync(factory, other.EditionId, Guest("Olaf Buitenstaander")))[0];

        var result = await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(member), Present(outsider));

        Assert.False(result.Succeeded);
        // The id was posted; who is enrolled in another group is not revealed.
        Assert.Equal([$"Aanmelding {outsider.EnrolmentId} is geen deelnemer van deze groep."], result.Errors.Select(e => e.Message));
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("Olaf", StringComparison.Ordinal));
        Assert.Empty(await RecordsAsync(factory, edition.EditionId));
    }

    [Fact]
    public async Task Every_line_needs_a_status_and_partial_needs_minutes_within_the_session_or_nothing_is_saved()
    {
        var factory = await SiteAsync();
        var edition = await CreateEditionAsync(factory);
        var people = await SeedAsync(factory, edition.EditionId, Guest("Geen Keuze"), Guest("Te Lang"), Guest("Goed Gevuld"));

        var result = await SaveAsync(factory, edition.EditionId, edition.SessionIds[0],
            new AttendanceLine(people[0].EnrolmentId, null, null), Partial(people[1], 120), Present(people[2]));
        var noMinutes = await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Partial(people[2], null));

        Assert.Equal(
            ["Kies bij Geen Keuze: aanwezig, afwezig of deels.", "Vul bij Te Lang in hoeveel minuten die aanwezig was: een heel getal van 1 tot en met 119."],
            result.Errors.Select(e => e.Message));
        Assert.Equal([people[0].EnrolmentId, people[1].EnrolmentId], result.Errors.Select(e => e.EnrolmentId!.Value));
        Assert.False(noMinutes.Succeeded);
        Assert.Empty(await RecordsAsync(factory, edition.EditionId));
    }

    [Fact]
    public async Task A_session_can_be_registered_from_an_hour_before_its_start_not_earlier()
    {
        var factory = await SiteAsync();
        // The seed needs the group to exist; sessions: one starting in 30 minutes, one in two hours.
        var edition = await CreateEditionAsync(factory, [TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)]);
        var person = (await SeedAsync(factory, edition.EditionId, Guest("Vroege Vogel")))[0];

        var soon = await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(person));
        var later = await SaveAsync(factory, edition.EditionId, edition.SessionIds[1], Present(person));
        var unknown = await SaveAsync(factory, edition.EditionId, "bestaat-niet", Present(person));

        Assert.True(soon.Succeeded);
        Assert.StartsWith("Deze bijeenkomst is nog niet begonnen.", Assert.Single(later.Errors).Message);
        Assert.Equal(AttendanceMessages.UnknownSession, Assert.Single(unknown.Errors).Message);
        Assert.Single(await RecordsAsync(factory, edition.EditionId));
        Assert.Equal(EnrolmentStatus.Confirmed, await StatusAsync(factory, person.EnrolmentId));
    }

    [Fact]
    public async Task Registering_the_last_session_as_people_arrive_before_its_start_completes_them()
    {
        var factory = await SiteAsync();
        // The last session starts in 30 minutes: its register is open, and this save is the moment to complete.
        var edition = await CreateEditionAsync(factory, [TimeSpan.FromDays(-3), TimeSpan.FromMinutes(30)]);
        var person = (await SeedAsync(factory, edition.EditionId, Guest("Vroeg Binnen")))[0];
        Assert.True((await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(person))).Succeeded);

        var last = await SaveAsync(factory, edition.EditionId, edition.SessionIds[1], Present(person));

        Assert.True(last.Succeeded);
        Assert.Equal(["Vroeg Binnen"], last.CompletedNames);
        Assert.Equal(EnrolmentStatus.Completed, await StatusAsync(factory, person.EnrolmentId));
        Assert.Equal(1, await CompletedEventsAsync(factory, person.EnrolmentId));
    }
}
