using DeepRom.Numerics.Ode;

namespace DeepRom.Tests.Numerics.Ode;

/// <summary>Problems with known solutions for the integrator tests.</summary>
internal static class TestProblems
{
    /// <summary>x' = lambda x componentwise: x(t) = x0 e^(lambda t).</summary>
    public static VectorField Exponential(double lambda, int dimension = 1) =>
        new(dimension, (_, x, r) => { for (int i = 0; i < x.Length; i++) r[i] = lambda * x[i]; });

    /// <summary>
    /// Kepler's two-body problem q'' = -q / |q|^3 as a first-order system (q1, q2, p1, p2): nonlinear in every component, so a
    /// method's order shows fully. From (1, 0, 0, 1) the orbit is the unit circle, (cos t, sin t, -sin t, cos t).
    /// </summary>
    public static VectorField Kepler { get; } = new(4, (_, s, r) =>
    {
        double r3 = Math.Pow(s[0] * s[0] + s[1] * s[1], 1.5);
        r[0] = s[2];
        r[1] = s[3];
        r[2] = -s[0] / r3;
        r[3] = -s[1] / r3;
    });

    public static double[] CircularOrbitStart => [1, 0, 0, 1];

    /// <summary>The largest deviation of a Kepler state from the circular orbit at time t.</summary>
    public static double CircularOrbitError(ReadOnlySpan<double> s, double t) =>
        new[] { s[0] - Math.Cos(t), s[1] - Math.Sin(t), s[2] + Math.Sin(t), s[3] - Math.Cos(t) }.Max(Math.Abs);

    /// <summary>The Van der Pol oscillator with mu = 5 (fast and slow phases, so the step size must adapt).</summary>
    public static VectorField StiffishVanDerPol { get; } = new(2, (_, s, r) =>
    {
        r[0] = s[1];
        r[1] = 5 * (1 - s[0] * s[0]) * s[1] - s[0];
    });

    /// <summary>Observed order from errors at step counts n and 2n.</summary>
    public static double Order(double coarse, double fine) => Math.Log2(coarse / fine);
}
