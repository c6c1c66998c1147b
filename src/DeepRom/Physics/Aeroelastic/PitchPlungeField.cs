using DeepRom.Numerics.Ode;
using static DeepRom.Physics.Aeroelastic.PitchPlungeState;
using static DeepRom.Physics.Aeroelastic.WagnerFunction;

namespace DeepRom.Physics.Aeroelastic;

/// <summary>The 8-state first-order pitch-plunge system x' = f(x) at one reduced speed, time in tau = U t / b, and its Jacobian.</summary>
public sealed class PitchPlungeField : IVectorField
{
    private readonly double[] _plunge, _pitch;
    private readonly double _cubic, _c0, _c1, _d0, _d1, _determinant;

    public PitchPlungeField(PitchPlungeConfig config, double speed)
    {
        Coefficients = new PitchPlungeCoefficients(config, speed);
        _plunge = [.. Coefficients.Plunge];
        _pitch = [.. Coefficients.Pitch];
        (_cubic, _c0, _c1, _d0, _d1, _determinant) =
            (Coefficients.Cubic, Coefficients.C0, Coefficients.C1, Coefficients.D0, Coefficients.D1, Coefficients.Determinant);
    }

    public PitchPlungeCoefficients Coefficients { get; }

    public int Dimension => PitchPlungeState.Dimension;

    public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> rate)
    {
        double p = 0, q = 0;
        for (int i = 0; i < PitchPlungeState.Dimension; i++)
        {
            p += _plunge[i] * x[i];
            q += _pitch[i] * x[i];
        }
        double alpha = x[Pitch], xi = x[Plunge];
        q += _cubic * alpha * alpha * alpha;
        rate[Plunge] = x[PlungeRate];
        rate[Pitch] = x[PitchRate];
        rate[PlungeRate] = (-_d1 * p + _c1 * q) / _determinant;
        rate[PitchRate] = (_d0 * p - _c0 * q) / _determinant;
        rate[PitchLag1] = alpha - Eps1 * x[PitchLag1];
        rate[PitchLag2] = alpha - Eps2 * x[PitchLag2];
        rate[PlungeLag1] = xi - Eps1 * x[PlungeLag1];
        rate[PlungeLag2] = xi - Eps2 * x[PlungeLag2];
    }

    /// <summary>The Jacobian df/dx at <paramref name="x"/> (8 x 8); at the origin it is the linearised system matrix, whatever beta_a.</summary>
    public double[,] Jacobian(ReadOnlySpan<double> x)
    {
        var a = new double[PitchPlungeState.Dimension, PitchPlungeState.Dimension];
        a[Plunge, PlungeRate] = 1;
        a[Pitch, PitchRate] = 1;
        double alpha = x[Pitch];
        for (int i = 0; i < PitchPlungeState.Dimension; i++)
        {
            double q = _pitch[i] + (i == Pitch ? 3 * _cubic * alpha * alpha : 0);
            a[PlungeRate, i] = (-_d1 * _plunge[i] + _c1 * q) / _determinant;
            a[PitchRate, i] = (_d0 * _plunge[i] - _c0 * q) / _determinant;
        }
        (a[PitchLag1, Pitch], a[PitchLag1, PitchLag1]) = (1, -Eps1);
        (a[PitchLag2, Pitch], a[PitchLag2, PitchLag2]) = (1, -Eps2);
        (a[PlungeLag1, Plunge], a[PlungeLag1, PlungeLag1]) = (1, -Eps1);
        (a[PlungeLag2, Plunge], a[PlungeLag2, PlungeLag2]) = (1, -Eps2);
        return a;
    }

    /// <summary>The linearised system matrix, the Jacobian at rest.</summary>
    public double[,] Linearisation() => Jacobian(new double[PitchPlungeState.Dimension]);
}
