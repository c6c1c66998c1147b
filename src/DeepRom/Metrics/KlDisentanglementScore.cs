using DeepRom.Numerics.Optimisation;

namespace DeepRom.Metrics;

/// <summary>Settings of the S_KL score.</summary>
/// <param name="Divergence">k-NN estimator settings; null means k = 5, the adaptive "epsilon 1" form the paper names, paired rows.</param>
/// <param name="SearchPermutations">Also match latents to factors in every order (d! starts) and keep the smallest divergence.</param>
/// <param name="SearchSigns">Start from both signs of every scale (2^d starts per order) and keep the smallest divergence.</param>
/// <param name="Refinements">
/// How many starts, ranked by the divergence at their starting point, are refined by Nelder-Mead (at least 1); the
/// moment-matched start already separates wrong orders and signs clearly, so refining all of them mostly costs time.
/// </param>
/// <param name="Optimiser">Nelder-Mead settings per refinement; null means 300 evaluations, tolerances 1e-3 (relative x) and 1e-4 (value).</param>
public sealed record KlDisentanglementOptions(
    KnnKlOptions? Divergence = null,
    bool SearchPermutations = true,
    bool SearchSigns = true,
    int Refinements = 2,
    NelderMeadOptions? Optimiser = null)
{
    internal KnnKlOptions DivergenceOrDefault => Divergence ?? new KnnKlOptions(5, KnnKlVariant.AdaptiveEpsilon1, Paired: true);

    internal NelderMeadOptions OptimiserOrDefault => Optimiser ?? new NelderMeadOptions(300, 1e-3, 1e-4);
}

/// <summary>The best affine alignment found for S_KL.</summary>
/// <param name="Score">min over the starts of D(p(theta) || q(a o (z - b))), nats; lower is more disentangled.</param>
/// <param name="Permutation">Permutation[j] is the latent matched with factor j.</param>
/// <param name="Scale">a_j, applied to latent Permutation[j].</param>
/// <param name="Shift">b_j, in the units of latent Permutation[j].</param>
/// <param name="Evaluations">Divergence evaluations over all starts.</param>
public sealed record KlDisentanglementResult(double Score, int[] Permutation, double[] Scale, double[] Shift, int Evaluations);

/// <summary>
/// The KL disentanglement score S_KL of Jacobsen and Duraisamy (seed 001, eq 7): the smallest divergence from the
/// generative-parameter distribution p(theta) to the aggregated posterior q(z) after scaling and shifting each latent,
/// D_KL[p(theta) || q(a o (z - b))], estimated from samples by k-NN distances and minimised by Nelder-Mead.
/// </summary>
/// <remarks>
/// P is the theta sample, Q the transformed latent sample, as written in eq 7. Eq 7 itself has no matching of
/// latents to factors: with <see cref="KlDisentanglementOptions.SearchPermutations"/> false and
/// <see cref="KlDisentanglementOptions.SearchSigns"/> false this computes eq 7 literally (one start, latent j against
/// factor j). By default every order and every sign of the starting scales is tried and the minimum kept, because a
/// disentangled code may list the factors in any order and with either sign, and Nelder-Mead is local (it rarely
/// crosses a = 0). For d = s = 2 that is 8 starts; all are scored at their starting point and the best
/// <see cref="KlDisentanglementOptions.Refinements"/> are refined. Each start puts the transformed latents at the mean and standard
/// deviation of theta: a_j = +-std(theta_j) / std(z_pi(j)), b_j = mean(z_pi(j)) - mean(theta_j) / a_j.
/// </remarks>
public static class KlDisentanglementScore
{
    /// <summary>S_KL for factor samples <paramref name="theta"/> (n x s) and latent samples <paramref name="z"/> (m x d, d = s).</summary>
    public static KlDisentanglementResult Compute(double[,] theta, double[,] z, KlDisentanglementOptions? options = null)
    {
        options ??= new KlDisentanglementOptions();
        int s = theta.GetLength(1), d = z.GetLength(1), m = z.GetLength(0);
        if (d != s) throw new ArgumentException($"S_KL needs as many latents as factors; got d = {d}, s = {s}", nameof(z));
        var estimator = new KnnKlDivergence(theta, options.DivergenceOrDefault);
        var tMean = DisentanglementScore.ColumnMeans(theta);
        var tStd = DisentanglementScore.ColumnStds(theta);
        var zMean = DisentanglementScore.ColumnMeans(z);
        var zStd = DisentanglementScore.ColumnStds(z);
        for (int j = 0; j < d; j++)
            if (!(zStd[j] > 0)) throw new ArgumentException($"latent {j} is constant; S_KL is undefined", nameof(z));

        var permutations = options.SearchPermutations ? Permutations(d) : [Enumerable.Range(0, d).ToArray()];
        int signPatterns = options.SearchSigns ? 1 << d : 1;
        var transformed = new double[m, d];
        var starts = new List<Start>();
        foreach (var perm in permutations)
            for (int signs = 0; signs < signPatterns; signs++)
            {
                var a0 = new double[d];
                var b0 = new double[d];
                for (int j = 0; j < d; j++)
                {
                    double sign = (signs >> j & 1) == 1 ? -1 : 1;
                    a0[j] = sign * tStd[j] / zStd[perm[j]];
                    b0[j] = zMean[perm[j]] - tMean[j] / a0[j];
                }
                starts.Add(new Start(perm, a0, b0, zStd));
            }
        int evaluations = 0;
        double Objective(Start start, double[] x)
        {
            evaluations++;
            var (a, b) = start.Decode(x);
            for (int r = 0; r < m; r++)
                for (int j = 0; j < d; j++) transformed[r, j] = a[j] * (z[r, start.Permutation[j]] - b[j]);
            return estimator.Estimate(transformed);
        }
        var ranked = starts.Select(st => (Start: st, Value: Objective(st, new double[2 * d]))).OrderBy(t => t.Value).ToList();
        KlDisentanglementResult? best = null;
        foreach (var (start, _) in ranked.Take(Math.Max(1, options.Refinements)))
        {
            var (xBest, value, _) = NelderMead.Minimize(x => Objective(start, x), new double[2 * d], options.OptimiserOrDefault);
            if (best is null || value < best.Score)
            {
                var (a, b) = start.Decode(xBest);
                best = new KlDisentanglementResult(value, (int[])start.Permutation.Clone(), a, b, 0);
            }
        }
        return best! with { Evaluations = evaluations };
    }

    // One starting alignment; the optimiser works in relative coordinates (a = a0 (1 + u), b = b0 + v std z) so that
    // every parameter has the same natural scale.
    private sealed record Start(int[] Permutation, double[] A0, double[] B0, double[] ZStd)
    {
        public (double[] A, double[] B) Decode(double[] x)
        {
            int d = A0.Length;
            var a = new double[d];
            var b = new double[d];
            for (int j = 0; j < d; j++)
            {
                a[j] = A0[j] * (1 + x[j]);
                b[j] = B0[j] + x[d + j] * ZStd[Permutation[j]];
            }
            return (a, b);
        }
    }

    internal static List<int[]> Permutations(int d)
    {
        var result = new List<int[]>();
        var current = new int[d];
        var used = new bool[d];
        void Extend(int position)
        {
            if (position == d) { result.Add((int[])current.Clone()); return; }
            for (int i = 0; i < d; i++)
            {
                if (used[i]) continue;
                used[i] = true;
                current[position] = i;
                Extend(position + 1);
                used[i] = false;
            }
        }
        Extend(0);
        return result;
    }
}
