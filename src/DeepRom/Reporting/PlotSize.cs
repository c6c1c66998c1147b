namespace DeepRom.Reporting;

/// <summary>Size of a rendered PNG in pixels.</summary>
public sealed record PlotSize(int Width, int Height)
{
    /// <summary>The default single-plot size: small in bytes, readable in a report.</summary>
    public static PlotSize Default { get; } = new(600, 450);

    internal void Validate(string what)
    {
        if (Width < 16 || Height < 16 || Width > 8192 || Height > 8192)
            throw new ArgumentOutOfRangeException(what, $"image size {Width}x{Height} must be between 16 and 8192 pixels per side");
    }
}

/// <summary>One named data series, e.g. a loss component over epochs.</summary>
public sealed record NamedSeries(string Name, IReadOnlyList<double> Values);
