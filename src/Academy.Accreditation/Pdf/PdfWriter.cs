using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Academy.Accreditation.Pdf;

/// <summary>
/// A small flowing A4 writer shared by the certificate, the presentielijst and the hours overview: headings,
/// paragraphs, key–value lines and tables that continue on a new page (with their header) when full.
/// </summary>
public sealed class PdfWriter
{
    private const double Margin = 56;
    private const double LineGap = 4;
    private readonly PdfDocument document = new();
    private readonly string footer;
    private XGraphics graphics = null!;
    private PdfPage page = null!;
    private double y;

    /// <param name="title">Document title (PDF metadata and the first heading).</param>
    /// <param name="subject">PDF metadata "Subject" (e.g. the verification code), readable by tests and tools.</param>
    /// <param name="footer">Printed at the bottom of every page with the page number.</param>
    public PdfWriter(string title, string? subject, string footer)
    {
        EmbeddedFontResolver.EnsureInstalled();
        document.Info.Title = title;
        document.Info.Subject = subject ?? "";
        document.Info.Creator = "Regionale Leeracademie";
        this.footer = footer;
        NewPage();
    }

    private double Width => page.Width.Point - 2 * Margin;
    private double Bottom => page.Height.Point - Margin - 20;

    public PdfWriter Heading(string text, double size = 18)
    {
        Paragraph(text, size, bold: true);
        y += 4;
        return this;
    }

    public PdfWriter Paragraph(string text, double size = 11, bool bold = false)
    {
        var font = Font(size, bold);
        var height = MeasureHeight(text, font, Width);
        EnsureRoom(height);
        new XTextFormatter(graphics).DrawString(text, font, XBrushes.Black, new XRect(Margin, y, Width, height), XStringFormats.TopLeft);
        y += height + LineGap;
        return this;
    }

    public PdfWriter Space(double points = 10)
    {
        y += points;
        return this;
    }

    /// <summary>Label in bold, value beside it.</summary>
    public PdfWriter Field(string label, string value, double labelWidth = 150)
    {
        var font = Font(11, false);
        var height = Math.Max(MeasureHeight(label, Font(11, true), labelWidth - 8), MeasureHeight(value, font, Width - labelWidth));
        EnsureRoom(height);
        var formatter = new XTextFormatter(graphics);
        formatter.DrawString(label, Font(11, true), XBrushes.Black, new XRect(Margin, y, labelWidth - 8, height), XStringFormats.TopLeft);
        formatter.DrawString(value, font, XBrushes.Black, new XRect(Margin + labelWidth, y, Width - labelWidth, height), XStringFormats.TopLeft);
        y += height + LineGap;
        return this;
    }

    /// <summary>A table; <paramref name="widths"/> are relative column widths. The header repeats on every page.</summary>
    public PdfWriter Table(IReadOnlyList<string> header, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string>> rows, double size = 10)
    {
        var total = widths.Sum();
        var columns = widths.Select(w => w / total * Width).ToArray();
        Row(header, columns, Font(size, true), shade: true);
        foreach (var row in rows)
        {
            if (y + RowHeight(row, columns, Font(size, false)) > Bottom)
            {
                NewPage();
                Row(header, columns, Font(size, true), shade: true);
            }
            Row(row, columns, Font(size, false), shade: false);
        }
        y += LineGap * 2;
        return this;
    }

    public byte[] ToBytes()
    {
        foreach (var (p, index) in document.Pages.Cast<PdfPage>().Select((p, i) => (p, i)))
        {
            using var g = p == page ? null : XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            var target = g ?? graphics;
            var text = $"{footer} · pagina {index + 1} van {document.PageCount}";
            target.DrawString(text, Font(8, false), XBrushes.DimGray, new XRect(Margin, p.Height.Point - Margin, p.Width.Point - 2 * Margin, 12), XStringFormats.TopLeft);
        }
        graphics.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private void Row(IReadOnlyList<string> cells, double[] columns, XFont font, bool shade)
    {
        var height = RowHeight(cells, columns, font);
        EnsureRoom(height);
        var x = Margin;
        if (shade)
        {
            graphics.DrawRectangle(XBrushes.Gainsboro, Margin, y, Width, height);
        }
        var formatter = new XTextFormatter(graphics);
        for (var i = 0; i < columns.Length; i++)
        {
            var cell = i < cells.Count ? cells[i] : "";
            formatter.DrawString(cell, font, XBrushes.Black, new XRect(x + 3, y + 3, columns[i] - 6, height - 6), XStringFormats.TopLeft);
            x += columns[i];
        }
        graphics.DrawLine(XPens.Gray, Margin, y + height, Margin + Width, y + height);
        y += height;
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] columns, XFont font) =>
        columns.Select((w, i) => MeasureHeight(i < cells.Count ? cells[i] : "", font, w - 6)).Max() + 6;

    private double MeasureHeight(string text, XFont font, double width)
    {
        // XTextFormatter does not measure; count wrapped lines word by word.
        var lineHeight = font.GetHeight();
        var lines = 0;
        foreach (var paragraph in (text.Length == 0 ? " " : text).Split('\n'))
        {
            lines++;
            var current = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                {
                    lines++;
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }
        }
        return lines * lineHeight;
    }

    private void EnsureRoom(double height)
    {
        if (y + height > Bottom && y > Margin)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    // Unicode (not WinAnsi) encoding, so names such as "Łukasz Şahin" or "Nguyễn" print as written.
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private static XFont Font(double size, bool bold) =>
        new(EmbeddedFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
}
