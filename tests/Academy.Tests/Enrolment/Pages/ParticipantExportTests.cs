using System.Text;
using Academy.Enrolment.Abstractions;
using Academy.Core.Exports;
using Academy.Enrolment.Exports;
using Academy.Enrolment.Queries;
using ClosedXML.Excel;

namespace Academy.Tests.Enrolment.Pages;

/// <summary>The participant list writers, without a site: escaping, formula safety and the workbook's shape.</summary>
public class ParticipantExportTests
{
    private static readonly Func<string, object[], string> Dutch = (format, args) => string.Format(Academy.Core.Text.DutchFormat.Culture, format, args);

    private static ParticipantRow Row(string name, string email, EnrolmentStatus status = EnrolmentStatus.Confirmed, int? position = null,
        string? organisation = null, string? function = null) =>
        new(1, null, name, email, organisation, function, status, position, null, null, new DateTime(2027, 3, 9, 8, 30, 0, DateTimeKind.Utc));

    [Fact]
    public void Csv_has_a_bom_semicolons_and_quotes_what_needs_quoting()
    {
        var sheet = ParticipantSheet.From(
            [
                Row("Jansen; Piet", "piet@example.nl", organisation: "Zorg \"De Linde\""),
                Row("Anna\nde Vries", "anna@example.nl", EnrolmentStatus.Waitlisted, 2, function: " trajectbegeleider"),
            ],
            Dutch);

        var bytes = SheetFiles.Csv(sheet);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Naam;E-mail;Organisatie;Functie;Status;Plaats op wachtlijst;Aangemeld op", lines[0]);
        Assert.Equal("\"Jansen; Piet\";piet@example.nl;\"Zorg \"\"De Linde\"\"\";;Bevestigd;;09-03-2027 09:30", lines[1]);
        // A line break inside a field stays inside its quotes; the row ends after it.
        Assert.Equal("\"Anna\nde Vries\";anna@example.nl;;\" trajectbegeleider\";Op de wachtlijst;2;09-03-2027 09:30", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+31 6 1234", "'+31 6 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("Gewone naam", "Gewone naam")]
    [InlineData("", "")]
    public void Cells_that_look_like_formulas_become_text(string typed, string written) =>
        Assert.Equal(written, TextSheet.NeutraliseFormula(typed));

    [Fact]
    public void Formula_injection_is_neutralised_in_both_formats()
    {
        var sheet = ParticipantSheet.From([Row("=1+1", "evil@example.nl", function: "@cmd")], Dutch);

        var csv = Encoding.UTF8.GetString(SheetFiles.Csv(sheet));
        Assert.Contains("'=1+1;evil@example.nl;;'@cmd;", csv);

        using var workbook = new XLWorkbook(new MemoryStream(SheetFiles.Xlsx(sheet, "Groep 1")));
        var cell = workbook.Worksheet(1).Cell(2, 1);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal("'=1+1", cell.GetString());
    }

    [Fact]
    public void Xlsx_has_a_bold_header_with_autofilter_and_the_rows()
    {
        var sheet = ParticipantSheet.From(
            [
                Row("Piet Jansen", "piet@example.nl", organisation: "Gemeente Arnhem", function: "Klantmanager"),
                Row("Anna de Vries", "anna@example.nl", EnrolmentStatus.Waitlisted, 1),
            ],
            Dutch);

        using var workbook = new XLWorkbook(new MemoryStream(SheetFiles.Xlsx(sheet, "Groep 1: najaar [A]")));
        var worksheet = workbook.Worksheet(1);

        Assert.Equal("Groep 1 najaar A", worksheet.Name);
        Assert.Equal(ParticipantSheet.Columns, Enumerable.Range(1, 7).Select(c => worksheet.Cell(1, c).GetString()));
        Assert.True(worksheet.Cell(1, 1).Style.Font.Bold);
        Assert.False(worksheet.Cell(2, 1).Style.Font.Bold);
        Assert.True(worksheet.AutoFilter.IsEnabled);
        Assert.Equal("A1:G3", worksheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(["Piet Jansen", "piet@example.nl", "Gemeente Arnhem", "Klantmanager", "Bevestigd", "", "09-03-2027 09:30"],
            Enumerable.Range(1, 7).Select(c => worksheet.Cell(2, c).GetString()));
        Assert.Equal("1", worksheet.Cell(3, 6).GetString());
        Assert.Equal("Op de wachtlijst", worksheet.Cell(3, 5).GetString());
        Assert.True(worksheet.Column(2).Width >= "anna@example.nl".Length);
        Assert.Equal(3, worksheet.LastRowUsed().RowNumber());
    }
}
