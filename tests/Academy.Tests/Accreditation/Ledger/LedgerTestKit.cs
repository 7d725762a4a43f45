using Academy.Leeragenda.Abstractions;
using System.Text.Json;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Ledger;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Email.Models;
using Academy.Enrolment.Abstractions;
using Academy.Leeragenda.Models;
using Academy.Testing;
using Academy.Workflows.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Academy.Email.Abstractions;

namespace Academy.Tests.Accreditation.Ledger;

/// <summary>One seeded site on SQLite for a ledger test class; the public check is not throttled here.</summary>
public sealed class SqliteLedgerSite : SqliteSite
{
    public SqliteLedgerSite() => Factory.Settings["Academy:Certificates:ChecksPerWindow"] = "100000";
}

/// <summary>One seeded site on its own PostgreSQL database for a ledger test class.</summary>
public sealed class PostgresLedgerSite : PostgresSite
{
    protected override string DatabaseName => "ledger";
}

/// <summary>Offerings with accreditations, completed enrolments, and reads of the ledger, certificates and mail.</summary>
internal static class LedgerTestKit
{
    public const string Registerplein = "registerplein";
    public const string Reintegratie = "adviesraad-re-integratie";
    public const string Skj = "skj";

    public sealed record Completed(long EnrolmentId, Participant Participant, string EditionId, string OfferingId);

