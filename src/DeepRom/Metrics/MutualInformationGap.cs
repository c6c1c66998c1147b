namespace DeepRom.Metrics;

/// <summary>How continuous values are cut into bins before computing discrete mutual information.</summary>
public enum Binning
{
    /// <summary>Bins holding (nearly) equal numbers of samples, by rank; equal values always share a bin.</summary>
    EqualFrequency,

    /// <summary>Bins of equal width between the minimum and the maximum (the usual disentanglement_lib choice).</summary>
    EqualWidth,
}

/// <summary>Settings of the mutual information gap.</summary>
/// <param name="Bins">Number of bins per variable (20 is the common choice).</param>
/// <param name="Binning">Equal-frequency or equal-width bins.</param>
public sealed record MigOptions(int Bins = 20, Binning Binning = Binning.EqualFrequency);

/// <summary>
/// Mutual information gap (Chen et al. 2018, "Isolating Sources of Disentanglement in VAEs"): for each factor
/// theta_j, (I(z_(1); theta_j) - I(z_(2); theta_j)) / H(theta_j) with z_(1), z_(2) the latents sharing the most and
/// second most information with it, averaged over the factors; in [0, 1].
/// </summary>
/// <remarks>
/// Latents and factors are continuous here, so each is discretised into <see cref="MigOptions.Bins"/> bins and the
/// plug-in (histogram) mutual information and entropy are used, in nats. Discretising both sides makes I &lt;= H(theta_j)
/// so the gap stays in [0, 1]; with equal-frequency bins a latent that is a strictly monotone function of a factor
/// gets exactly the factor's bins, so I = H. The plug-in estimate is biased upwards by roughly (B-1)^2 / (2n) nats for
/// unrelated variables, which lowers the gap slightly at small n. A factor with zero entropy (constant) is skipped; if
/// every factor is constant the result is NaN. With a single latent the second-largest information is taken as 0.
/// </remarks>
public static class MutualInformationGap
{
    /// <summary>MIG for latents <paramref name="z"/> (n x d) paired row by row with factors <paramref name="theta"/> (n x s).</summary>
    public static double Compute(double[,] z, double[,] theta, MigOptions? options = null)
    {
        options ??= new MigOptions();
        int n = z.GetLength(0), d = z.GetLength(1), s = theta.GetLength(1);
        if (theta.GetLength(0) != n) throw new ArgumentException($"z has {n} rows, theta has {theta.GetLength(0)}", nameof(theta));
        if (options.Bins < 2) throw new ArgumentOutOfRangeException(nameof(options), "need at least 2 bins");
        var zBins = Enumerable.Range(0, d).Select(i => Discretise(Column(z, i), options.Bins, options.Binning)).ToArray();
        double total = 0;
        int counted = 0;
        for (int j = 0; j < s; j++)
        {
            var t = Discretise(Column(theta, j), options.Bins, options.Binning);
            double h = Entropy(t, options.Bins);
            if (h <= 0) continue;
            double first = 0, second = 0;
            for (int i = 0; i < d; i++)
            {
                double mi = MutualInformation(zBins[i], t, options.Bins, options.Bins);
                if (mi > first) { second = first; first = mi; }
                else if (mi > second) second = mi;
            }
            total += (first - second) / h;
            counted++;
        }
        return counted == 0 ? double.NaN : total / counted;
    }

    /// <summary>Bin index in [0, bins) of every value.</summary>
    public static int[] Discretise(double[] values, int bins, Binning binning)
    {
        int n = values.Length;
        var result = new int[n];
        if (n == 0) return result;
        if (binning == Binning.EqualWidth)
        {
            double lo = values.Min(), hi = values.Max();
            if (!(hi > lo)) return result;
            for (int r = 0; r < n; r++)
                result[r] = Math.Min(bins - 1, (int)((values[r] - lo) / (hi - lo) * bins));
            return result;
        }
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort((double[])values.Clone(), order);
        int bin = 0;
        for (int rank = 0; rank < n; rank++)
        {
            // A tie keeps the bin of its first occurrence, so equal values are never split by the rank order.
            bool tie = rank > 0 && values[order[rank]] == values[order[rank - 1]];
            if (!tie) bin = (int)((long)rank * bins / n);
            result[order[rank]] = bin;
        }
        return result;
    }

    /// <summary>Plug-in mutual information (nats) of two discrete labelings of the same samples.</summary>
    public static double MutualInformation(int[] a, int[] b, int binsA, int binsB)
    {
        if (a.Length != b.Length) throw new ArgumentException("labelings differ in length");
        int n = a.Length;
        var joint = new int[binsA, binsB];
        var pa = new int[binsA];
        var pb = new int[binsB];
        for (int r = 0; r < n; r++)
        {
            joint[a[r], b[r]]++;
            pa[a[r]]++;
            pb[b[r]]++;
        }
        double mi = 0;
        for (int x = 0; x < binsA; x++)
            for (int y = 0; y < binsB; y++)
            {
                int c = joint[x, y];
                if (c == 0) continue;
                mi += (double)c / n * Math.Log((double)c * n / ((double)pa[x] * pb[y]));
            }
        return Math.Max(0, mi);
    }

    /// <summary>Plug-in entropy (nats) of a discrete labeling.</summary>
    public static double Entropy(int[] a, int bins)
    {
        var counts = new int[bins];
        foreach (int x in a) counts[x]++;
        double h = 0;
        foreach (int c in counts)
            if (c > 0) h -= (double)c / a.Length * Math.Log((double)c / a.Length);
        return h;
    }

    private static double[] Column(double[,] a, int j)
    {
        var c = new double[a.GetLength(0)];
        for (int r = 0; r < c.Length; r++) c[r] = a[r, j];
        return c;
    }
}
