namespace DeepRom.Tests.Metrics;

/// <summary>Seeded samples for the metric tests.</summary>
internal static class Draws
{
    /// <summary>n samples of N(mean, L L^T), with L lower triangular (d x d).</summary>
    public static double[,] Gaussian(Random rng, int n, double[] mean, double[,] cholesky)
    {
        int d = mean.Length;
        var x = new double[n, d];
        var e = new double[d];
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < d; j++) e[j] = StandardNormal(rng);
            for (int i = 0; i < d; i++)
            {
                double v = mean[i];
                for (int j = 0; j <= i; j++) v += cholesky[i, j] * e[j];
                x[r, i] = v;
            }
        }
        return x;
    }

    public static double[,] StandardGaussian(Random rng, int n, int d)
    {
        var l = new double[d, d];
        for (int i = 0; i < d; i++) l[i, i] = 1;
        return Gaussian(rng, n, new double[d], l);
    }

    /// <summary>The paper's 4-mode mixture: each coordinate +-1 with probability 1/2 plus N(0, 0.25^2).</summary>
    public static double[,] FourModes(Random rng, int n)
    {
        var x = new double[n, 2];
        for (int r = 0; r < n; r++)
            for (int j = 0; j < 2; j++) x[r, j] = (rng.Next(2) == 0 ? -1 : 1) + 0.25 * StandardNormal(rng);
        return x;
    }

    /// <summary>Rows rotated by the angle (radians) in the plane of the first two columns.</summary>
    public static double[,] Rotate(double[,] x, double angle)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        var y = (double[,])x.Clone();
        for (int r = 0; r < x.GetLength(0); r++)
        {
            y[r, 0] = c * x[r, 0] - s * x[r, 1];
            y[r, 1] = s * x[r, 0] + c * x[r, 1];
        }
        return y;
    }

    public static double StandardNormal(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
