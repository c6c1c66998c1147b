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

    /// <summary>Overwrites <paramref name="h"/> (upper Hessenberg) with a quasi-triangular matrix and returns its eigenvalues.</summary>
    public static Complex[] Eigenvalues(double[,] h)
    {
        int n = h.GetLength(0);
        var values = new Complex[n];
        double norm = 0;
        for (int i = 0; i < n; i++)
            for (int j = Math.Max(0, i - 1); j < n; j++) norm += Math.Abs(h[i, j]);
        int hi = n - 1, iterations = 0;
        while (hi >= 0)
        {
            int lo = ActiveStart(h, hi, norm);
            if (lo == hi)
            {
                values[hi] = h[hi, hi];
                hi--;
                iterations = 0;
            }
            else if (lo == hi - 1)
            {
                (values[hi - 1], values[hi]) = TwoByTwo(h[hi - 1, hi - 1], h[hi - 1, hi], h[hi, hi - 1], h[hi, hi]);
                hi -= 2;
                iterations = 0;
            }
            else
            {
                if (++iterations > IterationsPerEigenvalue)
                    throw new ArithmeticException($"QR iteration did not converge for the eigenvalue at row {hi}");
                DoubleShiftStep(h, lo, hi, exceptional: iterations % 10 == 0);
            }
        }
        return values;
    }

    /// <summary>Sets negligible subdiagonal entries to zero and returns the first row of the unreduced block ending at <paramref name="hi"/>.</summary>
    private static int ActiveStart(double[,] h, int hi, double norm)
    {
        for (int i = hi; i > 0; i--)
        {
            double scale = Math.Abs(h[i - 1, i - 1]) + Math.Abs(h[i, i]);
            if (scale == 0) scale = norm;
            if (Math.Abs(h[i, i - 1]) <= double.Epsilon + MachineEpsilon * scale)
            {
                h[i, i - 1] = 0;
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
    private static void DoubleShiftStep(double[,] h, int lo, int hi, bool exceptional)
    {
        double sum, product;
        if (exceptional)
        {
            // LAPACK's dlahqr choice: a shift pair built from the trailing subdiagonal magnitudes.
            double s = Math.Abs(h[hi, hi - 1]) + Math.Abs(h[hi - 1, hi - 2]);
            double h11 = 0.75 * s + h[hi, hi];
            sum = 2 * h11;
            product = h11 * h11 + 0.4375 * s * s;
        }
        else
        {
            sum = h[hi - 1, hi - 1] + h[hi, hi];
            product = h[hi - 1, hi - 1] * h[hi, hi] - h[hi - 1, hi] * h[hi, hi - 1];
        }
        // First column of (H - s1 I)(H - s2 I): only three entries are nonzero.
        double x = h[lo, lo] * h[lo, lo] + h[lo, lo + 1] * h[lo + 1, lo] - sum * h[lo, lo] + product;
        double y = h[lo + 1, lo] * (h[lo, lo] + h[lo + 1, lo + 1] - sum);
        double z = h[lo + 1, lo] * h[lo + 2, lo + 1];
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
                    double d = u0 * h[k, j] + u1 * h[k + 1, j] + (size == 3 ? u2 * h[k + 2, j] : 0);
                    d *= beta;
                    h[k, j] -= d * u0;
                    h[k + 1, j] -= d * u1;
                    if (size == 3) h[k + 2, j] -= d * u2;
                }
                // Columns k..k+size-1 down to the row below the bulge.
                for (int i = lo; i <= Math.Min(k + 3, hi); i++)
                {
                    double d = h[i, k] * u0 + h[i, k + 1] * u1 + (size == 3 ? h[i, k + 2] * u2 : 0);
                    d *= beta;
                    h[i, k] -= d * u0;
                    h[i, k + 1] -= d * u1;
                    if (size == 3) h[i, k + 2] -= d * u2;
                }
                if (k > lo)
                {
                    h[k + 1, k - 1] = 0;
                    if (size == 3) h[k + 2, k - 1] = 0;
                }
            }
            if (k < hi - 1)
            {
                x = h[k + 1, k];
                y = h[k + 2, k];
                z = k + 3 <= hi ? h[k + 3, k] : 0;
            }
        }
    }
}
