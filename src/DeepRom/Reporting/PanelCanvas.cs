using ScottPlot;
using SkiaSharp;

namespace DeepRom.Reporting;

/// <summary>Renders one plot, or a rows x columns grid of plots, into a single PNG in memory.</summary>
/// <remarks>
/// Panels are drawn by ScottPlot into sub-rectangles of one Skia surface rather than through ScottPlot's Multiplot,
/// so that layout is plain arithmetic here and does not depend on that API's evolution.
/// </remarks>
internal static class PanelCanvas
{
    public static byte[] Png(Plot plot, PlotSize size) => Png(new[,] { { plot } }, size);

    /// <summary>Null entries leave their cell blank. Takes ownership of the plots: they are disposed once drawn.</summary>
    public static byte[] Png(Plot?[,] panels, PlotSize size)
    {
        try
        {
            return Render(panels, size);
        }
        finally
        {
            foreach (Plot? plot in panels) plot?.Dispose();
        }
    }

    private static byte[] Render(Plot?[,] panels, PlotSize size)
    {
        size.Validate(nameof(size));
        int rows = panels.GetLength(0), columns = panels.GetLength(1);
        if (rows == 0 || columns == 0) throw new ArgumentException("a figure needs at least one panel", nameof(panels));
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not create a {size.Width}x{size.Height} surface");
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        float cellWidth = (float)size.Width / columns, cellHeight = (float)size.Height / rows;
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < columns; c++)
        {
            Plot? plot = panels[r, c];
            if (plot is null) continue;
            // Whole pixels avoid hairline seams between neighbouring panels.
            var rect = new PixelRect(
                MathF.Round(c * cellWidth), MathF.Round((c + 1) * cellWidth),
                MathF.Round((r + 1) * cellHeight), MathF.Round(r * cellHeight));
            canvas.Save();
            canvas.ClipRect(rect.ToSKRect());
            plot.Render(canvas, rect);
            canvas.Restore();
        }
        canvas.Flush();
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
