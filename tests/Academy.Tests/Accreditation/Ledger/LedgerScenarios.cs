using Academy.Core.Content;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Certificates;
using Academy.Accreditation.Services.Ledger;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Academy.Tests.Accreditation.Ledger.LedgerTestKit;

namespace Academy.Tests.Accreditation.Ledger;

/// <summary>Ledger invariants and the completion workflow, run on SQLite and on PostgreSQL (triggers, unique keys).</summary>
public abstract class LedgerScenarios
{
    protected abstract Task<AcademyFactory> SiteAsync();

    private static LedgerPerson NewPerson() => new(null, $"dossier-{Guid.NewGuid():n}@example.nl", "Dossier Persoon");

    private static AwardRequest Award(LedgerPerson person, long enrolmentId, decimal hours = 12) =>
        new(person, enrolmentId, Registerplein, hours, Today, "test-aanbod", "Testaanbod", null, "RP-1", null, ["Werk"], null, "test");

    [Fact]
    public async Task Award_is_idempotent_and_a_reversal_nets_to_zero()
    {
        var factory = await SiteAsync();
        var person = NewPerson();
        var enrolmentId = Random.Shared.NextInt64(1_000_000, 9_000_000);

        var first = await LedgerAsync(factory, l => l.AwardAsync(Award(person, enrolmentId)));
        var second = await LedgerAsync(factory, l => l.AwardAsync(Award(person, enrolmentId, hours: 99)));

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(first.Value!.Id, second.Value!.Id);
        var entries = await EntriesOfAsync(factory, person.Email);
        Assert.Equal($"award:{enrolmentId}:{Registerplein}", Assert.Single(entries).IdempotencyKey);
        Assert.Equal(new RegisterTotal(Registerplein, 12m), Assert.Single(await WithAsync(factory, sp => sp.GetRequiredService<HoursLedger>().TotalsAsync(person))));

        var reversal = await LedgerAsync(factory, l => l.ReverseAsync(first.Value.Id, "Niet aanwezig geweest", "coordinator"));

        Assert.True(reversal.Succeeded, reversal.Error);
        Assert.Equal(-12m, reversal.Value!.Hours);
        Assert.Equal(LedgerEntryKind.Reversal, reversal.Value.Kind);
        Assert.Equal($"reversal:{first.Value.Id}", reversal.Value.IdempotencyKey);
        entries = await EntriesOfAsync(factory, person.Email);
        Assert.Equal(2, entries.Count);
        Assert.Equal(0m, entries.Sum(e => e.Hours));
        Assert.Equal(0m, Assert.Single(await WithAsync(factory, sp => sp.GetRequiredService<HoursLedger>().TotalsAsync(person))).Hours);
    }

    [Fact]
    public async Task Bad_reversals_are_refused_in_dutch_and_write_nothing()
    {
        var factory = await SiteAsync();
        var person = NewPerson();
        var award = (await LedgerAsync(factory, l => l.AwardAsync(Award(person, Random.Shared.NextInt64(1_000_000, 9_000_000))))).Value!;
        var emptyReason = await LedgerAsync(factory, l => l.ReverseAsync(award.Id, "   ", "coordinator"));
        var unknown = await LedgerAsync(factory, l => l.ReverseAsync(long.MaxValue - 7, "Reden", "coordinator"));
        var reversal = (await LedgerAsync(factory, l => l.ReverseAsync(award.Id, "Reden", "coordinator"))).Value!;
        var count = await LedgerCountAsync(factory);

        var twice = await LedgerAsync(factory, l => l.ReverseAsync(award.Id, "Nog eens", "coordinator"));
        var ofReversal = await LedgerAsync(factory, l => l.ReverseAsync(reversal.Id, "Terug", "coordinator"));

        Assert.Equal("Geef een reden voor de correctie op.", emptyReason.Error);
        Assert.Equal("Deze regel bestaat niet.", unknown.Error);
        Assert.Equal("Deze regel is al teruggedraaid.", twice.Error);
        Assert.StartsWith("Een correctie kan niet zelf worden teruggedraaid.", ofReversal.Error);
        Assert.Equal(count, await LedgerCountAsync(factory));
        Assert.Equal(2, (await EntriesOfAsync(factory, person.Email)).Count);
    }

