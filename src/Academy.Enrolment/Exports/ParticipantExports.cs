using System.Text;
using ClosedXML.Excel;

namespace Academy.Enrolment.Exports;

/// <summary>Writes a <see cref="ParticipantSheet"/> as a file Dutch spreadsheet users open directly.</summary>
public static class ParticipantExports
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>UTF-8 with a byte-order mark and semicolons: what Excel with Dutch regional settings expects.</summary>
    public static byte[] Csv(ParticipantSheet sheet)
    {
        var text = new StringBuilder();
        foreach (var row in sheet.Rows.Prepend(sheet.Header))
        {
            text.Append(string.Join(';', row.Select(CsvField))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Quotes a field when it holds a separator, quote, line break or edge spaces; quotes inside are doubled.</summary>
    public static string CsvField(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n', ',']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    /// <summary>One worksheet: a bold header row with an autofilter, text cells, widths fitted to the content.</summary>
    public static byte[] Xlsx(ParticipantSheet sheet, string worksheetName)
    {
        using var workbook = new XLWorkbook();
        var worksheet = workbook.Worksheets.Add(WorksheetName(worksheetName));
        var rows = sheet.Rows.Prepend(sheet.Header).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Count; c++)
            {
                var cell = worksheet.Cell(r + 1, c + 1);
                // Text, never a formula or a number Excel reformats (a position, a date as typed).
                cell.SetValue(rows[r][c]);
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
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    private static string WorksheetName(string name)
    {
        var cleaned = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        return cleaned.Length == 0 ? "Deelnemers" : cleaned.Length <= 31 ? cleaned : cleaned[..31];
    }
}
