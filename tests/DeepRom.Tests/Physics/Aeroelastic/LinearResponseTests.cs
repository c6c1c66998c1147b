using System.Numerics;
using DeepRom.Numerics.Ode;
using DeepRom.Physics.Aeroelastic;
using static DeepRom.Physics.Aeroelastic.PitchPlungeState;

namespace DeepRom.Tests.Physics.Aeroelastic;

/// <summary>With a linear spring, the integrated motion is the eigen-solution: once the dominant mode leads, its rate and frequency are the leading eigenvalue's.</summary>
public class LinearResponseTests
{
    /// <summary>
    /// Prony's method for one damped oscillation: samples Delta apart obey x_{k+1} = p x_k + q x_{k-1} with p = 2 Re z,
    /// q = -|z|^2, z = e^(lambda Delta); p and q by least squares, then lambda = log(z) / Delta.
    /// </summary>
    private static Complex FitMode(ReadOnlySpan<double> x, double delta)
    {
        double s11 = 0, s12 = 0, s22 = 0, r1 = 0, r2 = 0;
        for (int k = 1; k < x.Length - 1; k++)
        {
            s11 += x[k] * x[k];
            s12 += x[k] * x[k - 1];
            s22 += x[k - 1] * x[k - 1];
            r1 += x[k + 1] * x[k];
            r2 += x[k + 1] * x[k - 1];
        }
        double det = s11 * s22 - s12 * s12, p = (r1 * s22 - r2 * s12) / det, q = (s11 * r2 - s12 * r1) / det;
        var z = new Complex(p / 2, Math.Sqrt(-q - p * p / 4));
        return Complex.Log(z) / delta;
    }

    [Theory]
    [InlineData(4.0, 1.0, 2500)]    // 0.64 U*_L: the slowest mode decays like e^(-0.0112 tau), the next one 0.0104 faster (rate within 2e-9 measured)
    [InlineData(7.0, 1e-3, 400)]     // 1.11 U*_L: the flutter mode grows, the next one decays
    public void The_dominant_modes_rate_and_frequency_are_the_leading_eigenvalues(double speed, double pitch, double windowStart)
    {
        var config = PitchPlungeConfig.Standard.WithLinearSpring();
        Complex leading = FlutterAnalysis.Modes(config, speed)[0];
        const double delta = 0.5;
        const int count = 400;
        double[] times = [0, .. Enumerable.Range(0, count).Select(k => windowStart + k * delta)];
        var states = new double[times.Length * Dimension];
        var start = new double[Dimension];
        start[Pitch] = pitch;
        // A relative tolerance only: the decaying run is near 1e-14 of its start by the window.
        new DormandPrince853(new PitchPlungeField(config, speed), new ErrorTolerance(1e-12, 1e-20)).Solve(start, times, states);
        var window = new double[count];
        for (int k = 0; k < count; k++) window[k] = states[(k + 1) * Dimension + Pitch];

        Complex fitted = FitMode(window, delta);

        Assert.True(Math.Abs(fitted.Real - leading.Real) < 1e-6 * Math.Abs(leading.Real) + 1e-9, $"rate {fitted.Real} against {leading.Real}");
        Assert.True(Math.Abs(Math.Abs(fitted.Imaginary) - leading.Imaginary) < 1e-6 * leading.Imaginary, $"frequency {fitted.Imaginary} against {leading.Imaginary}");
    }
}
