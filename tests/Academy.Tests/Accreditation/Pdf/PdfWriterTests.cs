using Academy.Accreditation.Pdf;
using PdfSharp.Pdf.IO;
using Xunit;

namespace Academy.Tests.Accreditation.Pdf;

public sealed class PdfWriterTests
{
    [Fact]
    public void Writes_a_pdf_with_metadata_and_embedded_font()
    {
        var bytes = new PdfWriter("Certificaat van deelname", "K7QM-4XPA-93TD", "Regionale Leeracademie")
            .Heading("Certificaat van deelname")
            .Field("Naam", "Łukasz Şahin – Nguyễn Thị ‘ë’ en ü")
            .Paragraph("Een lange alinea die over meerdere regels loopt omdat hij veel woorden bevat, zodat het afbreken van tekst wordt gebruikt.")
            .ToBytes();

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.Equal(1, document.PageCount);
        Assert.Equal("Certificaat van deelname", document.Info.Title);
        Assert.Equal("K7QM-4XPA-93TD", document.Info.Subject);
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Contains("DejaVu", raw);
        // Unicode text: a CID font with a ToUnicode map, not WinAnsi (which has no Ł, Ş or ễ).
        Assert.Contains("/Identity-H", raw);
        Assert.DoesNotContain("/WinAnsiEncoding", raw);
    }

    [Fact]
    public void A_long_table_continues_on_new_pages()
    {
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"Deelnemer {i}", "Gemeente Arnhem", ""]).ToList();
        var bytes = new PdfWriter("Presentielijst", null, "Presentielijst")
            .Heading("Presentielijst")
            .Table(["Naam", "Organisatie", "Handtekening"], [3, 3, 2], rows)
            .ToBytes();

        using var document = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 3, $"expected several pages, got {document.PageCount}");
    }
}
