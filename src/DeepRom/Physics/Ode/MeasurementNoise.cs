namespace DeepRom.Physics.Ode;

/// <summary>
/// HiTS's measurement noise: every value of component c gets Level s_c N(0, 1), where s_c is the mean over the set's
/// trajectories of each trajectory's standard deviation in time of c (the reference's <c>data.std(1).mean(0)</c>; its text
/// says "of the variance", its code scales the standard deviation). A component constant in time (Hopf's mu) gets none.
/// </summary>
public static class MeasurementNoise
{
    /// <summary>The text stored with noisy data.</summary>
    public const string Definition =
        "states = clean + noise * s_c * N(0, 1) independently per value, s_c = mean over this file's trajectories of each " +
        "trajectory's standard deviation in time (population, ddof 0) of component c, as the HiTS reference's data.std(1).mean(0)";

    /// <summary>s_c for states (count, steps, dimension) row-major: one scale per component.</summary>
    public static double[] Scale(ReadOnlySpan<double> states, int count, int steps, int dimension)
    {
        var scale = new double[dimension];
        for (int m = 0; m < count; m++)
        {
            var trajectory = states.Slice(m * steps * dimension, steps * dimension);
            for (int c = 0; c < dimension; c++)
            {
                // Shifted by the first value: a component constant in time then gets exactly zero, not round-off.
                double shift = trajectory[c], mean = 0;
                for (int k = 0; k < steps; k++) mean += trajectory[k * dimension + c] - shift;
                mean /= steps;
                double variance = 0;
                for (int k = 0; k < steps; k++)
                {
                    double deviation = trajectory[k * dimension + c] - shift - mean;
                    variance += deviation * deviation;
                }
                scale[c] += Math.Sqrt(variance / steps);
            }
        }
        for (int c = 0; c < dimension; c++) scale[c] /= count;
        return scale;
    }

    /// <summary>
    /// Adds <paramref name="level"/> s_c N(0, 1) to every value of one trajectory ((steps, dimension) row-major) in place,
    /// drawing from <paramref name="random"/> in storage order.
    /// </summary>
    public static void Add(Span<double> trajectory, ReadOnlySpan<double> scale, double level, Random random)
    {
        int dimension = scale.Length;
        double? spare = null;
        for (int i = 0; i < trajectory.Length; i++)
        {
            double z;
            if (spare is double s)
            {
                z = s;
                spare = null;
            }
            else
            {
                // Box-Muller, both outputs used in turn; 1 - u keeps the logarithm finite.
                double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())), angle = 2 * Math.PI * random.NextDouble();
                spare = radius * Math.Sin(angle);
                z = radius * Math.Cos(angle);
            }
            trajectory[i] += level * scale[i % dimension] * z;
        }
    }
}
