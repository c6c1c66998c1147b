namespace DeepRom.Numerics.Roots;

/// <summary>
/// Brent's method for a root of a continuous function bracketed by a sign change: inverse quadratic interpolation or the
/// secant where they make progress, bisection where they do not, so it never takes more than about twice bisection's steps
/// (Brent, Algorithms for Minimization without Derivatives, 1973, ch. 4).
/// </summary>
public static class BrentRoot
{
    private const double MachineEpsilon = 2.220446049250313e-16; // 2^-52

    /// <summary>
    /// A point within <paramref name="tolerance"/> (plus a few ulps) of a root of <paramref name="f"/> in [a, b], where f(a) and f(b)
    /// differ in sign (or one is zero).
    /// </summary>
    public static double Find(Func<double, double> f, double a, double b, double tolerance, int maxEvaluations = 200)
    {
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "must be positive");
        double fa = f(a), fb = f(b);
        if (fa == 0) return a;
        if (fb == 0) return b;
        if (!double.IsFinite(fa) || !double.IsFinite(fb) || Math.Sign(fa) == Math.Sign(fb))
            throw new ArgumentException($"f({a}) = {fa} and f({b}) = {fb} do not bracket a root");
        // b is the best estimate, c the other end of the bracket, a the previous b.
        double c = a, fc = fa, step = b - a, previousStep = step;
        for (int evaluations = 2; evaluations < maxEvaluations; evaluations++)
        {
            if (Math.Sign(fb) == Math.Sign(fc))
            {
                (c, fc) = (a, fa);
                step = previousStep = b - a;
            }
            if (Math.Abs(fc) < Math.Abs(fb))
            {
                (a, fa) = (b, fb);
                (b, fb) = (c, fc);
                (c, fc) = (a, fa);
            }
            double slack = 2 * double.Epsilon + 2 * MachineEpsilon * Math.Abs(b) + 0.5 * tolerance;
            double half = 0.5 * (c - b);
            if (Math.Abs(half) <= slack || fb == 0) return b;
            if (Math.Abs(previousStep) >= slack && Math.Abs(fa) > Math.Abs(fb))
            {
                double s = fb / fa, p, q;
                if (a == c)
                {
                    p = 2 * half * s;
                    q = 1 - s;
                }
                else
                {
                    double r = fb / fc;
                    q = fa / fc;
                    p = s * (2 * half * q * (q - r) - (b - a) * (r - 1));
                    q = (q - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q;
                else p = -p;
                // Accept the interpolated point only if it lies well inside the bracket and the steps are shrinking fast enough.
                if (2 * p < Math.Min(3 * half * q - Math.Abs(slack * q), Math.Abs(previousStep * q)))
                {
                    previousStep = step;
                    step = p / q;
                }
                else
                {
                    step = half;
                    previousStep = step;
                }
            }
            else
            {
                step = half;
                previousStep = step;
            }
            (a, fa) = (b, fb);
            b += Math.Abs(step) > slack ? step : Math.CopySign(slack, half);
            fb = f(b);
            if (!double.IsFinite(fb)) throw new ArithmeticException($"f({b}) = {fb} inside the bracket");
        }
        throw new ArithmeticException($"no root to {tolerance} within {maxEvaluations} evaluations");
    }
}
