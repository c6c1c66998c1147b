namespace DeepRom.Numerics.LinearAlgebra;

/// <summary>Orthogonal reduction of a square matrix to upper Hessenberg form by Householder reflections (Golub &amp; Van Loan, Algorithm 7.4.2).</summary>
internal static class HessenbergReduction
{
    /// <summary>Overwrites <paramref name="a"/> (n x n, row-major) with Q^T A Q, zero below the first subdiagonal; Q itself is not kept.</summary>
    public static void Apply(Span<double> a, int n)
    {
        var u = new double[n];
        for (int k = 0; k < n - 2; k++)
        {
            double norm = 0;
            for (int i = k + 1; i < n; i++) norm = Math.Max(norm, Math.Abs(a[i * n + k]));
            if (norm == 0) continue;
            // Scaled by the largest entry so that the squares neither overflow nor underflow.
            double sumSquares = 0;
            for (int i = k + 1; i < n; i++)
            {
                u[i] = a[i * n + k] / norm;
                sumSquares += u[i] * u[i];
            }
            double alpha = -Math.CopySign(Math.Sqrt(sumSquares), u[k + 1]);
            // Choosing alpha opposite in sign to u[k+1] avoids cancellation in u[k+1] - alpha.
            u[k + 1] -= alpha;
            double beta = 2 / Dot(u, u, k + 1, n);
            for (int j = k; j < n; j++)
            {
                double d = 0;
                for (int i = k + 1; i < n; i++) d += u[i] * a[i * n + j];
                d *= beta;
                for (int i = k + 1; i < n; i++) a[i * n + j] -= d * u[i];
            }
            for (int i = 0; i < n; i++)
            {
                double d = 0;
                for (int j = k + 1; j < n; j++) d += a[i * n + j] * u[j];
                d *= beta;
                for (int j = k + 1; j < n; j++) a[i * n + j] -= d * u[j];
            }
            for (int i = k + 2; i < n; i++) a[i * n + k] = 0;
        }
    }

    private static double Dot(double[] x, double[] y, int from, int to)
    {
        double sum = 0;
        for (int i = from; i < to; i++) sum += x[i] * y[i];
        return sum;
    }
}
