using Academy.Media.Abstractions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Academy.Media.Services;

/// <summary>
/// <see cref="IImageProcessor"/> on ImageSharp 2.1.13. Only the JPEG, PNG and WebP decoders are configured, so other
/// formats (GIF, BMP, TIFF…) are refused as "not a photo" rather than decoded.
/// </summary>
public sealed class ImageSharpProcessor : IImageProcessor
{
    public const string TooLarge = "Het bestand is groter dan 10 MB. Kies een kleinere foto.";
    public const string NotAnImage = "Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-bestand.";
    public const string TooManyPixels = "Deze foto heeft te veel pixels (hoogstens 40 megapixels). Verklein de foto en probeer het opnieuw.";
    public const string Unreadable = "Deze foto kan niet worden gelezen. Kies een ander bestand.";

    private static readonly Configuration Formats = new(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule());

    private static readonly WebpEncoder Encoder = new() { FileFormat = WebpFileFormatType.Lossy, Quality = 82 };

    public Task<ImageProcessingResult> ProcessAsync(Stream upload, IReadOnlyList<ImageVariant> variants, CancellationToken cancellationToken = default) =>
        ProcessAsync(upload, variants, ImageLimits.MaxBytes, cancellationToken);

    public async Task<ImageProcessingResult> ProcessAsync(Stream upload, IReadOnlyList<ImageVariant> variants, long maxBytes, CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        if (!await CopyAtMostAsync(upload, buffer, maxBytes, cancellationToken))
        {
            return ImageProcessingResult.Fail(TooLarge);
        }
        if (buffer.Length == 0)
        {
            return ImageProcessingResult.Fail(NotAnImage);
        }

        // The header first: dimensions without decoding a pixel.
        buffer.Position = 0;
        IImageInfo? info;
        try
        {
            info = Image.Identify(Formats, buffer, out _);
        }
        catch (Exception e) when (IsBadImage(e))
        {
            return ImageProcessingResult.Fail(NotAnImage);
        }
        if (info is null)
        {
            return ImageProcessingResult.Fail(NotAnImage);
        }
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > ImageLimits.MaxPixels)
        {
            return ImageProcessingResult.Fail(TooManyPixels);
        }

        buffer.Position = 0;
        try
        {
            using var image = Image.Load<Rgba32>(Formats, buffer);
            // One frame only (an animated WebP or PNG becomes a still), turned the way the camera says, then no metadata.
            while (image.Frames.Count > 1)
            {
                image.Frames.RemoveFrame(image.Frames.Count - 1);
            }
            image.Mutate(x => x.AutoOrient());
            StripMetadata(image);
            var images = new List<ProcessedImage>(variants.Count);
            foreach (var variant in variants)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Fit never scales up (ResizeMode.Max would): a small image that already fits is kept at its size.
                var fitsAlready = variant.Fit == ImageFit.Fit && image.Width <= variant.Size && image.Height <= variant.Size;
                using var resized = image.Clone(x => { if (!fitsAlready) { x.Resize(Options(variant)); } });
                StripMetadata(resized);
                var output = new MemoryStream();
                await resized.SaveAsync(output, Encoder, cancellationToken);
                images.Add(new ProcessedImage(variant.Name, resized.Width, resized.Height, output.ToArray()));
            }
            return new ImageProcessingResult(images, null);
        }
        catch (Exception e) when (IsBadImage(e))
        {
            return ImageProcessingResult.Fail(Unreadable);
        }
    }

    private static ResizeOptions Options(ImageVariant variant) => variant.Fit switch
    {
        ImageFit.Fit => new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(variant.Size, variant.Size) },
        _ => new ResizeOptions { Mode = ResizeMode.Crop, Position = AnchorPositionMode.Center, Size = new Size(variant.Size, variant.Size) },
    };

    private static void StripMetadata(Image image)
    {
        Clear(image.Metadata);
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IccProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    private static void Clear(ImageMetadata metadata)
    {
        metadata.ExifProfile = null;
        metadata.IccProfile = null;
        metadata.IptcProfile = null;
        metadata.XmpProfile = null;
    }

    private static bool IsBadImage(Exception e) =>
        e is UnknownImageFormatException or InvalidImageContentException or ImageFormatException or NotSupportedException
            or InvalidOperationException or ArgumentException or IndexOutOfRangeException or EndOfStreamException or OverflowException;

    /// <summary>False when <paramref name="source"/> holds more than <paramref name="limit"/> bytes.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream source, MemoryStream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > limit)
            {
                return false;
            }
            target.Write(chunk, 0, read);
        }
        return true;
    }
}
