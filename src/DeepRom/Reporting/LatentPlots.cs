using ScottPlot;

namespace DeepRom.Reporting;

/// <summary>
/// Plots of a latent space against the generative parameters, as in the disentangling-VAE paper: the aggregated
/// posterior q(z), the prior p(z) and the parameter distribution p(theta) side by side, and the grid of each latent
/// against each parameter (a qualitative measure of disentanglement).
/// </summary>
/// <remarks>Sample matrices are (samples, dimensions), one sample per row.</remarks>
public static class LatentPlots
{
    /// <summary>
    /// Three square panels of the first two dimensions: q(z) samples, p(z) samples and p(theta) samples.
    /// q(z) and p(z) share axis limits so their shapes compare directly; p(theta) has its own, since parameters need
    /// not live on the latent scale. Each panel has equal x and y ranges, so shapes are not stretched.
    /// </summary>
    public static byte[] PosteriorPriorParameters(double[,] posterior, double[,] prior, double[,] parameters,
        PlotSize? size = null)
    {
        Check(posterior, nameof(posterior), 2);
        Check(prior, nameof(prior), 2);
        Check(parameters, nameof(parameters), 2);
        var latentLimits = SquareLimits(Column(posterior, 0).Concat(Column(prior, 0)), Column(posterior, 1).Concat(Column(prior, 1)));
        var parameterLimits = SquareLimits(Column(parameters, 0), Column(parameters, 1));
        Plot?[,] panels =
        {
            {
                Scatter(posterior, 0, 1, new PlotLabels("aggregated posterior q(z)", "z1", "z2"), latentLimits, Colors.C0),
                Scatter(prior, 0, 1, new PlotLabels("prior p(z)", "z1", "z2"), latentLimits, Colors.C1),
                Scatter(parameters, 0, 1, new PlotLabels("parameters p(θ)", "θ1", "θ2"), parameterLimits, Colors.C2),
            },
        };
        return PanelCanvas.Png(panels, size ?? new PlotSize(1200, 420));
    }

    /// <summary>
    /// Grid of scatter panels: row i plots latent z_i (y) against parameter theta_j (x) in column j, over the same samples.
    /// A disentangled representation shows one tight curve per row, each in a different column.
    /// </summary>
    public static byte[] DisentanglementGrid(double[,] latents, double[,] parameters, IReadOnlyList<string>? parameterNames = null,
        PlotSize? size = null)
    {
        Check(latents, nameof(latents), 1);
        Check(parameters, nameof(parameters), 1);
        int samples = latents.GetLength(0), latentCount = latents.GetLength(1), parameterCount = parameters.GetLength(1);
        if (parameters.GetLength(0) != samples)
            throw new ArgumentException($"latents have {samples} samples but parameters have {parameters.GetLength(0)}", nameof(parameters));
        if (parameterNames is not null && parameterNames.Count != parameterCount)
            throw new ArgumentException($"{parameterNames.Count} parameter names for {parameterCount} parameters", nameof(parameterNames));
        var panels = new Plot?[latentCount, parameterCount];
        for (int i = 0; i < latentCount; i++)
        for (int j = 0; j < parameterCount; j++)
        {
            string theta = parameterNames?[j] ?? $"θ{j + 1}";
            var labels = new PlotLabels("", i == latentCount - 1 ? theta : "", j == 0 ? $"z{i + 1}" : "");
            panels[i, j] = Scatter(parameters, j, latents, i, labels, limits: null, Colors.C0);
        }
        return PanelCanvas.Png(panels, size ?? new PlotSize(Math.Min(8192, 40 + 220 * parameterCount), Math.Min(8192, 200 * latentCount)));
    }

    private static Plot Scatter(double[,] samples, int xColumn, int yColumn, PlotLabels labels, AxisLimits? limits, Color color) =>
        Scatter(samples, xColumn, samples, yColumn, labels, limits, color);

    private static Plot Scatter(double[,] xSource, int xColumn, double[,] ySource, int yColumn, PlotLabels labels,
        AxisLimits? limits, Color color)
    {
        var plot = new Plot();
        LinePanel.Label(plot, labels);
        var xs = new List<double>();
        var ys = new List<double>();
        for (int n = 0; n < xSource.GetLength(0); n++)
        {
            double x = xSource[n, xColumn], y = ySource[n, yColumn];
            if (double.IsFinite(x) && double.IsFinite(y)) { xs.Add(x); ys.Add(y); }
        }
        var points = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
        points.Color = color.WithAlpha(0.5);
        // Many thousands of samples overplot into a blob with large markers; shrink them as the count grows.
        points.MarkerSize = xs.Count > 2000 ? 2 : xs.Count > 300 ? 3 : 5;
        if (limits is { } l) plot.Axes.SetLimits(l);
        else if (xs.Count == 0) plot.Axes.SetLimits(0, 1, 0, 1);
        return plot;
    }

    /// <summary>Limits with equal x and y ranges around the data, padded by 5 percent.</summary>
    internal static AxisLimits SquareLimits(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var (xMin, xMax) = Span(xs);
        var (yMin, yMax) = Span(ys);
        if (double.IsNaN(xMin)) (xMin, xMax) = (-1, 1);
        if (double.IsNaN(yMin)) (yMin, yMax) = (-1, 1);
        double half = 0.525 * Math.Max(Math.Max(xMax - xMin, yMax - yMin), 1e-9);
        double xc = 0.5 * (xMin + xMax), yc = 0.5 * (yMin + yMax);
        return new AxisLimits(xc - half, xc + half, yc - half, yc + half);
    }

    private static (double Min, double Max) Span(IEnumerable<double> values)
    {
        double min = double.NaN, max = double.NaN;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            if (double.IsNaN(min) || v < min) min = v;
            if (double.IsNaN(max) || v > max) max = v;
        }
        return (min, max);
    }

    private static IEnumerable<double> Column(double[,] samples, int column)
    {
        for (int n = 0; n < samples.GetLength(0); n++) yield return samples[n, column];
    }

    private static void Check(double[,] samples, string name, int minColumns)
    {
        ArgumentNullException.ThrowIfNull(samples, name);
        if (samples.GetLength(1) < minColumns)
            throw new ArgumentException($"needs at least {minColumns} columns (dimensions), has {samples.GetLength(1)}", name);
    }
}
