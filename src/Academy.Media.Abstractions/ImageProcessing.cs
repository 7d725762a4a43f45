namespace Academy.Media.Abstractions;

/// <summary>What uploads the image processor accepts: JPEG, PNG or WebP, at most this many bytes and pixels.</summary>
public static class ImageLimits
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const long MaxPixels = 40_000_000;

    /// <summary>For a file input's <c>accept</c> attribute.</summary>
    public const string Accept = "image/jpeg,image/png,image/webp";
}

/// <summary>How a variant is cut from the original.</summary>
public enum ImageFit
{
    /// <summary>A square of Size × Size from the middle of the image (avatars).</summary>
    SquareCrop,

    /// <summary>The whole image scaled down to fit in Size × Size; never scaled up.</summary>
    Fit,
}

/// <summary>One output of an upload, e.g. "m" at 128 px square.</summary>
public sealed record ImageVariant(string Name, int Size, ImageFit Fit = ImageFit.SquareCrop);

/// <summary>A WebP image without metadata (no EXIF, GPS, ICC, XMP or IPTC).</summary>
public sealed record ProcessedImage(string Name, int Width, int Height, byte[] WebP);

/// <summary>Either the processed variants, or a Dutch message for the person who uploaded the file.</summary>
public sealed record ImageProcessingResult(IReadOnlyList<ProcessedImage> Images, string? Error)
{
    public bool Succeeded => Error is null;

    public static ImageProcessingResult Fail(string error) => new([], error);
}

/// <summary>
/// Turns an uploaded image into WebP variants. The header is read before anything is decoded, so a file that claims
/// more than <see cref="ImageLimits.MaxPixels"/> (a decompression bomb) is refused without allocating its pixels.
/// </summary>
public interface IImageProcessor
{
    /// <summary>Reads at most <see cref="ImageLimits.MaxBytes"/> + 1 bytes of <paramref name="upload"/>.</summary>
    Task<ImageProcessingResult> ProcessAsync(Stream upload, IReadOnlyList<ImageVariant> variants, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same with a byte limit of the caller's (community files allow 20 MB; the pixel limit stays). The caller
    /// checks the size first and gives its own message; past <paramref name="maxBytes"/> the result is a failure.
    /// </summary>
    Task<ImageProcessingResult> ProcessAsync(Stream upload, IReadOnlyList<ImageVariant> variants, long maxBytes, CancellationToken cancellationToken = default);
}
