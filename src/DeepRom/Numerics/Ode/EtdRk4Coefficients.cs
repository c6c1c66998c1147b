using System.Numerics;

namespace DeepRom.Numerics.Ode;

/// <summary>
/// The coefficients of Cox and Matthews's fourth-order exponential time differencing Runge-Kutta scheme (ETDRK4) for
/// v' = lambda v + N(v) with a real diagonal linear part lambda and a fixed step h, one entry per diagonal element.
/// </summary>
/// <remarks>
/// The phi-function coefficients, e.g. (e^z (4 - 3z + z^2) - 4 - z) / z^3 with z = h lambda, lose every digit to cancellation
/// when |z| is small. Following Kassam &amp; Trefethen, "Fourth-order time-stepping for stiff PDEs", SIAM J. Sci. Comput. 26
/// (2005) 1214-1233, each one is instead the mean of the same expression over a circle of radius 1 around z, where no
/// cancellation occurs (Cauchy's integral formula for an analytic function). lambda is real, so the values on the lower
/// half of the circle are the conjugates of those on the upper half: the mean over <see cref="ContourPoints"/> points on the
/// upper half circle, real part taken, equals the mean over twice as many points on the whole circle.
/// </remarks>
public sealed class EtdRk4Coefficients
{
    /// <summary>Points on the upper half of the contour, as in the paper.</summary>
    public const int ContourPoints = 16;

    private EtdRk4Coefficients(int count)
    {
        _exp = new double[count];
        _halfExp = new double[count];
        _q = new double[count];
        _f1 = new double[count];
        _f2 = new double[count];
        _f3 = new double[count];
    }

    private readonly double[] _exp, _halfExp, _q, _f1, _f2, _f3;

    /// <summary>e^{h lambda}.</summary>
    public ReadOnlySpan<double> Exp => _exp;

    /// <summary>e^{h lambda / 2}.</summary>
    public ReadOnlySpan<double> HalfExp => _halfExp;

    /// <summary>h (e^{z/2} - 1) / z: the weight of a nonlinear term over half a step.</summary>
    public ReadOnlySpan<double> Q => _q;

    /// <summary>h (-4 - z + e^z (4 - 3z + z^2)) / z^3: the final weight of N(v_n).</summary>
    public ReadOnlySpan<double> F1 => _f1;

    /// <summary>h (2 + z + e^z (-2 + z)) / z^3: the final weight of each of N(a) and N(b), counted twice.</summary>
    public ReadOnlySpan<double> F2 => _f2;

    /// <summary>h (-4 - 3z - z^2 + e^z (4 - z)) / z^3: the final weight of N(c).</summary>
    public ReadOnlySpan<double> F3 => _f3;

    /// <summary>The coefficients for the diagonal <paramref name="rates"/> lambda and step <paramref name="step"/> h.</summary>
    public static EtdRk4Coefficients For(ReadOnlySpan<double> rates, double step)
    {
        if (!(step > 0) || double.IsInfinity(step)) throw new ArgumentOutOfRangeException(nameof(step), step, "must be positive and finite");
        var c = new EtdRk4Coefficients(rates.Length);
        var contour = new Complex[ContourPoints];
        for (int j = 0; j < ContourPoints; j++) contour[j] = Complex.FromPolarCoordinates(1, Math.PI * (j + 0.5) / ContourPoints);
        for (int i = 0; i < rates.Length; i++)
        {
            double z0 = step * rates[i];
            c._exp[i] = Math.Exp(z0);
            c._halfExp[i] = Math.Exp(z0 / 2);
            Complex q = 0, f1 = 0, f2 = 0, f3 = 0;
            foreach (Complex r in contour)
            {
                Complex z = z0 + r, ez = Complex.Exp(z), z3 = z * z * z;
                q += (Complex.Exp(z / 2) - 1) / z;
                f1 += (-4 - z + ez * (4 - 3 * z + z * z)) / z3;
                f2 += (2 + z + ez * (z - 2)) / z3;
                f3 += (-4 - 3 * z - z * z + ez * (4 - z)) / z3;
            }
            double weight = step / ContourPoints;
            c._q[i] = weight * q.Real;
            c._f1[i] = weight * f1.Real;
            c._f2[i] = weight * f2.Real;
            c._f3[i] = weight * f3.Real;
        }
        return c;
    }
}
