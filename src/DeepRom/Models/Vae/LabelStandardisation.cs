namespace DeepRom.Models.Vae;

/// <summary>
/// The affine map between generative parameters in the user's units and the latent scale the semi-supervised term
/// targets: z = (theta - Mean) / Scale, theta = Mean + Scale z.
/// </summary>
/// <remarks>
/// Eq 28 of seed 001 asks q(z | y) to put the label itself at z, under a N(0, I) prior. Parameters in physical units
/// (positions in metres, say) sit far from that scale and the two terms fight; standardised labels do not. The mean
/// and scale come from the labelled samples only (they are all the supervision the run has): their mean and standard
/// deviation per parameter. One labelled sample, or a parameter constant over the labelled ones, gives scale 1 for it.
/// </remarks>
public sealed record LabelStandardisation(double[] Mean, double[] Scale)
{
    /// <summary>No change: mean 0, scale 1 (the reference's raw labels).</summary>
    public static LabelStandardisation Identity(int parameters) =>
        new(new double[parameters], Enumerable.Repeat(1.0, parameters).ToArray());

    /// <summary>Mean and standard deviation of <paramref name="theta"/>'s rows listed in <paramref name="labelled"/>.</summary>
    public static LabelStandardisation FromLabelled(double[,] theta, IReadOnlyList<int> labelled)
    {
        int s = theta.GetLength(1);
        if (labelled.Count == 0) return Identity(s);
        var mean = new double[s];
        var scale = new double[s];
        for (int j = 0; j < s; j++)
        {
            double m = labelled.Average(r => theta[r, j]);
            double variance = labelled.Count > 1 ? labelled.Sum(r => (theta[r, j] - m) * (theta[r, j] - m)) / (labelled.Count - 1) : 0;
            mean[j] = m;
            scale[j] = variance > 0 && double.IsFinite(variance) ? Math.Sqrt(variance) : 1.0;
        }
        return new LabelStandardisation(mean, scale);
    }

    /// <summary>Parameters in the user's units -> latent scale.</summary>
    public double[,] ToLatent(double[,] theta) => Map(theta, (v, j) => (v - Mean[j]) / Scale[j]);

    /// <summary>Latent values -> parameters in the user's units.</summary>
    public double[,] ToParameters(double[,] z) => Map(z, (v, j) => Mean[j] + Scale[j] * v);

    private double[,] Map(double[,] values, Func<double, int, double> f)
    {
        int n = values.GetLength(0), s = values.GetLength(1);
        if (s != Mean.Length) throw new ArgumentException($"expected {Mean.Length} columns, got {s}");
        var result = new double[n, s];
        for (int i = 0; i < n; i++) for (int j = 0; j < s; j++) result[i, j] = f(values[i, j], j);
        return result;
    }
}
