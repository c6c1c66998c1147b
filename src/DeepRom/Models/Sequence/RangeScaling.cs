namespace DeepRom.Models.Sequence;

/// <summary>
/// Per-component feature scaling z = (x - mean) / (max - min), the sequence-generation reference's, computed on the
/// training part only so that nothing of the generated part leaks into the models.
/// </summary>
public sealed record RangeScaling(double[] Mean, double[] Range)
{
    /// <summary>The scaling of (T, d) row-major <paramref name="states"/>; a constant component gets range 1.</summary>
    public static RangeScaling Of(ReadOnlySpan<double> states, int dimension)
    {
        long count = states.Length / dimension;
        if (count < 1) throw new ArgumentException("no states to scale by");
        var mean = new double[dimension];
        var min = Enumerable.Repeat(double.PositiveInfinity, dimension).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, dimension).ToArray();
        for (long k = 0; k < count; k++)
        for (int c = 0; c < dimension; c++)
        {
            double v = states[(int)(k * dimension + c)];
            mean[c] += v;
            min[c] = Math.Min(min[c], v);
            max[c] = Math.Max(max[c], v);
        }
        var range = new double[dimension];
        for (int c = 0; c < dimension; c++)
        {
            mean[c] /= count;
            double r = max[c] - min[c];
            range[c] = r > 1e-12 * Math.Max(1, Math.Abs(mean[c])) ? r : 1;
        }
        return new RangeScaling(mean, range);
    }

    public int Dimension => Mean.Length;

    /// <summary>(T, d) row-major states in data units to scaled features.</summary>
    public double[] Scale(ReadOnlySpan<double> states) => Map(states, (v, c) => (v - Mean[c]) / Range[c]);

    /// <summary>Scaled features back to data units.</summary>
    public double[] Unscale(ReadOnlySpan<double> features) => Map(features, (z, c) => z * Range[c] + Mean[c]);

    private double[] Map(ReadOnlySpan<double> values, Func<double, int, double> f)
    {
        var result = new double[values.Length];
        for (int k = 0; k < values.Length; k++) result[k] = f(values[k], k % Dimension);
        return result;
    }
}
