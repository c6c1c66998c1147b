namespace DeepRom.Reporting;

/// <summary>A generic plot of several named y series against one x, e.g. errors against a generative parameter.</summary>
public static class LinePlot
{
    /// <summary>
    /// Renders the series as lines to PNG bytes. With <paramref name="logY"/> the y axis is base-10 logarithmic,
    /// unless some finite value is zero or negative: then the axis stays linear so that no point is hidden.
    /// </summary>
    public static byte[] Render(IReadOnlyList<double> x, IReadOnlyList<NamedSeries> series, PlotLabels? labels = null,
        bool logY = false, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        bool log = logY && LinePanel.AllPositive(series);
        var plot = LinePanel.Build(x, series, labels ?? new PlotLabels(), log);
        return PanelCanvas.Png(plot, size ?? PlotSize.Default);
    }
}
