using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Academy.Testing;
using Academy.Tests.Enrolment.Pages;
using Academy.Tests.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Attendance.AttendanceTestKit;

namespace Academy.Tests.Accreditation.Attendance;

/// <summary>The "Enrolments" recipe step: confirmed participants on a group that already started, through the seat counter, once.</summary>
public sealed class EnrolmentsStepTests(SqliteAttendanceSite site) : IClassFixture<SqliteAttendanceSite>
{
    private AcademyFactory Factory => site.Factory;

    private Task<(List<EnrolmentRecord> Enrolments, int Taken, int Events)> StateAsync(string editionId) =>
        WithAsync(Factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            var enrolments = await db.Set<EnrolmentRecord>().AsNoTracking().Where(e => e.EditionId == editionId).OrderBy(e => e.Id).ToListAsync();
            var taken = await db.Set<EditionSeatRecord>().AsNoTracking().Where(s => s.EditionId == editionId).Select(s => s.Taken).SingleAsync();
            var ids = enrolments.Select(e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var events = await db.Outbox.AsNoTracking().CountAsync(m => m.CorrelationId != null && ids.Contains(m.CorrelationId) && m.Type.StartsWith("Enrolment"));
            return (enrolments, taken, events);
        });

    [Fact]
    public async Task Running_the_step_twice_seeds_confirmed_participants_once_and_links_accounts()
    {
        var edition = await CreateEditionAsync(Factory);
        var account = await PagesTestKit.PersonAsync(Factory, "Professional");
        var recipe = EnrolmentsRecipe(edition.EditionId, [Guest("Gerda Gast"), (account.Email.ToUpperInvariant(), "")]);

        await UsersTestKit.RunRecipeOrFailAsync(Factory, recipe);
        await UsersTestKit.RunRecipeOrFailAsync(Factory, recipe);

        var (enrolments, taken, events) = await StateAsync(edition.EditionId);
        Assert.Equal(2, enrolments.Count);
        Assert.All(enrolments, e => Assert.Equal(EnrolmentStatus.Confirmed, e.Status));
        Assert.Equal(2, taken);
        Assert.Equal(0, events); // seed data mails nobody
        var linked = enrolments.Single(e => e.ParticipantEmail == account.Email);
        Assert.Equal((account.UserId, account.Name), (linked.UserId, linked.ParticipantName));
        Assert.Null(enrolments.Single(e => e.ParticipantName == "Gerda Gast").UserId);
    }

    [Fact]
    public async Task An_unknown_group_or_a_missing_name_is_a_Dutch_recipe_error_that_changes_nothing()
    {
        var edition = await CreateEditionAsync(Factory);

        var unknown = await UsersTestKit.RunRecipeAsync(Factory, EnrolmentsRecipe("groep-bestaat-niet", [Guest("Iemand")]));
        var nameless = await UsersTestKit.RunRecipeAsync(Factory, EnrolmentsRecipe(edition.EditionId, [Guest("Eerst Goed"), ("zonder-account@example.nl", "")]));

        Assert.Contains("De groep 'groep-bestaat-niet' bestaat niet", unknown!.Reason);
        Assert.Equal("'Name' is verplicht als er geen account met dit e-mailadres is.", nameless!.Reason);
        Assert.Empty(await PagesTestKit.RecordsAsync(Factory, edition.EditionId));
    }

    [Fact]
    public async Task A_full_group_is_refused_by_the_seat_counter()
    {
        var edition = await CreateEditionAsync(Factory);
        var people = Enumerable.Range(1, 11).Select(i => Guest($"Plaats {i}")).ToList();

        var error = await UsersTestKit.RunRecipeAsync(Factory, EnrolmentsRecipe(edition.EditionId, people));

        Assert.NotNull(error);
        Assert.Contains("Deze groep is vol", error.Reason);
        Assert.Empty(await PagesTestKit.RecordsAsync(Factory, edition.EditionId));
    }
}
