using SkiaSharp;

namespace DeepRom.Tests.Reporting;

/// <summary>A PNG decoded to RGBA pixels, for checking what the plot functions drew.</summary>
internal sealed class DecodedPng
{
    private readonly SKColor[] _pixels;

    private DecodedPng(int width, int height, SKColor[] pixels) { Width = width; Height = height; _pixels = pixels; }

    public int Width { get; }
    public int Height { get; }

    public SKColor this[int x, int y] => _pixels[y * Width + x];

    /// <summary>Checks the PNG signature, then decodes with Skia; fails the test if either is wrong.</summary>
    public static DecodedPng From(byte[] png)
    {
        Assert.True(png.Length > 8, "PNG too short");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        return new DecodedPng(bitmap.Width, bitmap.Height, bitmap.Pixels);
    }

    /// <summary>Variance of the grey level over all pixels; zero for a blank image.</summary>
    public double GreyVariance()
    {
        double sum = 0, sumSquares = 0;
        foreach (var p in _pixels)
        {
            double g = (p.Red + p.Green + p.Blue) / 3.0;
            sum += g;
            sumSquares += g * g;
        }
        double mean = sum / _pixels.Length;
        return sumSquares / _pixels.Length - mean * mean;
    }

    /// <summary>Asserts the requested size and that something besides the background was drawn.</summary>
    public static DecodedPng AssertPlot(byte[] png, int width, int height)
    {
        var image = From(png);
        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
        Assert.True(image.GreyVariance() > 1.0, $"image looks blank (grey variance {image.GreyVariance()})");
        return image;
    }
}