    [Fact]
    public async Task Two_reversals_of_one_entry_at_the_same_moment_add_one_row()
    {
        var factory = await SiteAsync();
        var person = NewPerson();
        var award = (await LedgerAsync(factory, l => l.AwardAsync(Award(person, Random.Shared.NextInt64(1_000_000, 9_000_000))))).Value!;
        using var start = new ManualResetEventSlim();
        using var bothChecked = new CountdownEvent(2);

        // Both pass the "already reversed?" check before either saves; the unique reversal key lets one through.
        var attempts = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<HoursLedger>().ReverseAsync(award.Id, "Tegelijk", "coordinator");
            Assert.True(result.Succeeded, result.Error);
            bothChecked.Signal();
            start.Wait(TimeSpan.FromSeconds(30));
            try
            {
                await scope.ServiceProvider.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        })).ToList();
        // Released only once both have checked, however slow the machine (a fixed pause let one save first under load).
        Assert.True(bothChecked.Wait(TimeSpan.FromSeconds(60)), "The two reversals did not both pass their check.");
        start.Set();
        var saved = await Task.WhenAll(attempts);

        Assert.Single(saved, s => s);
        var entries = await EntriesOfAsync(factory, person.Email);
        Assert.Single(entries, e => e.Kind == LedgerEntryKind.Reversal);
        Assert.Equal(0m, entries.Sum(e => e.Hours));
    }

    [Fact]
    public async Task Manual_entries_are_validated()
    {
        var factory = await SiteAsync();
        var person = NewPerson();
        Task<LedgerResult<LedgerEntryRecord>> Manual(string? register, decimal? hours, string? title = "Congres", string? reason = "Elders gevolgd", DateOnly? date = null) =>
            LedgerAsync(factory, l => l.AddManualAsync(person, register, hours, date ?? Today, title, reason, "coordinator"));

        Assert.Equal("manual-register", (await Manual("bestaat-niet", 2)).Field);
        Assert.Equal("manual-hours", (await Manual(Registerplein, 0)).Field);
        // An instruction, not a statement that contradicts what was typed ("is niet 0" after typing 0).
        Assert.Equal("Vul een aantal uren in van -1000 tot en met 1000, maar niet 0.", (await Manual(Registerplein, 0)).Error);
        Assert.Equal("manual-hours", (await Manual(Registerplein, 1000.5m)).Field);
        Assert.Equal("manual-hours", (await Manual(Registerplein, -1001)).Field);
        Assert.Equal("Gebruik hoogstens 2 cijfers achter de komma.", (await Manual(Registerplein, 1.234m)).Error);
        Assert.Equal("manual-hours", (await Manual(Registerplein, null)).Field);
        Assert.Equal("manual-title", (await Manual(Registerplein, 2, title: " ")).Field);
        Assert.Equal("manual-reason", (await Manual(Registerplein, 2, reason: "")).Field);
        Assert.Empty(await EntriesOfAsync(factory, person.Email));

        var added = await Manual(Skj, -1.5m);
        var plus = await Manual(Skj, 4.25m);

        Assert.True(added.Succeeded && plus.Succeeded);
        var entries = await EntriesOfAsync(factory, person.Email);
        Assert.All(entries, e => Assert.Equal(LedgerEntryKind.Manual, e.Kind));
        Assert.Equal(2.75m, Assert.Single(await WithAsync(factory, sp => sp.GetRequiredService<HoursLedger>().TotalsAsync(person))).Hours);
    }

    [Fact]
    public async Task The_database_refuses_update_and_delete_of_ledger_rows()
    {
        var factory = await SiteAsync();
        var person = NewPerson();
        var award = (await LedgerAsync(factory, l => l.AwardAsync(Award(person, Random.Shared.NextInt64(1_000_000, 9_000_000))))).Value!;

        await WithAsync(factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"HoursLedger\" SET \"Hours\" = 99 WHERE \"Id\" = {0}", award.Id));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"HoursLedger\" WHERE \"Id\" = {0}", award.Id));
            // Through EF as well: the tracked change is refused by the database.
            var tracked = await db.Set<LedgerEntryRecord>().SingleAsync(e => e.Id == award.Id);
            tracked.Hours = 1;
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return true;
        });

        Assert.Equal(12m, Assert.Single(await EntriesOfAsync(factory, person.Email)).Hours);
    }

    [Fact]
    public async Task Completing_a_harrie_enrolment_awards_hours_issues_a_certificate_and_mails_its_pdf()
    {
        var factory = await SiteAsync();

        var done = await CompleteHarrieAsync(factory);

        var entries = await EntriesAsync(factory, done.EnrolmentId);
        Assert.Equal([(Reintegratie, 12m, "RI-26-0031"), (Registerplein, 12m, "RP-26-0198")],
            entries.Select(e => (e.RegisterId, e.Hours, e.AccreditationCode!)).OrderBy(x => x.RegisterId).ToList());
        Assert.All(entries, e => Assert.Equal(LedgerEntryKind.Award, e.Kind));
        Assert.All(entries, e => Assert.Equal(Today, e.ActivityDate));
        Assert.All(entries, e => Assert.Equal("harrie-training", e.OfferingId));
        var certificate = Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
        Assert.Matches("^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$", certificate.Code);
        Assert.All(entries, e => Assert.Equal(certificate.Id, e.CertificateId));
        Assert.Equal(done.Participant.Email, (await PersonRowAsync(factory, certificate.PersonId))!.Email);

        var mail = Assert.Single(await CertificateMailsAsync(factory, done.Participant.Email));
        Assert.Contains($"http://localhost:5000/certificaat/{certificate.Code}", mail.Text);
        Assert.Contains("12 uren", mail.Text);
        Assert.Contains("RP-26-0198", mail.Text);
        var attachment = Assert.Single(Attachments(mail));
        Assert.Equal($"certificaat-{certificate.Code}.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType);
        var pdf = ReadPdf(attachment.Content);
        Assert.Equal(("Certificaat van deelname", certificate.Code, 1), pdf);
        var instance = Assert.Single(await InstancesAsync(factory, done.EnrolmentId));
        Assert.Equal(Academy.Workflows.Models.WorkflowStatus.Finished, instance.Status);
    }

    [Fact]
    public async Task The_same_completion_twice_gives_one_set_of_entries_one_certificate_and_one_mail()
    {
        var factory = await SiteAsync();
        var done = await CompleteAsync(factory, await CreateEditionAsync(factory, Accredit(Registerplein, 3.5m, "RP-X")));

        // Draining again does nothing; the event delivered once more (a replayed outbox message) adds nothing either.
        await factory.DrainBackgroundAsync();
        await WithAsync(factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            var original = await db.Outbox.AsNoTracking().SingleAsync(m => m.Type == "EnrolmentCompleted" && m.CorrelationId == done.EnrolmentId.ToString());
            db.Outbox.Add(new OutboxMessage { Type = original.Type, Payload = original.Payload, CorrelationId = original.CorrelationId, OccurredUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await factory.DrainBackgroundAsync();

        Assert.Equal(2, (await InstancesAsync(factory, done.EnrolmentId)).Count);
        Assert.Equal(3.5m, Assert.Single(await EntriesAsync(factory, done.EnrolmentId)).Hours);
        Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
        Assert.Single(await CertificateMailsAsync(factory, done.Participant.Email));
    }

    [Fact]
    public async Task A_missing_register_faults_the_instance_and_a_retry_after_adding_it_awards_and_mails_once()
    {
        var factory = await SiteAsync();
        var registerId = "later-" + Guid.NewGuid().ToString("n")[..8];
        // Offerings may only name known registers, so the register disappears after the offering was saved.
        await SetRegisterAsync(factory, registerId, present: true);
        var editionId = await CreateEditionAsync(factory, Accredit(Registerplein, 2), Accredit(registerId, 5, "LATER-1"));
        await SetRegisterAsync(factory, registerId, present: false);
        var done = await CompleteAsync(factory, editionId);

        var faulted = Assert.Single(await InstancesAsync(factory, done.EnrolmentId));
        Assert.Equal(Academy.Workflows.Models.WorkflowStatus.Faulted, faulted.Status);
        Assert.Contains(registerId, faulted.FaultMessage);
        Assert.Empty(await EntriesAsync(factory, done.EnrolmentId));
        Assert.Empty(await CertificateMailsAsync(factory, done.Participant.Email));

        await SetRegisterAsync(factory, registerId, present: true);
        Assert.True(await WithAsync(factory, sp => sp.GetRequiredService<Academy.Workflows.Services.WorkflowManager>().RetryAsync(faulted.Id)));
        await factory.DrainBackgroundAsync();

        Assert.Equal(Academy.Workflows.Models.WorkflowStatus.Finished, Assert.Single(await InstancesAsync(factory, done.EnrolmentId)).Status);
        Assert.Equal([2m, 5m], (await EntriesAsync(factory, done.EnrolmentId)).Select(e => e.Hours).Order());
        var certificate = Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
        var mail = Assert.Single(await CertificateMailsAsync(factory, done.Participant.Email));
        Assert.Contains("Later register: 5 uren (accreditatiecode LATER-1)", mail.Text);
        Assert.Equal(certificate.Code, ReadPdf(Assert.Single(Attachments(mail)).Content).Subject);
    }

    private static Task<int> SetRegisterAsync(AcademyFactory factory, string registerId, bool present) =>
        WithAsync(factory, async sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            if (present)
            {
                db.Add(new RegisterRecord { Id = registerId, Name = "Later register", Prefix = "LR", Digits = 4, SortOrder = 99 });
            }
            else
            {
                db.Remove(await db.Set<RegisterRecord>().SingleAsync(r => r.Id == registerId));
            }
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task An_unpublished_offering_faults_the_instance_and_a_retry_after_publishing_awards_and_mails_once()
    {
        var factory = await SiteAsync();
        var done = await CompleteAsync(factory, await CreateEditionAsync(factory, Accredit(Registerplein, 2)), drain: false);
        Assert.True(await WithAsync(factory, sp => sp.GetRequiredService<ContentManager>().UnpublishAsync(done.OfferingId)));
        await factory.DrainBackgroundAsync();

        // Not finished as if there were nothing to award: faulted, visible and retryable.
        var faulted = Assert.Single(await InstancesAsync(factory, done.EnrolmentId));
        Assert.Equal(Academy.Workflows.Models.WorkflowStatus.Faulted, faulted.Status);
        Assert.Contains("niet (meer) gepubliceerd", faulted.FaultMessage);
        Assert.Empty(await EntriesAsync(factory, done.EnrolmentId));
        Assert.Empty(await CertificatesAsync(factory, done.EnrolmentId));

        await WithAsync(factory, async sp => { await sp.GetRequiredService<ContentManager>().PublishAsync(done.OfferingId); return true; });
        Assert.True(await WithAsync(factory, sp => sp.GetRequiredService<Academy.Workflows.Services.WorkflowManager>().RetryAsync(faulted.Id)));
        await factory.DrainBackgroundAsync();

        Assert.Equal(Academy.Workflows.Models.WorkflowStatus.Finished, Assert.Single(await InstancesAsync(factory, done.EnrolmentId)).Status);
        Assert.Equal(2m, Assert.Single(await EntriesAsync(factory, done.EnrolmentId)).Hours);
        Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
        Assert.Single(await CertificateMailsAsync(factory, done.Participant.Email));
    }

    [Fact]
    public async Task Accreditations_outside_their_validity_give_no_entry()
    {
        var factory = await SiteAsync();
        var editionId = await CreateEditionAsync(factory,
            Accredit(Registerplein, 4, "RP-GELDIG", from: Today.AddDays(-10), to: Today),
            Accredit(Reintegratie, 4, "RI-VERLOPEN", to: Today.AddDays(-1)),
            Accredit(Skj, 2, "SKJ-TOEKOMST", from: Today.AddDays(1)));

        var done = await CompleteAsync(factory, editionId);

        var entry = Assert.Single(await EntriesAsync(factory, done.EnrolmentId));
        Assert.Equal((Registerplein, 4m), (entry.RegisterId, entry.Hours));
        Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
    }

    [Fact]
    public async Task Revoking_a_certificate_reverses_its_hours_once()
    {
        var factory = await SiteAsync();
        var done = await CompleteAsync(factory, await CreateEditionAsync(factory, Accredit(Registerplein, 6), Accredit(Skj, 2)));
        var certificate = Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));

        async Task<string?> RevokeAsync(string? reason) => await WithAsync(factory, async sp =>
        {
            var result = await sp.GetRequiredService<CertificateIssuer>().RevokeAsync(certificate.Id, reason, "coordinator");
            if (result.Succeeded)
            {
                await sp.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
            }
            return result.Error;
        });

        Assert.Equal("Geef een reden op waarom het certificaat wordt ingetrokken.", await RevokeAsync(" "));
        Assert.Equal(2, (await EntriesAsync(factory, done.EnrolmentId)).Count);
        Assert.Null(await RevokeAsync("Niet aanwezig geweest op dag 2"));
        Assert.Equal("Dit certificaat is al ingetrokken.", await RevokeAsync("Nog eens"));

        var entries = await EntriesAsync(factory, done.EnrolmentId);
        Assert.Equal(4, entries.Count);
        Assert.Equal(2, entries.Count(e => e.Kind == LedgerEntryKind.Reversal));
        Assert.All(entries.GroupBy(e => e.RegisterId), g => Assert.Equal(0m, g.Sum(e => e.Hours)));
        Assert.All(entries.Where(e => e.Kind == LedgerEntryKind.Reversal), e => Assert.Contains("Niet aanwezig geweest op dag 2", e.Reason));
        var revoked = Assert.Single(await CertificatesAsync(factory, done.EnrolmentId));
        Assert.NotNull(revoked.RevokedUtc);
        Assert.Equal("Niet aanwezig geweest op dag 2", revoked.RevokedReason);
    }
}

public sealed class LedgerSqliteTests(SqliteLedgerSite site) : LedgerScenarios, IClassFixture<SqliteLedgerSite>
{
    protected override Task<AcademyFactory> SiteAsync() => Task.FromResult(site.Factory);
}

public sealed class LedgerPostgresTests(PostgresFixture postgres, PostgresLedgerSite site) : LedgerScenarios, IClassFixture<PostgresLedgerSite>, IClassFixture<PostgresFixture>
{
    protected override Task<AcademyFactory> SiteAsync() => site.GetAsync(postgres);
}
