using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Profile;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Attendance.AttendanceTestKit;

namespace Academy.Tests.Accreditation;

public sealed class SqliteBadInputSite : SqliteSite;

/// <summary>
/// The bad-input cases end to end: after a group completed and its hours were awarded by the workflow,
/// a malformed register number, attendance for someone who is not a participant and a double completion each get a
/// clear Dutch error and leave the hours ledger exactly as it was, also after the background work has run.
/// </summary>
public sealed class BadInputLedgerTests(SqliteBadInputSite site) : IClassFixture<SqliteBadInputSite>
{
    [Fact]
    public async Task Bad_input_after_an_award_gets_a_dutch_error_and_leaves_the_ledger_unchanged()
    {
        var factory = site.Factory;
        var edition = await TestOfferings.CreateAsync(
            factory.Services,
            new OfferingPart { Summary = "Voor de test." },
            TestOfferings.DaysFromNow(-3),
            TimeSpan.FromHours(3),
            capacity: 10,
            titlePrefix: "Foute-invoertraining",
            parts: [new AccreditationPart { Accreditations = [new() { RegisterId = "registerplein", Hours = 3, Code = "RP-TEST" }] }]);
        var people = await SeedAsync(factory, edition.EditionId, Guest("Anna Aanwezig"), Guest("Bram Aanwezig"));
        var saved = await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(people[0]), Present(people[1]));
        Assert.True(saved.Succeeded);
        await factory.DrainBackgroundAsync();
        var before = await LedgerAsync(factory);
        Assert.Equal(6m, before.Where(e => e.OfferingId == edition.OfferingId).Sum(e => e.Hours));

        // Attendance for someone who is not in this group (an enrolment of another group).
        var other = await TestOfferings.CreateAsync(factory.Services, new OfferingPart { Summary = "Andere groep." },
            TestOfferings.DaysFromNow(-3), TimeSpan.FromHours(3), capacity: 10);
        var stranger = (await SeedAsync(factory, other.EditionId, Guest("Sara Vreemd")))[0];
        var refused = await SaveAsync(factory, edition.EditionId, edition.SessionIds[0], Present(people[0]), Present(stranger));
        Assert.False(refused.Succeeded);
        // The stranger's name is not revealed to whoever takes this group's attendance.
        Assert.Contains(refused.Errors, e => e.Message == $"Aanmelding {stranger.EnrolmentId} is geen deelnemer van deze groep.");
        Assert.DoesNotContain(refused.Errors, e => e.Message.Contains("Sara", StringComparison.Ordinal));

        // A double completion.
        var again = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentCompletion>().MarkCompletedAsync(people[0].EnrolmentId, "coordinator"));
        Assert.Equal("Deze deelname is al afgerond.", again.Error);

        // A malformed register number on the profile.
        var profile = await WithAsync(factory, sp => sp.GetRequiredService<RegisterProfileService>()
            .SaveAsync("gebruiker-" + Guid.NewGuid().ToString("n"), new Dictionary<string, string?> { ["registerplein"] = "RP12AB56" }, consent: true));
        Assert.False(profile.Succeeded);
        Assert.True(profile.FieldErrors.ContainsKey("registerplein"));

        await factory.DrainBackgroundAsync();
        var after = await LedgerAsync(factory);
        Assert.Equal(before.Select(e => (e.Id, e.Hours, e.Kind)), after.Select(e => (e.Id, e.Hours, e.Kind)));
        Assert.Equal(2, await WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<CertificateRecord>()
            .CountAsync(c => c.OfferingId == edition.OfferingId)));
    }

    private static Task<List<LedgerEntryRecord>> LedgerAsync(AcademyFactory factory) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<LedgerEntryRecord>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
}
