using System.Reflection;
using PdfSharp.Fonts;

namespace Academy.Accreditation.Pdf;

/// <summary>
/// PDFsharp finds no system fonts on Linux by itself; every PDF of the site uses DejaVu Sans, embedded in this
/// assembly at build time from the npm package (see the csproj), whatever family a document asks for.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly object Gate = new();
    private static bool installed;

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        // Italic is simulated; the one family serves every request so a document never fails on a missing font.
        new(isBold ? Bold : Regular, false, isItalic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"Academy.Accreditation.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded; run `npm ci` and rebuild.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
