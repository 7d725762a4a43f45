using System.Globalization;
using System.Text;
using Academy.Core.Text;
using Academy.Core.Exports;

namespace Academy.Accreditation.Services.Exports;

/// <summary>
/// The files of one <see cref="RegisterReport"/>: the PE-online presentielijst, and CSV/XLSX through the enrolment
/// module's spreadsheet writer (which makes every cell formula-safe). Only reportable people are on the PE-online
/// list; CSV and XLSX add the others in a separate section with their reasons.
/// </summary>
public static class RegisterExports
{
    public const string TextContentType = "text/plain; charset=utf-8";
    public const string NotReportableTitle = "Niet te melden";

    /// <summary>
    /// One register number per line and nothing else: UTF-8 without byte-order mark, every line ended by CRLF
    /// (what Windows upload tools expect), each number once. An empty list is an empty file.
    /// </summary>
    public static byte[] PeOnline(RegisterReport report)
    {
        var text = new StringBuilder();
        foreach (var number in report.Reportable.Select(p => p.RegisterNumber).Distinct(StringComparer.Ordinal))
        {
            text.Append(number).Append("\r\n");
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    public static byte[] Csv(RegisterReport report, Func<string, string> localize) =>
        SheetFiles.Csv([(null, ReportableSheet(report, localize)), (localize(NotReportableTitle), NotReportableSheet(report, localize))]);

    public static byte[] Xlsx(RegisterReport report, Func<string, string> localize) =>
        SheetFiles.Xlsx([(localize("Te melden"), ReportableSheet(report, localize)), (localize(NotReportableTitle), NotReportableSheet(report, localize))]);

    /// <summary>naam, registernummer, datum (the activity/completion date), uren or punten, accreditatiecode.</summary>
    public static TextSheet ReportableSheet(RegisterReport report, Func<string, string> localize) => new(
        [localize("Naam"), localize("Registernummer"), localize("Datum"), localize(HoursText.UnitHeading(report.Register.Unit)), localize("Accreditatiecode")],
        report.Reportable.Select(p => (IReadOnlyList<string>)
        [
            p.Name,
            p.RegisterNumber,
            p.ActivityDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            HoursText.Number(p.Hours),
            p.AccreditationCode ?? "",
        ]).ToList());

    public static TextSheet NotReportableSheet(RegisterReport report, Func<string, string> localize) => new(
        [localize("Naam"), localize("Reden")],
        report.NotReportable.Select(p => (IReadOnlyList<string>)[p.Name, NotReportableReasonText.Describe(p.Reasons, localize)]).ToList());

    /// <summary>"pe-online-harrie-training-groep-1-registerplein.txt" and the like.</summary>
    public static string FileName(RegisterReport report, EditionReport edition, string prefix, string extension) =>
        $"{prefix}-{Slug.From($"{edition.Edition.OfferingTitle} {edition.Edition.EditionName}")}-{report.Register.Id}.{extension}";
}
