namespace DeepRom.Numerics.Ode;

/// <summary>
/// The starting step of an adaptive integration: Hairer's heuristic (Solving ODEs I, II.4), the same one scipy's solve_ivp
/// uses, so that an emulation of scipy starts where scipy does.
/// </summary>
internal static class InitialStepSize
{
    /// <summary>
    /// A first step from (<paramref name="t0"/>, <paramref name="x0"/>) with rate <paramref name="f0"/>, for a method whose error
    /// estimate has order <paramref name="errorOrder"/>, never longer than <paramref name="interval"/>. Costs one evaluation.
    /// </summary>
    public static double Select(IVectorField field, double t0, ReadOnlySpan<double> x0, ReadOnlySpan<double> f0, int errorOrder,
        ErrorTolerance tolerance, double interval)
    {
        int d = x0.Length;
        double[] scale = new double[d], x1 = new double[d], f1 = new double[d];
        double d0 = 0, d1 = 0;
        for (int i = 0; i < d; i++)
        {
            scale[i] = tolerance.Absolute + Math.Abs(x0[i]) * tolerance.Relative;
            d0 += Square(x0[i] / scale[i]);
            d1 += Square(f0[i] / scale[i]);
        }
        d0 = Math.Sqrt(d0 / d);
        d1 = Math.Sqrt(d1 / d);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, interval);
        for (int i = 0; i < d; i++) x1[i] = x0[i] + h0 * f0[i];
        field.Evaluate(t0 + h0, x1, f1);
        double d2 = 0;
        for (int i = 0; i < d; i++) d2 += Square((f1[i] - f0[i]) / scale[i]);
        d2 = Math.Sqrt(d2 / d) / h0;
        double h1 = d1 <= 1e-15 && d2 <= 1e-15
            ? Math.Max(1e-6, h0 * 1e-3)
            : Math.Pow(0.01 / Math.Max(d1, d2), 1.0 / (errorOrder + 1));
        return Math.Min(Math.Min(100 * h0, h1), interval);
    }

    private static double Square(double v) => v * v;
}
