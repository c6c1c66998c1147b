using CsCheck;
using DeepRom.Numerics.Ode;

namespace DeepRom.Tests.Numerics.Ode;

/// <summary>ETDRK4's contour-integral coefficients: the direct formulas where they are accurate, the Taylor limits where they are not.</summary>
public class EtdRk4CoefficientsTests
{
    [Fact]
    public void Away_from_zero_the_contour_means_equal_the_direct_formulas()
    {
        // For |z| >= 2 the direct expressions lose at most a few digits, so they are a fair reference there.
        Gen.Select(Gen.Double[2, 400], Gen.Bool, Gen.Double[0.01, 2]).Sample((magnitude, growing, h) =>
        {
            double rate = (growing ? Math.Min(magnitude, 20) : -magnitude) / h;
            var c = EtdRk4Coefficients.For([rate], h);
            double z = h * rate, ez = Math.Exp(z), z3 = z * z * z;
            AssertClose(Math.Exp(z), c.Exp[0]);
            AssertClose(Math.Exp(z / 2), c.HalfExp[0]);
            AssertClose(h * (Math.Exp(z / 2) - 1) / z, c.Q[0]);
            AssertClose(h * (-4 - z + ez * (4 - 3 * z + z * z)) / z3, c.F1[0]);
            AssertClose(h * (2 + z + ez * (z - 2)) / z3, c.F2[0]);
            AssertClose(h * (-4 - 3 * z - z * z + ez * (4 - z)) / z3, c.F3[0]);
        }, iter: 300);
    }

    [Fact]
    public void At_and_near_zero_the_coefficients_take_their_limits_where_the_direct_formulas_cancel()
    {
        const double h = 0.25;
        foreach (double z in new[] { 0.0, 1e-9, -1e-9, 1e-5 })
        {
            var c = EtdRk4Coefficients.For([z / h], h);
            // The Taylor series to z^2; the next terms are below 1e-15 for these z.
            Assert.Equal(0.5 + z / 8 + z * z / 48, c.Q[0] / h, 1e-14);
            Assert.Equal(1.0 / 6 + z / 6 + 3 * z * z / 40, c.F1[0] / h, 1e-14);
            Assert.Equal(1.0 / 6 + z / 12 + z * z / 40, c.F2[0] / h, 1e-14);
            Assert.Equal(1.0 / 6 - z * z / 120, c.F3[0] / h, 1e-14);
        }
    }

    [Fact]
    public void With_no_linear_part_one_step_is_the_classical_rk4_weights()
    {
        // lambda = 0: the final combination h (N1 + 2 N2 + 2 N3 + N4) / 6 of classical RK4, and half steps of h/2.
        var c = EtdRk4Coefficients.For([0.0], 0.3);
        Assert.Equal(1, c.Exp[0]);
        Assert.Equal(1, c.HalfExp[0]);
        Assert.Equal(0.15, c.Q[0], 1e-15);
        Assert.Equal(0.05, c.F1[0], 1e-15);
        Assert.Equal(0.05, c.F2[0], 1e-15);
        Assert.Equal(0.05, c.F3[0], 1e-15);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-11 * Math.Abs(expected) + 1e-300, $"{actual} against {expected}");
}
