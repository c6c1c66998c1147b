namespace DeepRom.Reporting;

/// <summary>Named groups of (x, y) points, e.g. methods placed by their cost and their error.</summary>
public sealed record NamedPoints(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>A scatter plot of named point groups, each in its own colour, on linear or base-10 logarithmic axes.</summary>
public static class PointPlot
{
    /// <summary>
    /// Renders the groups as markers (a group's points joined by a thin line when <paramref name="connect"/>) to PNG bytes. A
    /// log axis falls back to linear when some finite value on it is zero or negative; non-finite points are left out.
    /// </summary>
    public static byte[] Render(IReadOnlyList<NamedPoints> groups, PlotLabels? labels = null, bool logX = false, bool logY = false,
        bool connect = false, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (NamedPoints g in groups)
            if (g.X.Count != g.Y.Count) throw new ArgumentException($"group '{g.Name}' has {g.X.Count} x and {g.Y.Count} y values", nameof(groups));
        bool lx = logX && LinePanel.AllPositive(groups.Select(g => new NamedSeries(g.Name, g.X)));
        bool ly = logY && LinePanel.AllPositive(groups.Select(g => new NamedSeries(g.Name, g.Y)));
        var plot = new ScottPlot.Plot();
        LinePanel.Label(plot, labels ?? new PlotLabels());
        bool any = false;
        foreach (NamedPoints g in groups)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < g.X.Count; i++)
            {
                double x = g.X[i], y = g.Y[i];
                if (!double.IsFinite(x) || !double.IsFinite(y) || (lx && x <= 0) || (ly && y <= 0)) continue;
                xs.Add(lx ? Math.Log10(x) : x);
                ys.Add(ly ? Math.Log10(y) : y);
            }
            var scatter = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            scatter.LineWidth = connect ? 1 : 0;
            scatter.MarkerSize = 8;
            if (groups.Count > 1) scatter.LegendText = g.Name;
            any |= xs.Count > 0;
        }
        if (lx) LinePanel.UseLogTicks(plot.Axes.Bottom);
        if (ly) LinePanel.UseLogTicks(plot.Axes.Left);
        if (groups.Count > 1) plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        else plot.HideLegend();
        if (!any) plot.Axes.SetLimits(0, 1, 0, 1);
        return PanelCanvas.Png(plot, size ?? PlotSize.Default);
    }
}
