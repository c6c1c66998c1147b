namespace DeepRom.Models.Hits;

/// <summary>
/// Per-component standardisation z = (x - mean) / std of the states, computed on the training data and stored with the
/// model, so that the networks see unit-scale inputs whatever units the user's states are in.
/// </summary>
public sealed record StateScaling(double[] Mean, double[] Std)
{
    /// <summary>Mean and (population) standard deviation of each component over all trajectories and times of (M, T, d) states.</summary>
    public static StateScaling Of(ReadOnlySpan<double> states, int dimension)
    {
        var mean = new double[dimension];
        var std = new double[dimension];
        long count = states.Length / dimension;
        for (int c = 0; c < dimension; c++)
        {
            double sum = 0;
            for (long k = 0; k < count; k++) sum += states[(int)(k * dimension + c)];
            double m = sum / count, squares = 0;
            for (long k = 0; k < count; k++)
            {
                double e = states[(int)(k * dimension + c)] - m;
                squares += e * e;
            }
            mean[c] = m;
            double s = Math.Sqrt(squares / count);
            // A component constant over the whole set carries no scale; leaving it unscaled avoids a division by zero.
            std[c] = s > 1e-12 * Math.Max(1, Math.Abs(m)) ? s : 1;
        }
        return new StateScaling(mean, std);
    }

    public int Dimension => Mean.Length;
}
