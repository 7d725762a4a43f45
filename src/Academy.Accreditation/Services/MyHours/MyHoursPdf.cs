using Academy.Accreditation.Pdf;
using Academy.Core.Text;

namespace Academy.Accreditation.Services.MyHours;

/// <summary>"Overzicht leeruren" as a PDF: the same totals per period and entries per register as the page.</summary>
public static class MyHoursPdf
{
    public const string Title = "Overzicht leeruren";

    public static byte[] Build(MyHoursOverview overview, string name, DateTime printedUtc, Func<string, object[], string> localize)
    {
        var pdf = new PdfWriter(localize(Title, []), localize("Afgedrukt op {0}", [DutchFormat.Date(printedUtc)]), localize("Overzicht leeruren van {0}", [name]));
        pdf.Heading(localize(Title, []))
            .Field(localize("Naam", []), name)
            .Field(localize("Afgedrukt op", []), DutchFormat.Date(printedUtc))
            .Paragraph(localize("Per register de totalen per periode en de leeruren in de periode waarin {0} valt. Totalen zijn de som van alle regels, correcties meegeteld.", [overview.SelectedYear]))
            .Space();
        if (!overview.HasEntries)
        {
            pdf.Paragraph(localize("Je hebt nog geen leeruren.", []));
        }
        foreach (var register in overview.Registers)
        {
            var unit = register.Register.Unit;
            pdf.Heading(register.Register.Name, 14)
                .Field(localize("Registernummer", []), register.Number ?? localize("niet opgegeven", []))
                .Table(
                    [localize("Periode", []), localize("Totaal", [])],
                    [2, 1],
                    register.Periods.Select(p => (IReadOnlyList<string>)
                    [
                        p.IsCurrent ? localize("{0} (huidige periode)", [p.Period.Label]) : p.Period.Label,
                        HoursText.WithUnit(p.Total, unit),
                    ]));
            if (register.SelectedEntries.Count == 0)
            {
                pdf.Paragraph(localize("Geen leeruren in {0}.", [register.Selected.Period.Label]), 10).Space();
                continue;
            }
            pdf.Paragraph(localize("Leeruren in {0}", [register.Selected.Period.Label]), 11, bold: true)
                .Table(
                    [localize("Datum", []), localize("Aanbod", []), HoursText.Unit(unit).ToUpperFirst(), localize("Soort", []), localize("Certificaat", [])],
                    [1.3, 3, 0.9, 2, 1.6],
                    register.SelectedEntries.Select(e => (IReadOnlyList<string>)
                    [
                        LedgerEntryText.Date(e.Entry.ActivityDate),
                        e.Entry.AccreditationCode is { Length: > 0 } accreditation ? $"{e.Entry.OfferingTitle} ({accreditation})" : e.Entry.OfferingTitle,
                        HoursText.Number(e.Entry.Hours),
                        LedgerEntryText.Kind(e.Entry, localize),
                        e.ShownCertificateCode is not { } certificate ? "" : e.CertificateRevoked ? localize("{0} (ingetrokken)", [certificate]) : certificate,
                    ]));
        }
        return pdf.ToBytes();
    }

    private static string ToUpperFirst(this string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
