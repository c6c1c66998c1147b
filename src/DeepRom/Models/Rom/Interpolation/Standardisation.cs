namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// An affine map of vectors to mean 0 and unit scale, fitted to training rows: parameters in different units weigh alike
/// in distances and network inputs, and a network's targets are of order one.
/// </summary>
/// <param name="Offsets">Per-column mean of the training rows.</param>
/// <param name="Scales">Per-column divisor (1 where a column is constant).</param>
public sealed record Standardisation(double[] Offsets, double[] Scales)
{
    /// <summary>
    /// The standardisation of <paramref name="rows"/>: per-column means, and per-column standard deviations or, with
    /// <paramref name="sharedScale"/>, one scale for all columns (the root mean square of their standard deviations).
    /// </summary>
    public static Standardisation Fit(IReadOnlyList<double[]> rows, bool sharedScale = false)
    {
        int n = rows[0].Length;
        var mean = new double[n];
        var variance = new double[n];
        foreach (var row in rows)
            for (int j = 0; j < n; j++) mean[j] += row[j] / rows.Count;
        foreach (var row in rows)
            for (int j = 0; j < n; j++) variance[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.Count;
        double[] scales = sharedScale
            ? Enumerable.Repeat(Math.Sqrt(variance.Average()), n).ToArray()
            : variance.Select(Math.Sqrt).ToArray();
        return new Standardisation(mean, scales.Select(v => v > 0 ? v : 1).ToArray());
    }

    /// <summary>(x - offset) / scale.</summary>
    public double[] Apply(ReadOnlySpan<double> x)
    {
        var y = new double[x.Length];
        for (int j = 0; j < y.Length; j++) y[j] = (x[j] - Offsets[j]) / Scales[j];
        return y;
    }

    /// <summary>y scale + offset.</summary>
    public double[] Invert(ReadOnlySpan<double> y)
    {
        var x = new double[y.Length];
        for (int j = 0; j < x.Length; j++) x[j] = y[j] * Scales[j] + Offsets[j];
        return x;
    }
}
