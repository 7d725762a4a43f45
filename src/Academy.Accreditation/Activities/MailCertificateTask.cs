using System.Text.Json.Nodes;
using Academy.Accreditation.Services.Certificates;
using Academy.Core.Contracts;
using Academy.Core.Settings;
using Academy.Workflows.Abstractions;
using Academy.Email.Abstractions;

namespace Academy.Accreditation.Activities;

/// <summary>
/// Mails the certificate (made by AwardAccreditationHours, found by the variable CertificateCode) to its holder,
/// with the PDF attached: <c>Subject</c> and <c>Body</c> as in SendEmail (Liquid; the body gives Markdown).
/// When the certificate already existed before this instance (the same completion reported twice), it was mailed
/// then, so nothing is sent again.
/// </summary>
public sealed class MailCertificateTask(IWorkflowLiquid liquid, IWorkflowMail mail, CertificateQuery certificates, DocumentStore documents) : Activity
{
    public override string Name => "MailCertificate";
    public override ActivityKind Kind => ActivityKind.Task;
    public override string DisplayText => "Certificaat mailen";

    public override IEnumerable<string> Validate(JsonObject properties) =>
        PropertyChecks.Liquid(liquid, properties, ["Subject", "Body"]);

    public override async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var code = context.Variables["CertificateCode"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (code is null || await certificates.ByCodeAsync(code, cancellationToken) is not { } details)
        {
            throw new WorkflowActivityException("Er is geen certificaat om te mailen: zet 'Accreditatie-uren toekennen' (AwardAccreditationHours) ervoor.");
        }
        if (context.Variables["CertificateIsNew"] is JsonValue isNew && isNew.TryGetValue<bool>(out var created) && !created)
        {
            return ActivityResult.Outcomes("Done");
        }
        if (details.Holder is not { Email: { } to } holder)
        {
            // Anonymised in the meantime: there is nobody to mail any more.
            return ActivityResult.Outcomes("Done");
        }
        var subject = (await context.RenderAsync(context.Property("Subject") ?? "")).Trim();
        var body = await context.RenderMarkdownAsync(context.Property("Body") ?? "");
        var site = await documents.GetSiteSettingsAsync();
        var pdf = CertificatePdf.Render(details, site.SiteName);
        var certificate = details.Certificate;
        await mail.QueueAsync(context, to, holder.Name ?? "", subject, body,
            [new MailAttachment(CertificatePdf.FileName(certificate.Code), "application/pdf", pdf)], cancellationToken);
        return ActivityResult.Outcomes("Done");
    }
}
