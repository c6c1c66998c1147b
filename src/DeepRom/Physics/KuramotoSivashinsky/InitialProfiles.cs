namespace DeepRom.Physics.KuramotoSivashinsky;

/// <summary>The initial fields u(x, 0) on the grid x_j = L (j + 1) / N.</summary>
public static class InitialProfiles
{
    /// <summary>Root-mean-square amplitude of the random field: small, so the start is near u = 0 and the linear instability grows it.</summary>
    public const double RandomAmplitude = 0.01;

    /// <summary>How the random field is drawn, for the file's settings.</summary>
    public const string RandomDefinition =
        "sum over the Fourier modes n = 1, 2, ... with 2 pi n / L < 1 (the linearly unstable band; mode 1 at least, below N/2) of " +
        "a_n cos(2 pi n x / L) + b_n sin(2 pi n x / L), a_n and b_n independent standard normal (Box-Muller on System.Random(seed)), " +
        "scaled to root-mean-square 0.01 on the grid; zero mean";

    /// <summary>u(x, 0) of <paramref name="profile"/> on <paramref name="grid"/> for the period <paramref name="domainLength"/>.</summary>
    public static double[] Make(InitialProfile profile, ReadOnlySpan<double> grid, double domainLength, int seed) => profile switch
    {
        InitialProfile.KassamTrefethen => KassamTrefethen(grid, domainLength),
        InitialProfile.Random => Random(grid, domainLength, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "unknown initial profile"),
    };

    /// <summary>cos(2 pi x/L)(1 + sin(2 pi x/L)), which for L = 32 pi is the paper's cos(x/16)(1 + sin(x/16)).</summary>
    public static double[] KassamTrefethen(ReadOnlySpan<double> grid, double domainLength)
    {
        var u = new double[grid.Length];
        double scale = 2 * Math.PI / domainLength;
        for (int j = 0; j < u.Length; j++)
        {
            double theta = scale * grid[j];
            u[j] = Math.Cos(theta) * (1 + Math.Sin(theta));
        }
        return u;
    }

    /// <summary>A Gaussian random field over the linearly unstable Fourier modes, root-mean-square <see cref="RandomAmplitude"/>, zero mean.</summary>
    /// <remarks>
    /// Only the unstable band is drawn so the field is smooth (a few long waves) and every mode in it grows: the chaotic state is
    /// reached from it without a decaying burst of short waves. The modes' sum is evaluated directly on the grid, so the mean is
    /// zero to round-off.
    /// </remarks>
    public static double[] Random(ReadOnlySpan<double> grid, double domainLength, int seed)
    {
        int n = grid.Length;
        int modes = Math.Clamp((int)Math.Ceiling(domainLength / (2 * Math.PI)) - 1, 1, n / 2 - 1);
        var random = new Random(seed);
        var u = new double[n];
        for (int mode = 1; mode <= modes; mode++)
        {
            double a = StandardNormal(random), b = StandardNormal(random);
            double k = 2 * Math.PI * mode / domainLength;
            for (int j = 0; j < n; j++) u[j] += a * Math.Cos(k * grid[j]) + b * Math.Sin(k * grid[j]);
        }
        double rms = Math.Sqrt(u.Sum(v => v * v) / n);
        for (int j = 0; j < n; j++) u[j] *= RandomAmplitude / rms;
        return u;
    }

    private static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // in (0, 1], so the logarithm is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
