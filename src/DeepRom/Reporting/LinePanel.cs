using ScottPlot;
using ScottPlot.TickGenerators;

namespace DeepRom.Reporting;

/// <summary>Builds one ScottPlot panel of named lines, on a linear or a base-10 logarithmic y axis.</summary>
internal static class LinePanel
{
    public static Plot Build(IReadOnlyList<double> x, IReadOnlyList<NamedSeries> series, PlotLabels labels, bool logY)
    {
        var plot = new Plot();
        // The default palette repeats after ten colours; more lines (a hierarchy of eleven levels and its coupling) need twenty.
        if (series.Count > 10) plot.Add.Palette = new ScottPlot.Palettes.Category20();
        Label(plot, labels);
        bool anyPoint = false;
        foreach (NamedSeries s in series)
        {
            if (s.Values.Count != x.Count)
                throw new ArgumentException($"series '{s.Name}' has {s.Values.Count} values but there are {x.Count} x values", nameof(series));
            // Non-finite points (a diverged epoch, a missing value) are skipped so they do not wreck the autoscale.
            var xs = new List<double>(x.Count);
            var ys = new List<double>(x.Count);
            for (int i = 0; i < x.Count; i++)
            {
                double y = s.Values[i];
                if (!double.IsFinite(x[i]) || !double.IsFinite(y) || (logY && y <= 0)) continue;
                xs.Add(x[i]);
                ys.Add(logY ? Math.Log10(y) : y);
            }
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            // ScottPlot shows a legend as soon as any line has legend text; one series needs none.
            if (series.Count > 1) line.LegendText = s.Name;
            line.LineWidth = 1.5f;
            line.MarkerSize = xs.Count <= 30 ? 4 : 0;
            anyPoint |= xs.Count > 0;
        }
        if (logY) UseLogTicks(plot.Axes.Left);
        if (series.Count > 1) plot.ShowLegend(Alignment.UpperRight);
        else plot.HideLegend();
        if (!anyPoint) plot.Axes.SetLimits(0, 1, 0, 1);
        return plot;
    }

    public static void Label(Plot plot, PlotLabels labels)
    {
        if (labels.Title.Length > 0) plot.Title(labels.Title, 14);
        if (labels.XLabel.Length > 0) plot.XLabel(labels.XLabel, 12);
        if (labels.YLabel.Length > 0) plot.YLabel(labels.YLabel, 12);
    }

    /// <summary>True when every finite value of every series is positive and at least one exists, so a log axis is meaningful.</summary>
    public static bool AllPositive(IEnumerable<NamedSeries> series)
    {
        bool any = false;
        foreach (NamedSeries s in series)
        foreach (double v in s.Values)
        {
            if (!double.IsFinite(v)) continue;
            if (v <= 0) return false;
            any = true;
        }
        return any;
    }

    // ScottPlot 5 has no logarithmic axis: the data are plotted as log10 and the ticks relabelled as powers of ten.
    public static void UseLogTicks(ScottPlot.IAxis axis)
    {
        axis.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new LogMinorTickGenerator(),
            LabelFormatter = exponent => NumberText.PowerOfTen(exponent),
        };
    }
}
