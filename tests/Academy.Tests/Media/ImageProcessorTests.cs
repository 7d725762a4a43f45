using System.Buffers.Binary;
using System.IO.Compression;
using Academy.Media.Abstractions;
using Academy.Media.Services;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Academy.Tests.Media;

/// <summary>The image processor on good and bad uploads: every refusal is a Dutch message, never an exception.</summary>
public sealed class ImageProcessorTests
{
    private static readonly ImageVariant[] Sizes = [new("s", 48), new("m", 128), new("l", 320)];

    private readonly ImageSharpProcessor _processor = new();

    [Fact]
    public async Task A_jpeg_with_gps_becomes_three_square_webp_images_without_metadata()
    {
        var jpeg = TestImages.JpegWithGps(800, 600);
        Assert.NotNull(Image.Identify(jpeg).Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));

        var result = await _processor.ProcessAsync(new MemoryStream(jpeg), Sizes);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["s", "m", "l"], result.Images.Select(i => i.Name));
        foreach (var (image, size) in result.Images.Zip(Sizes.Select(s => s.Size)))
        {
            Assert.Equal((size, size), (image.Width, image.Height));
            var format = Image.DetectFormat(image.WebP);
            Assert.Equal("Webp", format.Name, ignoreCase: true);
            var info = Image.Identify(image.WebP);
            Assert.Null(info.Metadata.ExifProfile);
            Assert.Null(info.Metadata.IccProfile);
            Assert.Null(info.Metadata.XmpProfile);
            Assert.False(Contains(image.WebP, "EXIF"u8) || Contains(image.WebP, "Exif"u8), "the WebP has an EXIF chunk");
            Assert.False(Contains(image.WebP, "ICCP"u8) || Contains(image.WebP, "XMP "u8), "the WebP has an ICC or XMP chunk");
        }
    }

    [Fact]
    public async Task A_file_over_10_mb_is_refused_before_it_is_read_further()
    {
        var upload = new CountingStream(new byte[13 * 1024 * 1024]);

        var result = await _processor.ProcessAsync(upload, Sizes);

        Assert.Equal(ImageSharpProcessor.TooLarge, result.Error);
        Assert.Empty(result.Images);
        Assert.True(upload.Read <= ImageLimits.MaxBytes + 81920, $"read {upload.Read} bytes");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("gif")]
    [InlineData("empty")]
    [InlineData("truncated-png")]
    public async Task A_file_that_is_no_jpeg_png_or_webp_is_refused_in_dutch(string kind)
    {
        var bytes = kind switch
        {
            "text" => "Dit is geen foto maar een tekstbestand."u8.ToArray(),
            "gif" => "GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray(),
            "empty" => [],
            _ => TestImages.Png(10, 10)[..40],
        };

        var result = await _processor.ProcessAsync(new MemoryStream(bytes), Sizes);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Error, new[] { ImageSharpProcessor.NotAnImage, ImageSharpProcessor.Unreadable });
        Assert.Empty(result.Images);
    }

    [Fact]
    public async Task A_png_that_claims_100000_by_100000_pixels_is_refused_without_decoding()
    {
        var bomb = TestImages.PngClaiming(100_000, 100_000);

        var result = await _processor.ProcessAsync(new MemoryStream(bomb), Sizes);

        // This message comes only from the header check before decoding (10^10 pixels would be 40 GB of RGBA).
        Assert.Equal(ImageSharpProcessor.TooManyPixels, result.Error);
        Assert.Empty(result.Images);
    }

    [Fact]
    public async Task A_small_png_is_scaled_up_to_each_square_and_fit_keeps_the_aspect_ratio()
    {
        var png = TestImages.Png(60, 30);

        var squares = await _processor.ProcessAsync(new MemoryStream(png), Sizes);
        var fit = await _processor.ProcessAsync(new MemoryStream(png), [new ImageVariant("groot", 320, ImageFit.Fit)]);

        Assert.Equal([48, 128, 320], squares.Images.Select(i => i.Width));
        Assert.Equal((60, 30), (fit.Images[0].Width, fit.Images[0].Height));
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long Read { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            Read += read;
            return read;
        }
    }
}

/// <summary>Images made in the test: a JPEG with GPS in its EXIF, plain PNGs, and a PNG header with any size.</summary>
internal static class TestImages
{
    public static byte[] JpegWithGps(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 80, 40));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(5, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(5, 1), new Rational(55, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.Make, "Testcamera");
        image.Metadata.ExifProfile = exif;
        var output = new MemoryStream();
        image.Save(output, new JpegEncoder());
        return output.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(20, 120, 200));
        var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    /// <summary>A valid PNG signature and IHDR chunk claiming <paramref name="width"/> × <paramref name="height"/>, a tiny IDAT and IEND.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(output, "IHDR", header);
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[4096]);
        }
        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
