namespace DeepRom.Metrics;

/// <summary>
/// How much of each generative parameter an affine map of the latents recovers: the coefficient of determination
/// R^2 of the least-squares fit theta_j ~ a_j + b_j . z on the evaluation set, averaged over j (the informativeness
/// part of Eastwood &amp; Williams's DCI, with a linear regressor).
/// </summary>
/// <remarks>
/// It is blind to rotations and mixing of the latents, which S_D and MIG punish; read together they tell a latent
/// space that lost a parameter (R^2 low) from one that holds it along a rotated axis (R^2 near 1, S_D low).
/// </remarks>
public static class LinearInformativeness
{
    /// <summary>Mean over parameters of R^2 of the affine least-squares fit on <paramref name="z"/> (n x d) for <paramref name="theta"/> (n x s).</summary>
    public static double Compute(double[,] z, double[,] theta) => PerParameter(z, theta).Average();

    /// <summary>R^2 of each parameter (length s), in [0, 1]; a constant parameter counts as fully explained.</summary>
    public static double[] PerParameter(double[,] z, double[,] theta)
    {
        int n = z.GetLength(0), d = z.GetLength(1), s = theta.GetLength(1);
        if (theta.GetLength(0) != n) throw new ArgumentException($"z has {n} rows, theta has {theta.GetLength(0)}", nameof(theta));
        if (n < 2) throw new ArgumentException("need at least two samples", nameof(z));
        // Centred normal equations cov(z, z) b = cov(z, theta_j); the intercept absorbs the means.
        var zMean = DisentanglementScore.ColumnMeans(z);
        var gram = DisentanglementScore.Covariance(z, z);
        var cross = DisentanglementScore.Covariance(z, theta);
        var tMean = DisentanglementScore.ColumnMeans(theta);
        var r2 = new double[s];
        for (int j = 0; j < s; j++)
        {
            var rhs = new double[d];
            for (int a = 0; a < d; a++) rhs[a] = cross[a, j];
            double[] coef = SolveSymmetric(gram, rhs);
            double total = 0, residual = 0;
            for (int r = 0; r < n; r++)
            {
                double t = theta[r, j] - tMean[j], fit = 0;
                for (int a = 0; a < d; a++) fit += coef[a] * (z[r, a] - zMean[a]);
                total += t * t;
                residual += (t - fit) * (t - fit);
            }
            r2[j] = total > 0 ? Math.Clamp(1 - residual / total, 0, 1) : 1;
        }
        return r2;
    }

    // Gaussian elimination with partial pivoting; a latent that is constant (a zero pivot) gets coefficient 0,
    // i.e. it is dropped from the fit, the minimum-norm choice for a rank-deficient Gram matrix of that kind.
    private static double[] SolveSymmetric(double[,] matrix, double[] rhs)
    {
        int d = rhs.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])rhs.Clone();
        var x = new double[d];
        var pivotOf = new int[d];
        double scale = 0;
        for (int i = 0; i < d; i++) scale = Math.Max(scale, Math.Abs(a[i, i]));
        double tiny = 1e-12 * Math.Max(scale, double.Epsilon);
        var used = new bool[d];
        for (int col = 0; col < d; col++)
        {
            int pivot = -1;
            double best = tiny;
            for (int row = 0; row < d; row++)
                if (!used[row] && Math.Abs(a[row, col]) > best) { best = Math.Abs(a[row, col]); pivot = row; }
            pivotOf[col] = pivot;
            if (pivot < 0) continue;
            used[pivot] = true;
            for (int row = 0; row < d; row++)
            {
                if (row == pivot || a[row, col] == 0) continue;
                double f = a[row, col] / a[pivot, col];
                for (int k = col; k < d; k++) a[row, k] -= f * a[pivot, k];
                b[row] -= f * b[pivot];
            }
        }
        for (int col = 0; col < d; col++)
            if (pivotOf[col] >= 0) x[col] = b[pivotOf[col]] / a[pivotOf[col], col];
        return x;
    }
}
