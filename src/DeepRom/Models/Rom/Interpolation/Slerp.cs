namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// Spherical linear interpolation of latent codes (seed 000): z(t) = sin((1 - t) w) / sin w z_a + sin(t w) / sin w z_b,
/// cos w = z_a . z_b / (|z_a| |z_b|).
/// </summary>
/// <remarks>
/// Slerp was designed for a VAE's latent codes, whose prior makes the norm nearly constant. It keeps the norm only when
/// |z_a| = |z_b|. Applied to POD coefficients it works on the centred coefficient vectors (the POD mean is added back by
/// the decoder), where it bends the path between two codes along the great circle instead of the chord.
/// More than two neighbours (a grid cell or a triangle) are combined pairwise in the stencil's order: the running result
/// is slerped towards the next code by that code's share of the weight so far. On an edge of the cell this is exactly
/// the two-point formula, at a vertex it returns the vertex's code; inside it depends on the order of the corners
/// (chosen in preference to an iterative spherical average, which does not reduce to this formula for codes of
/// different norms).
/// </remarks>
public static class Slerp
{
    /// <summary>Below this angle sin w is too small to divide by, and slerp equals lerp to rounding.</summary>
    public const double ParallelAngle = 1e-6;

    /// <summary>The slerp of <paramref name="a"/> and <paramref name="b"/> at <paramref name="t"/>; lerp for (nearly) parallel or zero codes.</summary>
    public static double[] Between(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double t)
    {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        double norms = Math.Sqrt(aa) * Math.Sqrt(bb);
        if (norms == 0) return Lerp.Between(a, b, t);
        double omega = Math.Acos(Math.Clamp(ab / norms, -1, 1));
        double sin = Math.Sin(omega);
        // Antiparallel codes have no unique great circle either; both limits fall back to the chord.
        if (omega < ParallelAngle || Math.PI - omega < ParallelAngle) return Lerp.Between(a, b, t);
        double wa = Math.Sin((1 - t) * omega) / sin, wb = Math.Sin(t * omega) / sin;
        var z = new double[a.Length];
        for (int i = 0; i < z.Length; i++) z[i] = wa * a[i] + wb * b[i];
        return z;
    }

    /// <summary>The codes of <paramref name="neighbours"/> combined pairwise in order with their barycentric weights (see remarks).</summary>
    public static double[] Combine(IReadOnlyList<double[]> codes, IReadOnlyList<int> neighbours, IReadOnlyList<double> weights)
    {
        double[]? z = null;
        double total = 0;
        for (int k = 0; k < neighbours.Count; k++)
        {
            double w = weights[k];
            if (w == 0) continue;
            double[] c = codes[neighbours[k]];
            if (z is null)
            {
                z = (double[])c.Clone();
                total = w;
                continue;
            }
            total += w;
            z = Between(z, c, w / total);
        }
        return z ?? (double[])codes[neighbours[0]].Clone();
    }
}
