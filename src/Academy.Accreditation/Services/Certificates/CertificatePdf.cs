using Academy.Accreditation.Pdf;
using Academy.Core.Text;

namespace Academy.Accreditation.Services.Certificates;

/// <summary>The certificate as PDF (shared <see cref="PdfWriter"/>); its Subject metadata is the verification code.</summary>
public static class CertificatePdf
{
    public const string Title = "Certificaat van deelname";

    public static string FileName(string code) => $"certificaat-{code}.pdf";

    public static byte[] Render(CertificateDetails details, string siteName)
    {
        var c = details.Certificate;
        var pdf = new PdfWriter(Title, c.Code, $"{siteName} · {Title} {c.Code}");
        pdf.Heading(Title, 22)
            .Paragraph(siteName, 12)
            .Space(16);
        if (details.HolderName is { } name)
        {
            pdf.Field("Naam", name);
        }
        pdf.Field("Aanbod", c.OfferingTitle);
        if (!string.IsNullOrEmpty(c.EditionName))
        {
            pdf.Field("Groep", c.EditionName);
        }
        pdf.Field("Afgerond op", details.CompletedOnText);
        if (details.IsRevoked)
        {
            pdf.Space().Paragraph($"Dit certificaat is ingetrokken op {DutchFormat.Date(c.RevokedUtc!.Value)} en is niet meer geldig.", 12, bold: true);
        }
        var lines = details.ValidLines;
        if (lines.Count > 0)
        {
            pdf.Space(12).Paragraph("Accreditatie", 13, bold: true)
                .Table(["Register", "Uren / punten", "Accreditatiecode"], [3, 1.4, 1.6],
                    lines.Select(l => (IReadOnlyList<string>)[l.RegisterName, l.HoursText, l.AccreditationCode ?? "—"]));
        }
        pdf.Space(16)
            .Field("Verificatiecode", c.Code)
            .Paragraph($"Controleer dit certificaat op {details.VerificationUrl}", 10);
        return pdf.ToBytes();
    }
}
