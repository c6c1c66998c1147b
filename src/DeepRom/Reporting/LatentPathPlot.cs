using ScottPlot;

namespace DeepRom.Reporting;

/// <summary>
/// The latent codes of the training simulations as points in a plane, with the codes an interpolation produces along a
/// path through parameter space drawn as lines: where a path leaves the cloud of training codes, or kinks, is where a
/// prediction is least trustworthy.
/// </summary>
public static class LatentPathPlot
{
    /// <summary>
    /// Training codes (n, 2) as points and each path (m, 2) as a line; coordinates are whatever plane the caller chose
    /// (the codes' two leading principal axes, say), named by <paramref name="labels"/>.
    /// </summary>
    public static byte[] Render(double[,] trainingCodes, IReadOnlyList<(string Name, double[,] Path)> paths, PlotLabels labels, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(trainingCodes);
        if (trainingCodes.GetLength(1) != 2) throw new ArgumentException("training codes must have two columns", nameof(trainingCodes));
        foreach (var (name, path) in paths)
            if (path.GetLength(1) != 2) throw new ArgumentException($"path '{name}' must have two columns", nameof(paths));
        var plot = new Plot();
        LinePanel.Label(plot, labels);
        Color[] palette = [Colors.C1, Colors.C2, Colors.C3, Colors.C4, Colors.C5];
        for (int k = 0; k < paths.Count; k++)
        {
            var (xs, ys) = Finite(paths[k].Path);
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = paths[k].Name;
            line.LineWidth = 2;
            line.Color = palette[k % palette.Length];
        }
        var (px, py) = Finite(trainingCodes);
        var points = plot.Add.ScatterPoints(px, py);
        points.LegendText = "training simulations";
        points.Color = Colors.C0;
        points.MarkerSize = 6;
        plot.ShowLegend();
        var all = Finite(trainingCodes).Xs.Concat(paths.SelectMany(p => Finite(p.Path).Xs)).ToArray();
        if (all.Length == 0) plot.Axes.SetLimits(0, 1, 0, 1);
        return PanelCanvas.Png(plot, size ?? PlotSize.Default);
    }

    private static (double[] Xs, double[] Ys) Finite(double[,] points)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int n = 0; n < points.GetLength(0); n++)
            if (double.IsFinite(points[n, 0]) && double.IsFinite(points[n, 1])) { xs.Add(points[n, 0]); ys.Add(points[n, 1]); }
        return (xs.ToArray(), ys.ToArray());
    }
}
