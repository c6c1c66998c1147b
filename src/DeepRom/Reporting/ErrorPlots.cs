using ScottPlot;

namespace DeepRom.Reporting;

/// <summary>Errors of a parametric model against its parameters, one panel per parameter, as points (parameters may be scattered).</summary>
public static class ErrorPlots
{
    /// <summary>
    /// One panel per parameter: each point's error against that parameter's value, on a base-10 logarithmic axis when
    /// every error is positive.
    /// </summary>
    public static byte[] AgainstParameters(IReadOnlyList<double[]> parameters, IReadOnlyList<double> errors, IReadOnlyList<string> parameterNames,
        string errorName, PlotSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(errors);
        if (parameters.Count != errors.Count) throw new ArgumentException($"{errors.Count} errors for {parameters.Count} points", nameof(errors));
        int s = parameterNames.Count;
        if (s == 0) throw new ArgumentException("no parameters to plot against", nameof(parameterNames));
        bool logY = errors.All(e => e > 0 && double.IsFinite(e));
        var panels = new Plot?[1, s];
        for (int d = 0; d < s; d++)
        {
            var plot = new Plot();
            LinePanel.Label(plot, new PlotLabels("", parameterNames[d], logY ? $"{errorName} (log10)" : errorName));
            var xs = parameters.Select(p => p[d]).ToArray();
            var ys = errors.Select(e => logY ? Math.Log10(e) : e).ToArray();
            var points = plot.Add.ScatterPoints(xs, ys);
            points.MarkerSize = 7;
            panels[0, d] = plot;
        }
        return PanelCanvas.Png(panels, size ?? new PlotSize(Math.Min(8192, 420 * s), 360));
    }
}
