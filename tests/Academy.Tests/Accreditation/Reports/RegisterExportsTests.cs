using Academy.Accreditation.Abstractions;
using System.Text;
using Academy.Accreditation.Models;
using Academy.Accreditation.Services.Exports;
using Academy.Core.Contracts;
using ClosedXML.Excel;
using Academy.Accreditation.Abstractions;

namespace Academy.Tests.Accreditation.Reports;

/// <summary>The register files without a site: PE-online list, CSV and XLSX of one register report.</summary>
public class RegisterExportsTests
{
    private static readonly Func<string, string> Dutch = text => text;

    private static RegisterReport Report(RegisterUnit unit = RegisterUnit.Uren) => new(
        new RegisterRecord { Id = "registerplein", Name = "Registerplein", Prefix = "RP", Digits = 6, Unit = unit },
        new AccreditationInfo("registerplein", 12, "RP-2026-0042", null, null),
        [
            new ReportableParticipant("Anna de Vries", "RP123456", new DateOnly(2026, 3, 9), 12m, "RP-2026-0042"),
            new ReportableParticipant("=HYPERLINK(\"http://x\",\"klik\")", "RP000042", new DateOnly(2026, 3, 10), 1.5m, null),
            // The same number twice (two enrolments of one person) is listed once on the PE-online list.
            new ReportableParticipant("Anna de Vries", "RP123456", new DateOnly(2026, 3, 9), 12m, "RP-2026-0042"),
        ],
        [
            new NotReportableParticipant("Bram Jansen", [NotReportableReason.NoRegisterNumber]),
            new NotReportableParticipant("Chris Smit", [NotReportableReason.NoRegisterNumber, NotReportableReason.NoConsent]),
            new NotReportableParticipant("Dana (HARRIE)", [NotReportableReason.NoAccount]),
        ]);

    [Fact]
    public void The_pe_online_list_is_one_register_number_per_crlf_line_and_nothing_else()
    {
        var bytes = RegisterExports.PeOnline(Report());

        Assert.Equal("RP123456\r\nRP000042\r\n", Encoding.UTF8.GetString(bytes));
        Assert.NotEqual(Encoding.UTF8.GetPreamble(), bytes[..3]);
    }

    [Fact]
    public void An_empty_pe_online_list_is_an_empty_file() =>
        Assert.Empty(RegisterExports.PeOnline(Report() with { Reportable = [] }));

    [Fact]
    public void Csv_has_bom_semicolons_dutch_decimals_safe_cells_and_the_not_reportable_part_after_a_blank_line()
    {
        var bytes = RegisterExports.Csv(Report(), Dutch);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(
            [
                "Naam;Registernummer;Datum;Uren;Accreditatiecode",
                "Anna de Vries;RP123456;09-03-2026;12;RP-2026-0042",
                // A formula becomes text (leading apostrophe) and is quoted for its quotes and comma; so is the decimal comma.
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\";RP000042;10-03-2026;\"1,5\";",
                "Anna de Vries;RP123456;09-03-2026;12;RP-2026-0042",
                "",
                "Niet te melden",
                "Naam;Reden",
                "Bram Jansen;Geen registernummer",
                // Several reasons in one cell, quoted for the separator inside.
                "Chris Smit;\"Geen registernummer; Geen toestemming om gegevens te delen\"",
                "Dana (HARRIE);Geen account (aangemeld door de werkgever)",
                "",
            ],
            lines);
    }

    [Fact]
    public void A_points_register_heads_its_column_punten()
    {
        var csv = Encoding.UTF8.GetString(RegisterExports.Csv(Report(RegisterUnit.Punten), Dutch)[3..]);
        Assert.StartsWith("Naam;Registernummer;Datum;Punten;Accreditatiecode\r\n", csv);
    }

    [Fact]
    public void Xlsx_has_a_sheet_to_report_and_a_sheet_niet_te_melden_with_reasons()
    {
        using var workbook = new XLWorkbook(new MemoryStream(RegisterExports.Xlsx(Report(), Dutch)));

        Assert.Equal(["Te melden", "Niet te melden"], workbook.Worksheets.Select(w => w.Name));
        var report = workbook.Worksheet("Te melden");
        Assert.Equal(["Naam", "Registernummer", "Datum", "Uren", "Accreditatiecode"], Enumerable.Range(1, 5).Select(c => report.Cell(1, c).GetString()));
        Assert.True(report.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(["Anna de Vries", "RP123456", "09-03-2026", "12", "RP-2026-0042"], Enumerable.Range(1, 5).Select(c => report.Cell(2, c).GetString()));
        Assert.Equal("1,5", report.Cell(3, 4).GetString());
        Assert.False(report.Cell(3, 1).HasFormula);
        Assert.Equal("'=HYPERLINK(\"http://x\",\"klik\")", report.Cell(3, 1).GetString());
        Assert.Equal(4, report.LastRowUsed().RowNumber());

        var others = workbook.Worksheet("Niet te melden");
        Assert.Equal(["Naam", "Reden"], Enumerable.Range(1, 2).Select(c => others.Cell(1, c).GetString()));
        Assert.Equal(["Bram Jansen", "Geen registernummer"], Enumerable.Range(1, 2).Select(c => others.Cell(2, c).GetString()));
        Assert.Equal("Geen registernummer; Geen toestemming om gegevens te delen", others.Cell(3, 2).GetString());
        Assert.Equal("Geen account (aangemeld door de werkgever)", others.Cell(4, 2).GetString());
        Assert.Equal(4, others.LastRowUsed().RowNumber());
    }
}
