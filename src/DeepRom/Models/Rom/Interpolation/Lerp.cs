namespace DeepRom.Models.Rom.Interpolation;

/// <summary>Linear interpolation of latent codes: z(t) = (1 - t) z_a + t z_b, and weighted sums of several codes.</summary>
public static class Lerp
{
    /// <summary>(1 - t) a + t b.</summary>
    public static double[] Between(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double t)
    {
        var z = new double[a.Length];
        for (int i = 0; i < z.Length; i++) z[i] = (1 - t) * a[i] + t * b[i];
        return z;
    }

    /// <summary>Sum over k of weights[k] codes[neighbours[k]].</summary>
    public static double[] Combine(IReadOnlyList<double[]> codes, IReadOnlyList<int> neighbours, IReadOnlyList<double> weights)
    {
        var z = new double[codes[neighbours[0]].Length];
        for (int k = 0; k < neighbours.Count; k++)
        {
            double[] c = codes[neighbours[k]];
            for (int i = 0; i < z.Length; i++) z[i] += weights[k] * c[i];
        }
        return z;
    }
}
