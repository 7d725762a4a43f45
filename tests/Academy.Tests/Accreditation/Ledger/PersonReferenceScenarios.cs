using System.Data.Common;
using Academy.Accreditation.Abstractions;
using Academy.Accreditation.Data;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Dashboard;
using Academy.Accreditation.Services.Exports;
using Academy.Accreditation.Services.Ledger;
using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Testing;
using Academy.Tests.Accreditation.Reports;
using Academy.Tests.Admin;
using Academy.Tests.Enrolment.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Ledger.LedgerTestKit;

namespace Academy.Tests.Accreditation.Ledger;

/// <summary>
/// The ledger's person reference (privacy review, issue 9 point 5): a name or address is corrected or erased on the
/// person row, the append-only entries stay as they are. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class PersonReferenceScenarios
{
    protected abstract Task<AcademyFactory> SiteAsync();

    [Fact]
    public async Task Correcting_a_name_and_address_changes_certificate_check_and_export_but_no_entry()
    {
        var factory = await SiteAsync();
        var done = await CompleteAsync(factory, await CreateEditionAsync(factory, Accredit(Registerplein, 3, "RP-JUIST")));
        var certificate = Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
        var before = await EntriesAsync(factory, done.EnrolmentId);
        var corrected = $"juist-{Guid.NewGuid():n}@example.nl";

        var result = await CorrectAsync(factory, certificate.PersonId, "  Juiste Naam ", corrected.ToUpperInvariant());

        Assert.True(result.Succeeded, result.Error);
        var check = await AdminTestKit.Anonymous(factory).GetAsync($"/certificaat/{certificate.Code}");
        Assert.Equal("Juiste Naam", check.Document.QuerySelector("#certificaat-naam")!.TextContent.Trim());
        Assert.DoesNotContain(done.Participant.Name, check.Html);
        var after = await EntriesAsync(factory, done.EnrolmentId);
        Assert.Equal(before.Select(e => (e.Id, e.PersonId, e.Hours)), after.Select(e => (e.Id, e.PersonId, e.Hours)));
        Assert.Equal(3m, Assert.Single(await TotalsAsync(factory, new LedgerPerson(null, corrected, ""))).Hours);
        Assert.Empty(await TotalsAsync(factory, new LedgerPerson(null, done.Participant.Email, "")));
        var names = await ExportNamesAsync(factory, done.EditionId);
        Assert.Contains("Juiste Naam", names);
        Assert.DoesNotContain(done.Participant.Name, names);
    }

    [Fact]
    public async Task Bad_corrections_are_refused_in_dutch_and_change_nothing()
    {
        var factory = await SiteAsync();
        var personId = await PersonIdAsync(factory, null, $"fout-{Guid.NewGuid():n}@example.nl", "Oude Naam");

        var noName = await CorrectAsync(factory, personId, "  ", "goed@example.nl");
        var badEmail = await CorrectAsync(factory, personId, "Nieuwe Naam", "Naam <iemand@example.nl>");
        var longName = await CorrectAsync(factory, personId, new string('x', 201), "goed@example.nl");
        var unknown = await CorrectAsync(factory, "onbekend", "Naam", "goed@example.nl");

        Assert.Equal(("Vul de naam in.", "person-name"), (noName.Error, noName.Field));
        Assert.Equal(("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", "person-email"), (badEmail.Error, badEmail.Field));
        Assert.Equal("De naam mag hoogstens 200 tekens lang zijn.", longName.Error);
        Assert.Equal("Deze persoon bestaat niet.", unknown.Error);
        Assert.Equal("Oude Naam", (await PersonRowAsync(factory, personId))!.Name);
    }

    [Fact]
    public async Task Anonymising_keeps_totals_check_and_export_and_leaves_no_name_or_address_in_the_module()
    {
        var factory = await SiteAsync();
        var account = await PagesTestKit.PersonAsync(factory);
        var participant = new Participant(account.UserId, "Wis " + Guid.NewGuid().ToString("n")[..8], account.Email);
        var register = await ReportsTestKit.RegisterAsync(factory);
        var done = await CompleteAsync(factory, await CreateEditionAsync(factory, Accredit(register.Id, 4, "WIS-1")), participant);
        // Hours under the same address recorded without an account (signed up by an employer) count for the account, too.
        var manual = await LedgerAsync(factory, l => l.AddManualAsync(new LedgerPerson(null, account.Email, participant.Name), register.Id, 1.5m, Today, "Nagekomen", "Presentielijst", "test"));
        Assert.True(manual.Succeeded, manual.Error);
        await ReportsTestKit.NumberAsync(factory, participant, register.Id, register.Prefix + new string('1', register.Digits));
        await ReportsTestKit.ConsentAsync(factory, participant, true);
        var certificate = Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
        var year = new DateOnly(Today.Year, 1, 1);
        var factsBefore = await FactsAsync(factory, register.Id, year);
        Assert.Equal(5.5m, factsBefore.Sum(f => f.Hours));
        Assert.Single(factsBefore.Select(f => f.PersonKey).Distinct());

        var anonymised = await WithAsync(factory, async sp =>
        {
            var count = await sp.GetRequiredService<ILedgerPersonalData>().AnonymiseAsync(account.UserId, account.Email.ToUpperInvariant());
            await sp.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
            return count;
        });

        Assert.Equal(2, anonymised);
        var factsAfter = await FactsAsync(factory, register.Id, year);
        Assert.Equal(5.5m, factsAfter.Sum(f => f.Hours));
        Assert.Equal(factsBefore.Count, factsAfter.Count);
        Assert.Single(factsAfter.Select(f => f.PersonKey).Distinct());
        var check = await AdminTestKit.Anonymous(factory).GetAsync($"/certificaat/{certificate.Code}");
        Assert.Contains("Geldig", check.Document.QuerySelector("#certificaat-status")!.TextContent);
        Assert.Contains("4 uren", check.Document.QuerySelector("#uren")!.TextContent);
        Assert.Null(check.Document.QuerySelector("#certificaat-naam"));
        Assert.DoesNotContain(participant.Name, check.Html);
        var report = (await WithAsync(factory, sp => sp.GetRequiredService<RegisterReportQuery>().ForEditionAsync(done.EditionId)))!.For(register.Id)!;
        Assert.Empty(report.Reportable);
        Assert.Equal([LedgerPeople.AnonymisedName], report.NotReportable.Select(p => p.Name));
        Assert.Empty(await TotalsAsync(factory, new LedgerPerson(account.UserId, account.Email, "")));
        Assert.Empty(await ModuleValuesContainingAsync(factory, account.Email, participant.Name, account.UserId));
    }

    private static Task<LedgerResult<AccreditationPersonRecord>> CorrectAsync(AcademyFactory factory, string personId, string name, string email) =>
        WithAsync(factory, async sp =>
        {
            var result = await sp.GetRequiredService<LedgerPersonCorrections>().CorrectAsync(personId, name, email);
            await sp.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
            return result;
        });

    private static Task<IReadOnlyList<LedgerFact>> FactsAsync(AcademyFactory factory, string registerId, DateOnly from) =>
        WithAsync(factory, sp => sp.GetRequiredService<LedgerFacts>().LoadAsync(registerId, from, from.AddYears(1)));

    private static async Task<List<string>> ExportNamesAsync(AcademyFactory factory, string editionId)
    {
        var report = await WithAsync(factory, sp => sp.GetRequiredService<RegisterReportQuery>().ForEditionAsync(editionId));
        return report!.Registers.SelectMany(r => r.Reportable.Select(p => p.Name).Concat(r.NotReportable.Select(p => p.Name))).ToList();
    }

    /// <summary>Every value in every table of the accreditation module that contains one of <paramref name="needles"/> (case-insensitive).</summary>
    internal static Task<List<string>> ModuleValuesContainingAsync(AcademyFactory factory, params string[] needles) =>
        WithAsync(factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            var tables = db.Model.GetEntityTypes()
                .Where(t => t.ClrType.Namespace == typeof(LedgerEntryRecord).Namespace)
                .Select(t => t.GetTableName()!).Distinct().ToList();
            Assert.Contains(AccreditationModel.PersonsTable, tables);
            var hits = new List<string>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using DbDataReader reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (reader.GetValue(i) is string text && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                        {
                            hits.Add($"{table}.{reader.GetName(i)}: {text}");
                        }
                    }
                }
            }
            return hits;
        });
}

public sealed class PersonReferenceSqliteTests(SqliteLedgerSite site) : PersonReferenceScenarios, IClassFixture<SqliteLedgerSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class PersonReferencePostgresTests(PostgresFixture postgres, PostgresLedgerSite site) : PersonReferenceScenarios, IClassFixture<PostgresLedgerSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
