namespace DeepRom.Tests.Models.Rom;

/// <summary>A small analytic family of simulations: a Gaussian pulse of amplitude a travelling at speed c, on a 3 x 3 grid of (a, c).</summary>
internal static class TravellingPulse
{
    public static readonly double[][] Grid =
        [[0.8, 0.5], [0.8, 1.0], [0.8, 1.5], [1.0, 0.5], [1.0, 1.0], [1.0, 1.5], [1.2, 0.5], [1.2, 1.0], [1.2, 1.5]];

    /// <summary>One simulation (steps, cells) at (a, c): u = 1 + a exp(-((x - 0.2 - 0.5 c t) / 0.15)^2), t = 0 .. 0.9, x in [0, 1).</summary>
    public static float[] Simulation(double[] point, int steps, int cells)
    {
        var values = new float[steps * cells];
        for (int t = 0; t < steps; t++)
            for (int i = 0; i < cells; i++)
            {
                double x = (i + 0.5) / cells, centre = 0.2 + 0.5 * point[1] * (0.1 * t);
                values[t * cells + i] = (float)(1 + point[0] * Math.Exp(-Math.Pow((x - centre) / 0.15, 2)));
            }
        return values;
    }

    /// <summary>The simulations at <paramref name="points"/>, standardised as a whole (mean 0, standard deviation 1), as the reduction sees them.</summary>
    public static double[][] Scaled(double[][] points, int steps, int cells)
    {
        var raw = points.Select(p => Simulation(p, steps, cells)).ToArray();
        double mean = raw.SelectMany(s => s).Average(v => (double)v);
        double sd = Math.Sqrt(raw.SelectMany(s => s).Average(v => (v - mean) * (v - mean)));
        return raw.Select(s => s.Select(v => (v - mean) / sd).ToArray()).ToArray();
    }
}
