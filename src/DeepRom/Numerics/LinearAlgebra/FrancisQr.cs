using System.Numerics;

namespace DeepRom.Numerics.LinearAlgebra;

/// <summary>
/// Eigenvalues of a real upper Hessenberg matrix by Francis's implicit double-shift QR iteration (Golub &amp; Van Loan,
/// Algorithms 7.5.1 and 7.5.2), in real arithmetic: complex eigenvalues come out as exactly conjugate pairs.
/// </summary>
internal static class FrancisQr
{
    private const int IterationsPerEigenvalue = 40;
    private const double MachineEpsilon = 2.220446049250313e-16; // 2^-52

    /// <summary>
    /// The eigenvalues of <paramref name="h"/> (n x n upper Hessenberg, row-major), which is used as workspace. Each step
    /// transforms only the unreduced diagonal block it works on: the blocks above and to the right would matter for a Schur
    /// form, not for the eigenvalues.
    /// </summary>
    public static Complex[] Eigenvalues(Span<double> h, int n)
    {
        var values = new Complex[n];
        double norm = 0;
        for (int i = 0; i < n; i++)
            for (int j = Math.Max(0, i - 1); j < n; j++) norm += Math.Abs(h[i * n + j]);
        int hi = n - 1, iterations = 0;
        while (hi >= 0)
        {
            int lo = ActiveStart(h, n, hi, norm);
            if (lo == hi)
            {
                values[hi] = h[hi * n + hi];
                hi--;
                iterations = 0;
            }
            else if (lo == hi - 1)
            {
                (values[hi - 1], values[hi]) = TwoByTwo(h[(hi - 1) * n + hi - 1], h[(hi - 1) * n + hi], h[hi * n + hi - 1], h[hi * n + hi]);
                hi -= 2;
                iterations = 0;
            }
            else
            {
                if (++iterations > IterationsPerEigenvalue)
                    throw new ArithmeticException($"QR iteration did not converge for the eigenvalue at row {hi}");
                DoubleShiftStep(h, n, lo, hi, exceptional: iterations % 10 == 0);
            }
        }
        return values;
    }

    /// <summary>Sets negligible subdiagonal entries to zero and returns the first row of the unreduced block ending at <paramref name="hi"/>.</summary>
    private static int ActiveStart(Span<double> h, int n, int hi, double norm)
    {
        for (int i = hi; i > 0; i--)
        {
            double scale = Math.Abs(h[(i - 1) * n + i - 1]) + Math.Abs(h[i * n + i]);
            if (scale == 0) scale = norm;
            if (Math.Abs(h[i * n + i - 1]) <= double.Epsilon + MachineEpsilon * scale)
            {
                h[i * n + i - 1] = 0;
                return i;
            }
        }
        return 0;
    }

    /// <summary>The eigenvalues of [[a, b], [c, d]], the larger-magnitude real root first computed without cancellation.</summary>
    internal static (Complex, Complex) TwoByTwo(double a, double b, double c, double d)
    {
        // Eigenvalues d + mu with mu^2 - 2 p mu - b c = 0, p = (a - d) / 2.
        double p = 0.5 * (a - d), bc = b * c, discriminant = p * p + bc;
        if (discriminant >= 0)
        {
            double z = p + Math.CopySign(Math.Sqrt(discriminant), p);
            if (z == 0) return (d, d);
            return (d + z, d - bc / z);
        }
        double mid = d + p, imaginary = Math.Sqrt(-discriminant);
        return (new Complex(mid, imaginary), new Complex(mid, -imaginary));
    }

    /// <summary>
    /// One implicit double-shift step on the unreduced block lo..hi: the shifts are the eigenvalues of the trailing 2 x 2
    /// (or, every tenth iteration, an exceptional pair that breaks the cycles the standard shifts can fall into).
    /// </summary>
    private static void DoubleShiftStep(Span<double> h, int n, int lo, int hi, bool exceptional)
    {
        double sum, product;
        if (exceptional)
        {
            // LAPACK's dlahqr choice: a shift pair built from the trailing subdiagonal magnitudes.
            double s = Math.Abs(h[hi * n + hi - 1]) + Math.Abs(h[(hi - 1) * n + hi - 2]);
            double h11 = 0.75 * s + h[hi * n + hi];
            sum = 2 * h11;
            product = h11 * h11 + 0.4375 * s * s;
        }
        else
        {
            sum = h[(hi - 1) * n + hi - 1] + h[hi * n + hi];
            product = h[(hi - 1) * n + hi - 1] * h[hi * n + hi] - h[(hi - 1) * n + hi] * h[hi * n + hi - 1];
        }
        // First column of (H - s1 I)(H - s2 I): only three entries are nonzero.
        double x = h[lo * n + lo] * h[lo * n + lo] + h[lo * n + lo + 1] * h[(lo + 1) * n + lo] - sum * h[lo * n + lo] + product;
        double y = h[(lo + 1) * n + lo] * (h[lo * n + lo] + h[(lo + 1) * n + lo + 1] - sum);
        double z = h[(lo + 1) * n + lo] * h[(lo + 2) * n + lo + 1];
        for (int k = lo; k < hi; k++)
        {
            int size = k < hi - 1 ? 3 : 2;
            if (size == 2) z = 0;
            double scale = Math.Abs(x) + Math.Abs(y) + Math.Abs(z);
            if (scale != 0)
            {
                double u0 = x / scale, u1 = y / scale, u2 = z / scale;
                double alpha = -Math.CopySign(Math.Sqrt(u0 * u0 + u1 * u1 + u2 * u2), u0);
                u0 -= alpha;
                double beta = 2 / (u0 * u0 + u1 * u1 + u2 * u2);
                // Rows k..k+size-1 from column k-1 (the bulge) to the block's end.
                for (int j = Math.Max(lo, k - 1); j <= hi; j++)
                {
                    double d = u0 * h[k * n + j] + u1 * h[(k + 1) * n + j] + (size == 3 ? u2 * h[(k + 2) * n + j] : 0);
                    d *= beta;
                    h[k * n + j] -= d * u0;
                    h[(k + 1) * n + j] -= d * u1;
                    if (size == 3) h[(k + 2) * n + j] -= d * u2;
                }
                // Columns k..k+size-1 down to the row below the bulge.
                for (int i = lo; i <= Math.Min(k + 3, hi); i++)
                {
                    double d = h[i * n + k] * u0 + h[i * n + k + 1] * u1 + (size == 3 ? h[i * n + k + 2] * u2 : 0);
                    d *= beta;
                    h[i * n + k] -= d * u0;
                    h[i * n + k + 1] -= d * u1;
                    if (size == 3) h[i * n + k + 2] -= d * u2;
                }
                if (k > lo)
                {
                    h[(k + 1) * n + k - 1] = 0;
                    if (size == 3) h[(k + 2) * n + k - 1] = 0;
                }
            }
            if (k < hi - 1)
            {
                x = h[(k + 1) * n + k];
                y = h[(k + 2) * n + k];
                z = k + 3 <= hi ? h[(k + 3) * n + k] : 0;
            }
        }
    }
}
