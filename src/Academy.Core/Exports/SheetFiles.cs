using System.Text;
using ClosedXML.Excel;

namespace Academy.Core.Exports;

/// <summary>A table of text to export: a header row and the rows under it.</summary>
public sealed record TextSheet(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>
    /// A spreadsheet must not run what someone typed: a cell that starts like a formula
    /// (= + - @, or a tab or carriage return) gets a leading apostrophe, so it stays text.
    /// </summary>
    public static string NeutraliseFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}

/// <summary>
/// Writes <see cref="TextSheet"/>s as files Dutch spreadsheet users open directly. Every cell goes through
/// <see cref="TextSheet.NeutraliseFormula"/> here, so no caller (the enrolment module's participant list, the
/// accreditation module's register exports) can forget it.
/// </summary>
public static class SheetFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>UTF-8 with a byte-order mark and semicolons: what Excel with Dutch regional settings expects.</summary>
    public static byte[] Csv(TextSheet sheet) => Csv([(null, sheet)]);

    /// <summary>
    /// Several tables in one CSV file: each after the first follows a blank line and, when it has one, a title row
    /// (e.g. the people who cannot be reported, below the ones who can).
    /// </summary>
    public static byte[] Csv(IReadOnlyList<(string? Title, TextSheet Sheet)> sections)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sections.Count; i++)
        {
            var (title, sheet) = sections[i];
            if (i > 0)
            {
                text.Append("\r\n");
            }
            if (title is not null)
            {
                AppendCsvRow(text, [title]);
            }
            foreach (var row in sheet.Rows.Prepend(sheet.Header))
            {
                AppendCsvRow(text, row);
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendCsvRow(StringBuilder text, IEnumerable<string> row) =>
        text.Append(string.Join(';', row.Select(v => CsvField(TextSheet.NeutraliseFormula(v))))).Append("\r\n");

    /// <summary>Quotes a field when it holds a separator, quote, line break or edge spaces; quotes inside are doubled.</summary>
    public static string CsvField(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n', ',']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    /// <summary>One worksheet: a bold header row with an autofilter, text cells, widths fitted to the content.</summary>
    public static byte[] Xlsx(TextSheet sheet, string worksheetName) => Xlsx([(worksheetName, sheet)]);

    /// <summary>A workbook with one worksheet per sheet, in order, each laid out as <see cref="Xlsx(TextSheet, string)"/>.</summary>
    public static byte[] Xlsx(IReadOnlyList<(string WorksheetName, TextSheet Sheet)> sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var (name, sheet) in sheets)
        {
            AddWorksheet(workbook, name, sheet);
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void AddWorksheet(XLWorkbook workbook, string worksheetName, TextSheet sheet)
    {
        var worksheet = workbook.Worksheets.Add(WorksheetName(worksheetName));
        var rows = sheet.Rows.Prepend(sheet.Header).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Count; c++)
            {
                var cell = worksheet.Cell(r + 1, c + 1);
                // Text, never a formula or a number Excel reformats (a position, a date as typed).
                cell.SetValue(TextSheet.NeutraliseFormula(rows[r][c]));
                cell.DataType = XLDataType.Text;
            }
        }
        var header = worksheet.Range(1, 1, 1, sheet.Header.Count);
        header.Style.Font.Bold = true;
        worksheet.Range(1, 1, rows.Count, sheet.Header.Count).SetAutoFilter();
        worksheet.SheetView.FreezeRows(1);
        for (var c = 0; c < sheet.Header.Count; c++)
        {
            // Measured in characters (AdjustToContents needs system fonts, which servers may lack).
            var longest = rows.Max(row => c < row.Count ? row[c].Length : 0);
            worksheet.Column(c + 1).Width = Math.Clamp(longest + 2, 10, 60);
        }
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    private static string WorksheetName(string name)
    {
        var cleaned = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        return cleaned.Length == 0 ? "Deelnemers" : cleaned.Length <= 31 ? cleaned : cleaned[..31];
    }
}
