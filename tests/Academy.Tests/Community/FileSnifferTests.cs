using Academy.Community.Models;
using Academy.Community.Services;
using Academy.Tests.Media;

namespace Academy.Tests.Community;

/// <summary>Uploads are recognised by their content and their name together; a name that lies is refused.</summary>
public sealed class FileSnifferTests
{
    public static TheoryData<string, byte[], FileKind> Accepted => new()
    {
        { "verslag.pdf", KennisbankKit.Pdf, FileKind.Pdf },
        { "Verslag.PDF", KennisbankKit.Pdf, FileKind.Pdf },
        { "notulen.docx", KennisbankKit.Office("word"), FileKind.Word },
        { "begroting.xlsx", KennisbankKit.Office("xl"), FileKind.Excel },
        { "presentatie.pptx", KennisbankKit.Office("ppt"), FileKind.PowerPoint },
        { "brief.odt", KennisbankKit.OpenDocument("application/vnd.oasis.opendocument.text"), FileKind.OpenDocument },
        { "cijfers.ods", KennisbankKit.OpenDocument("application/vnd.oasis.opendocument.spreadsheet"), FileKind.OpenDocument },
        { "foto.jpg", TestImages.JpegWithGps(40, 30), FileKind.Image },
        { "schema.png", TestImages.Png(40, 30), FileKind.Image },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_file_whose_content_matches_its_name_is_accepted(string name, byte[] bytes, FileKind kind)
    {
        var (file, error) = FileSniffer.Sniff(name, new MemoryStream(bytes));
        Assert.Null(error);
        Assert.Equal(kind, file!.Kind);
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "factuur.pdf", KennisbankKit.Exe, "niet wat de naam zegt" },
        { "setup.exe", KennisbankKit.Exe, "Dit soort bestand kun je hier niet delen" },
        { "logo.svg", KennisbankKit.Svg, "SVG- en HTML-bestanden" },
        { "logo.png", KennisbankKit.Svg, "niet wat de naam zegt" },
        { "pagina.html", "<html><script>alert(1)</script></html>"u8.ToArray(), "SVG- en HTML-bestanden" },
        { "pagina.jpg", "<html><script>alert(1)</script></html>"u8.ToArray(), "niet wat de naam zegt" },
        { "archief.docx", KennisbankKit.Zip(("readme.txt", "geen Word")), "niet wat de naam zegt" },
        { "werkblad.docx", KennisbankKit.Office("xl"), "niet wat de naam zegt" },
        { "tekst.odt", KennisbankKit.OpenDocument("application/vnd.oasis.opendocument.spreadsheet"), "niet wat de naam zegt" },
        { "oud.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "Dit soort bestand kun je hier niet delen" },
        { "leeg.pdf", [], "niet wat de naam zegt" },
        { "zonder-extensie", KennisbankKit.Pdf, "Dit soort bestand kun je hier niet delen" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_file_that_is_not_what_its_name_says_or_not_allowed_is_refused_in_dutch(string name, byte[] bytes, string message)
    {
        var (file, error) = FileSniffer.Sniff(name, new MemoryStream(bytes));
        Assert.Null(file);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\iemand\\Bureaublad\\verslag.pdf", "verslag.pdf")]
    [InlineData("ver\"sl<a>g.pdf", "verslag.pdf")]
    [InlineData(".pdf", "bestand.pdf")]
    public void A_file_name_keeps_no_folders_or_unsafe_characters(string given, string kept) =>
        Assert.Equal(kept, CommunityFiles.CleanName(given));
}
