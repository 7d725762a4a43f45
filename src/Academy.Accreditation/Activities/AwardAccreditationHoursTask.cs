using Academy.Leeragenda.Abstractions;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Accreditation.Services.Certificates;
using Academy.Accreditation.Services.Ledger;
using Academy.Accreditation.Models;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Workflows.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Academy.Accreditation.Abstractions;

namespace Academy.Accreditation.Activities;

/// <summary>
/// On "EnrolmentCompleted": issues the certificate and awards, per register, the hours of the offering's
/// accreditations that were valid on the completion date (Amsterdam). Idempotent, so a repeated event adds nothing.
/// Sets the variables CertificateCode, CertificateUrl, TotalHours (one line of text), HoursList (a Markdown list)
/// and CertificateIsNew (issued by this instance, not by an earlier delivery of the same event). Outcome Failed (nothing written) when the input cannot be read;
/// a fault (retryable, nothing written) when the edition is not published.
/// </summary>
public sealed class AwardAccreditationHoursTask(
    HoursLedger ledger,
    CertificateIssuer issuer,
    CertificateQuery certificates,
    IEditionCatalog catalog,
    IRegisterDirectory registers,
    AcademyDbContext db,
    ILogger<AwardAccreditationHoursTask> logger) : Activity
{
    public const string ActorId = "workflow";

    public override string Name => "AwardAccreditationHours";
    public override ActivityKind Kind => ActivityKind.Task;
    public override string DisplayText => "Accreditatie-uren toekennen en certificaat maken";

    public override IReadOnlyList<string> Outcomes(JsonObject properties) => ["Done", "Failed"];

    /// <summary>The EnrolmentCompleted event as the workflow's Input.</summary>
    private sealed record CompletionInput(
        long EnrolmentId, string? EditionId, string? EditionName, string? OfferingId, string? OfferingTitle,
        string? ParticipantName, string? ParticipantEmail, string? ParticipantUserId, DateTime? CompletedUtc, string? OrganisationId);

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var input = Read(context.Input);
        if (input is not { EnrolmentId: > 0, EditionId.Length: > 0, ParticipantEmail.Length: > 0, CompletedUtc: { } completedUtc })
        {
            logger.LogWarning("Workflow instance {Instance}: the input is no completed enrolment", context.WorkflowInstanceId);
            return ActivityResult.Outcomes("Failed");
        }
        if (await catalog.GetAsync(input.EditionId, cancellationToken) is not { } edition)
        {
            // Not an unreadable event but a state the coördinator can fix (publish the offering again): fault, so the
            // instance shows up and can be retried, instead of finishing without hours or certificate.
            throw new WorkflowActivityException($"De groep '{input.EditionId}' van '{input.OfferingTitle}' is niet (meer) gepubliceerd. Publiceer het aanbod weer en probeer het opnieuw.");
        }
        var completedOn = DateOnly.FromDateTime(AmsterdamTime.ToLocal(completedUtc));
        var person = new LedgerPerson(input.ParticipantUserId, input.ParticipantEmail, input.ParticipantName is { Length: > 0 } n ? n : input.ParticipantEmail);
        var offeringTitle = input.OfferingTitle is { Length: > 0 } t ? t : edition.OfferingTitle;

        var accreditations = edition.Accreditations().Where(a => a.IsValidOn(completedOn) && a.Hours > 0).ToList();
        var known = (await registers.ListAsync(cancellationToken)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        if (accreditations.FirstOrDefault(a => !known.Contains(a.RegisterId)) is { } unknown)
        {
            // Checked before anything is written: the coördinator adds the register (or fixes the offering) and retries.
            throw new WorkflowActivityException($"Het register '{unknown.RegisterId}' van de accreditatie van '{edition.OfferingTitle}' bestaat niet.");
        }
        if (accreditations.FirstOrDefault(a => !HoursLedger.IsValidAward(a.Hours)) is { } invalid)
        {
            throw new WorkflowActivityException($"De accreditatie van '{edition.OfferingTitle}' voor '{invalid.RegisterId}' heeft een ongeldig aantal uren ({invalid.Hours}).");
        }

        var (certificate, created) = await issuer.IssueAsync(new CertificateRequest(
            input.EnrolmentId, person, edition.OfferingId, offeringTitle, edition.EditionId, input.EditionName ?? edition.EditionName, completedOn), cancellationToken);
        // "New" means issued by this instance, also when this is a retry after a fault further on (the variables were kept).
        var issuedHere = created || (IsTrue(context.Variables["CertificateIsNew"]) && Text(context.Variables["CertificateCode"]) == certificate.Code);
        context.Variables["CertificateCode"] = certificate.Code;
        context.Variables["CertificateIsNew"] = issuedHere;
        var added = new List<LedgerEntryRecord>();
        foreach (var accreditation in accreditations)
        {
            var result = await ledger.AwardAsync(new AwardRequest(
                person, input.EnrolmentId, accreditation.RegisterId, accreditation.Hours, completedOn, edition.OfferingId, offeringTitle,
                edition.EditionId, accreditation.Code, input.OrganisationId, edition.ThemeNames, certificate.Id, ActorId), cancellationToken);
            if (!result.Succeeded)
            {
                // All awards or none: the engine saves the faulted instance, which must not take half of them along.
                added.ForEach(entry => db.Entry(entry).State = EntityState.Detached);
                throw new WorkflowActivityException(result.Error!);
            }
            if (db.Entry(result.Value!).State == EntityState.Added)
            {
                added.Add(result.Value!);
            }
        }

        var details = await certificates.DetailsAsync(certificate, cancellationToken);
        context.Variables["CertificateUrl"] = details.VerificationUrl;
        context.Variables["TotalHours"] = string.Join("; ", details.ValidLines.Select(l => $"{l.HoursText} {l.RegisterName}"));
        context.Variables["HoursList"] = string.Join("\n", details.ValidLines.Select(l =>
            $"- {l.RegisterName}: {l.HoursText}{(l.AccreditationCode is { Length: > 0 } code ? $" (accreditatiecode {code})" : "")}"));
        return ActivityResult.Outcomes("Done");
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    private static CompletionInput? Read(JsonObject input)
    {
        try
        {
            return input.Deserialize<CompletionInput>(ReadOptions);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
