using Academy.Accreditation.Models;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Academy.Tests.Admin;
using Academy.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Academy.Accreditation.Abstractions;
using Academy.Users.Abstractions;

namespace Academy.Tests.Accreditation.Reports;

/// <summary>
/// Seeds for the report tests: an accredited edition, enrolments completed through the enrolment services, and
/// ledger, register-number and consent rows inserted directly (the ledger and profile pages are other helpers' work).
/// </summary>
internal static class ReportsTestKit
{
    public sealed record TestEdition(string OfferingId, string EditionId, string Title, string EditionName);

    /// <summary>Publishes a Training with one group (two sessions from 30 days ahead) and the given accreditations.</summary>
    public static async Task<TestEdition> CreateEditionAsync(AcademyFactory factory, params OfferingAccreditation[] accreditations)
    {
        var created = await TestOfferings.CreateAsync(
            factory.Services,
            new OfferingPart { Summary = "Voor de test." },
            TestOfferings.DaysFromNow(30, 37),
            TimeSpan.FromHours(3),
            capacity: 30,
            titlePrefix: "Accreditatietraining",
            parts: [new AccreditationPart { Accreditations = accreditations.ToList() }]);
        return new TestEdition(created.OfferingId, created.EditionId, created.Title, created.EditionName);
    }

    public static OfferingAccreditation Accredit(string registerId, decimal hours, string? code) =>
        new() { RegisterId = registerId, Hours = hours, Code = code };

    /// <summary>A participant with an (invented) account id, or without one (an employee signed up by an employer).</summary>
    public static Participant Person(string name, bool account = true)
    {
        var key = Guid.NewGuid().ToString("n");
        return new Participant(account ? "user-" + key : null, name, $"p-{key}@example.nl");
    }

    /// <summary>Enrols through the enrolment service and, when <paramref name="complete"/>, marks the enrolment completed.</summary>
    public static async Task<long> EnrolAsync(AcademyFactory factory, string editionId, Participant participant, bool complete = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IEnrolmentService>().EnrolAsync(editionId, participant);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(EnrolmentStatus.Confirmed, result.Status);
        if (complete)
        {
            var completed = await scope.ServiceProvider.GetRequiredService<IEnrolmentCompletion>().MarkCompletedAsync(result.EnrolmentId!.Value, "test");
            Assert.True(completed.Succeeded, completed.Error);
        }
        return result.EnrolmentId!.Value;
    }

    /// <summary>An award in the ledger, as the ledger's workflow would write it; returns its id.</summary>
    public static async Task<long> AwardAsync(AcademyFactory factory, Participant person, string registerId, decimal hours, DateOnly date,
        long? enrolmentId = null, string? code = null, string? organisationId = null, string? themes = null, string? editionId = null) =>
        await AddAsync(factory, new LedgerEntryRecord
        {
            IdempotencyKey = enrolmentId is { } id ? $"award:{id}:{registerId}" : $"award:test:{Guid.NewGuid():n}",
            Kind = LedgerEntryKind.Award,
            PersonId = await Ledger.LedgerTestKit.PersonIdAsync(factory, person.UserId, person.Email, person.Name),
            RegisterId = registerId,
            Hours = hours,
            ActivityDate = date,
            OfferingId = "aanbod-test",
            OfferingTitle = "Testaanbod",
            EditionId = editionId,
            EnrolmentId = enrolmentId,
            AccreditationCode = code,
            OrganisationId = organisationId,
            ThemeNames = themes,
        });

    /// <summary>A reversal of <paramref name="entryId"/>: negative hours, dated 11 months later (often another year), no snapshot of its own.</summary>
    public static async Task<long> ReverseAsync(AcademyFactory factory, long entryId)
    {
        LedgerEntryRecord original;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            original = await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().Set<LedgerEntryRecord>().FindAsync(entryId)
                ?? throw new InvalidOperationException("No such entry.");
        }
        return await AddAsync(factory, new LedgerEntryRecord
        {
            IdempotencyKey = $"reversal:{entryId}",
            Kind = LedgerEntryKind.Reversal,
            PersonId = original.PersonId,
            RegisterId = original.RegisterId,
            Hours = -original.Hours,
            ActivityDate = original.ActivityDate.AddMonths(11),
            OfferingId = original.OfferingId,
            OfferingTitle = original.OfferingTitle,
            EditionId = original.EditionId,
            EnrolmentId = original.EnrolmentId,
            ReversesEntryId = entryId,
            Reason = "Test: onterecht toegekend.",
        });
    }

    public static Task NumberAsync(AcademyFactory factory, Participant person, string registerId, string number) =>
        AddAsync(factory, new RegisterNumberRecord { UserId = person.UserId!, RegisterId = registerId, Number = number, UpdatedUtc = DateTime.UtcNow });

    public static Task ConsentAsync(AcademyFactory factory, Participant person, bool consented) =>
        AddAsync(factory, new RegisterConsentRecord { UserId = person.UserId!, Consented = consented, ChangedUtc = DateTime.UtcNow });

    /// <summary>A register of its own, so a test's dashboard figures are not mixed with other tests' entries.</summary>
    public static async Task<RegisterRecord> RegisterAsync(AcademyFactory factory, RegisterUnit unit = RegisterUnit.Uren)
    {
        var register = new RegisterRecord
        {
            Id = "test-" + Guid.NewGuid().ToString("n")[..10],
            Name = "Testregister " + Guid.NewGuid().ToString("n")[..4],
            Prefix = "TR",
            Digits = 4,
            Unit = unit,
            SortOrder = 100,
        };
        await AddAsync(factory, register);
        return register;
    }

    /// <summary>A signed-in account in an existing role of the recipe (e.g. "Leercoördinator", whose name is no valid e-mail part).</summary>
    public static async Task<Browser> SignedInAsync(AcademyFactory factory, string role)
    {
        var email = $"rol-{Guid.NewGuid():n}@example.nl";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AcademyUser>>();
            var user = new AcademyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, AdminTestKit.UserPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        var browser = new Browser(factory.CreateBrowserClient());
        await browser.LoginAsync(email, AdminTestKit.UserPassword);
        return browser;
    }

    public static async Task<IReadOnlyList<OrganisationInfo>> OrganisationsAsync(AcademyFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().ListAsync();
    }

    private static async Task<long> AddAsync<T>(AcademyFactory factory, T record) where T : class
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AcademyDbContext>();
        db.Add(record);
        await db.SaveChangesAsync();
        return record is LedgerEntryRecord entry ? entry.Id : 0;
    }
}
