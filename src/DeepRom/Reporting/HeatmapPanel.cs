using ScottPlot;

namespace DeepRom.Reporting;

/// <summary>Builds one ScottPlot panel showing a 2-D field as a heatmap with a colour bar.</summary>
internal static class HeatmapPanel
{
    public static Plot Build(IReadOnlyList<float> field, FieldShape shape, string title, (double Min, double Max) range, IColormap colormap,
        bool colorBar = true)
    {
        var plot = new Plot();
        if (title.Length > 0) plot.Title(title, 12);
        var heatmap = plot.Add.Heatmap(ToImageRows(field, shape));
        heatmap.Colormap = colormap;
        heatmap.ManualRange = new ScottPlot.Range(range.Min, range.Max);
        heatmap.Extent = new CoordinateRect(0, shape.Width, 0, shape.Height);
        heatmap.NaNCellColor = Colors.Magenta;
        if (colorBar) plot.Add.ColorBar(heatmap);
        plot.Axes.SetLimits(0, shape.Width, 0, shape.Height);
        plot.HideGrid();
        plot.Axes.Bottom.TickLabelStyle.FontSize = 9;
        plot.Axes.Left.TickLabelStyle.FontSize = 9;
        return plot;
    }

    /// <summary>
    /// ScottPlot draws Intensities[0, *] as the top row of the image; fields store y upward, so the rows are reversed
    /// here rather than through ScottPlot's flip flags, whose meaning has changed between versions.
    /// </summary>
    internal static double[,] ToImageRows(IReadOnlyList<float> field, FieldShape shape)
    {
        var rows = new double[shape.Height, shape.Width];
        for (int j = 0; j < shape.Height; j++)
        for (int i = 0; i < shape.Width; i++)
            rows[shape.Height - 1 - j, i] = field[j * shape.Width + i];
        return rows;
    }

    /// <summary>Finite minimum and maximum over fields; a constant or empty field gets a unit-wide range so the colours stay defined.</summary>
    public static (double Min, double Max) Range(params IReadOnlyList<float>[] fields)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var field in fields)
        foreach (float v in field)
        {
            if (!float.IsFinite(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min > max) return (0, 1);
        if (min == max) return (min - 0.5, max + 0.5);
        return (min, max);
    }
}
