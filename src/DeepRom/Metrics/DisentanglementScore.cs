namespace DeepRom.Metrics;

/// <summary>
/// The covariance disentanglement score S_D of Jacobsen and Duraisamy (seed 001, eq 6): the mean over latents i of
/// max_j |cov(z_i, theta_j)| / sum_j |cov(z_i, theta_j)|, in [1/s, 1]; 1 means every latent follows a single factor.
/// </summary>
/// <remarks>
/// A latent whose covariances with all factors are zero (a constant or fully uninformative latent) has a 0/0 ratio;
/// it is counted as 1/s, the limit of equal covariances and the score of a fully entangled latent, so it still
/// pulls S_D down as the paper remarks for surplus latents, and S_D stays in [1/s, 1].
/// </remarks>
public static class DisentanglementScore
{
    /// <summary>S_D for latent samples <paramref name="z"/> (n x d) paired row by row with factors <paramref name="theta"/> (n x s).</summary>
    public static double Compute(double[,] z, double[,] theta)
    {
        var perLatent = PerLatent(z, theta);
        return perLatent.Average();
    }

    /// <summary>The ratio max_j |cov_ij| / sum_j |cov_ij| of each latent i (length d).</summary>
    public static double[] PerLatent(double[,] z, double[,] theta)
    {
        var cov = Covariance(z, theta);
        int d = cov.GetLength(0), s = cov.GetLength(1);
        var ratio = new double[d];
        for (int i = 0; i < d; i++)
        {
            double max = 0, sum = 0;
            for (int j = 0; j < s; j++)
            {
                double a = Math.Abs(cov[i, j]);
                sum += a;
                if (a > max) max = a;
            }
            ratio[i] = sum > 0 ? max / sum : 1.0 / s;
        }
        return ratio;
    }

    /// <summary>Sample cross-covariance cov(z_i, theta_j) (d x s, divisor n - 1).</summary>
    public static double[,] Covariance(double[,] z, double[,] theta)
    {
        int n = z.GetLength(0), d = z.GetLength(1), s = theta.GetLength(1);
        if (theta.GetLength(0) != n) throw new ArgumentException($"z has {n} rows, theta has {theta.GetLength(0)}", nameof(theta));
        if (n < 2) throw new ArgumentException("need at least two samples", nameof(z));
        if (d == 0 || s == 0) throw new ArgumentException("z and theta need at least one column each");
        var zMean = ColumnMeans(z);
        var tMean = ColumnMeans(theta);
        var cov = new double[d, s];
        for (int r = 0; r < n; r++)
            for (int i = 0; i < d; i++)
            {
                double dz = z[r, i] - zMean[i];
                for (int j = 0; j < s; j++) cov[i, j] += dz * (theta[r, j] - tMean[j]);
            }
        for (int i = 0; i < d; i++)
            for (int j = 0; j < s; j++) cov[i, j] /= n - 1;
        return cov;
    }

    internal static double[] ColumnMeans(double[,] a)
    {
        int n = a.GetLength(0), d = a.GetLength(1);
        var mean = new double[d];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < d; j++) mean[j] += a[r, j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        return mean;
    }

    internal static double[] ColumnStds(double[,] a)
    {
        int n = a.GetLength(0), d = a.GetLength(1);
        var mean = ColumnMeans(a);
        var std = new double[d];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < d; j++) std[j] += (a[r, j] - mean[j]) * (a[r, j] - mean[j]);
        for (int j = 0; j < d; j++) std[j] = Math.Sqrt(std[j] / (n - 1));
        return std;
    }
}