    public static async Task<T> WithAsync<T>(AcademyFactory factory, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Publishes a Training (one edition, capacity 50, starting in 30 days) with these accreditations; returns its edition id.</summary>
    public static async Task<string> CreateEditionAsync(AcademyFactory factory, params OfferingAccreditation[] accreditations) =>
        (await TestOfferings.CreateAsync(
            factory.Services,
            new OfferingPart { Summary = "Voor de test." },
            TestOfferings.DaysFromNow(30),
            TimeSpan.FromHours(3),
            capacity: 50,
            titlePrefix: "Accreditatietraining",
            parts: [new AccreditationPart { Accreditations = accreditations.ToList() }])).EditionId;

    public static Participant Guest() => new(null, "Gast " + Guid.NewGuid().ToString("n")[..6], $"gast-{Guid.NewGuid():n}@example.nl");

    /// <summary>Enrols and completes (through IEnrolmentCompletion), then runs the background work: the workflow awards and mails.</summary>
    public static async Task<Completed> CompleteAsync(AcademyFactory factory, string editionId, Participant? participant = null, bool drain = true)
    {
        participant ??= Guest();
        var enrolled = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().EnrolAsync(editionId, participant));
        Assert.True(enrolled.Succeeded, enrolled.Error);
        Assert.Equal(EnrolmentStatus.Confirmed, enrolled.Status);
        var completed = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentCompletion>().MarkCompletedAsync(enrolled.EnrolmentId!.Value, "coordinator-test"));
        Assert.True(completed.Succeeded, completed.Error);
        if (drain)
        {
            await factory.DrainBackgroundAsync();
        }
        var offeringId = await WithAsync(factory, async sp => (await sp.GetRequiredService<IEditionCatalog>().GetAsync(editionId))!.OfferingId);
        return new Completed(enrolled.EnrolmentId!.Value, participant, editionId, offeringId);
    }

    /// <summary>Completes an enrolment on a seeded HARRIE group that still has a seat.</summary>
    public static async Task<Completed> CompleteHarrieAsync(AcademyFactory factory, Participant? participant = null)
    {
        participant ??= Guest();
        for (var group = 1; group <= 8; group++)
        {
            var editionId = $"harrie-training-groep-{group}";
            var result = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentService>().EnrolAsync(editionId, participant));
            if (result is { Succeeded: true, Status: EnrolmentStatus.Confirmed })
            {
                var completed = await WithAsync(factory, sp => sp.GetRequiredService<IEnrolmentCompletion>().MarkCompletedAsync(result.EnrolmentId!.Value, "coordinator-test"));
                Assert.True(completed.Succeeded, completed.Error);
                await factory.DrainBackgroundAsync();
                return new Completed(result.EnrolmentId!.Value, participant, editionId, "harrie-training");
            }
        }
        throw new InvalidOperationException("No HARRIE group with a free seat.");
    }

    public static Task<List<LedgerEntryRecord>> EntriesAsync(AcademyFactory factory, long enrolmentId) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<LedgerEntryRecord>().AsNoTracking()
            .Where(e => e.EnrolmentId == enrolmentId).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The entries whose person row has this e-mail address (with or without an account).</summary>
    public static Task<List<LedgerEntryRecord>> EntriesOfAsync(AcademyFactory factory, string email) =>
        WithAsync(factory, sp =>
        {
            var db = sp.GetRequiredService<AcademyDbContext>();
            var personIds = db.Set<AccreditationPersonRecord>().Where(p => p.Email == email.ToLowerInvariant()).Select(p => p.Id);
            return db.Set<LedgerEntryRecord>().AsNoTracking().Where(e => personIds.Contains(e.PersonId)).OrderBy(e => e.Id).ToListAsync();
        });

    /// <summary>The id of the person row for this account or address (added when there is none), as the ledger resolves it.</summary>
    public static Task<string> PersonIdAsync(AcademyFactory factory, string? userId, string email, string name) =>
        WithAsync(factory, async sp =>
        {
            var person = await sp.GetRequiredService<LedgerPeople>().ResolveAsync(new LedgerPerson(userId, email, name));
            await sp.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
            return person.Id;
        });

    /// <summary>The person's totals per register, as the ledger sums them.</summary>
    public static Task<IReadOnlyList<RegisterTotal>> TotalsAsync(AcademyFactory factory, LedgerPerson person) =>
        WithAsync(factory, sp => sp.GetRequiredService<HoursLedger>().TotalsAsync(person));

    public static Task<AccreditationPersonRecord?> PersonRowAsync(AcademyFactory factory, string personId) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<AccreditationPersonRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId));

    public static Task<int> LedgerCountAsync(AcademyFactory factory) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<LedgerEntryRecord>().CountAsync());

    public static Task<List<CertificateRecord>> CertificatesAsync(AcademyFactory factory, long enrolmentId) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<CertificateRecord>().AsNoTracking()
            .Where(c => c.EnrolmentId == enrolmentId).ToListAsync());

    public static Task<List<MailMessageRecord>> MailsToAsync(AcademyFactory factory, string email) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<MailMessageRecord>().AsNoTracking()
            .Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The certificate mails (the default workflow's subject) to <paramref name="email"/>.</summary>
    public static async Task<List<MailMessageRecord>> CertificateMailsAsync(AcademyFactory factory, string email) =>
        (await MailsToAsync(factory, email)).Where(m => m.Subject.StartsWith("Je certificaat", StringComparison.Ordinal)).ToList();

    public static Task<List<WorkflowInstanceRecord>> InstancesAsync(AcademyFactory factory, long enrolmentId) =>
        WithAsync(factory, sp => sp.GetRequiredService<AcademyDbContext>().Set<WorkflowInstanceRecord>().AsNoTracking()
            .Where(i => i.WorkflowTypeId == "accreditatie-uren-toekennen" && i.CorrelationId == enrolmentId.ToString()).ToListAsync());

    public static IReadOnlyList<MailAttachment> Attachments(MailMessageRecord mail) =>
        JsonSerializer.Deserialize<List<MailAttachment>>(mail.AttachmentsJson ?? "[]")!;

    /// <summary>The PDF's metadata, as PdfWriter sets it (the text itself is glyph-encoded).</summary>
    public static (string Title, string Subject, int Pages) ReadPdf(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return (document.Info.Title, document.Info.Subject, document.PageCount);
    }

    /// <summary>Runs one ledger change in a fresh scope and saves it when it succeeded.</summary>
    public static Task<LedgerResult<LedgerEntryRecord>> LedgerAsync(AcademyFactory factory, Func<HoursLedger, Task<LedgerResult<LedgerEntryRecord>>> change) =>
        WithAsync(factory, async sp =>
        {
            var result = await change(sp.GetRequiredService<HoursLedger>());
            if (result.Succeeded)
            {
                await sp.GetRequiredService<AcademyDbContext>().SaveChangesAsync();
            }
            return result;
        });

    public static OfferingAccreditation Accredit(string registerId, decimal hours, string? code = null, DateOnly? from = null, DateOnly? to = null) =>
        new() { RegisterId = registerId, Hours = hours, Code = code, ValidFrom = from, ValidTo = to };

    public static DateOnly Today => DateOnly.FromDateTime(Academy.Core.Recipes.AmsterdamTime.ToLocal(DateTime.UtcNow));
}
