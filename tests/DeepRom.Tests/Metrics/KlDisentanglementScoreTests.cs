using System.Diagnostics;
using DeepRom.Metrics;
using Xunit.Abstractions;

namespace DeepRom.Tests.Metrics;

public class KlDisentanglementScoreTests(ITestOutputHelper output)
{
    private const int N = 512; // the paper's test-set size

    private static double[,] Affine(double[,] theta, Func<int, double, double>[] perColumn, int[] source)
    {
        var z = new double[theta.GetLength(0), source.Length];
        for (int r = 0; r < z.GetLength(0); r++)
            for (int i = 0; i < source.Length; i++) z[r, i] = perColumn[i](r, theta[r, source[i]]);
        return z;
    }

    [Fact]
    public void Axis_aligned_affine_latents_score_near_zero()
    {
        var theta = Draws.FourModes(new Random(31), N);
        var z = Affine(theta, [(_, t) => 3 * t + 2, (_, t) => 0.2 * t - 1], [0, 1]);
        var watch = Stopwatch.StartNew();
        var result = KlDisentanglementScore.Compute(theta, z);
        output.WriteLine($"affine: S_KL {result.Score:F4}, perm [{string.Join(",", result.Permutation)}], a [{string.Join(", ", result.Scale.Select(v => v.ToString("F3")))}], b [{string.Join(", ", result.Shift.Select(v => v.ToString("F3")))}], {result.Evaluations} evaluations, {watch.ElapsedMilliseconds} ms");
        // Minimising a noisy estimate biases it low, hence the lopsided band. The 4-mode law is symmetric under
        // swapping the axes, so either order is a correct match; the scales must undo the encoder's either way.
        Assert.InRange(result.Score, -0.12, 0.05);
        var expectedScale = result.Permutation[0] == 0 ? new[] { 1 / 3.0, 5.0 } : new[] { 5.0, 1 / 3.0 };
        for (int j = 0; j < 2; j++) Assert.InRange(Math.Abs(result.Scale[j]) / expectedScale[j], 0.9, 1.1);
    }

    [Fact]
    public void Swapped_and_flipped_latents_are_matched_by_the_search()
    {
        var rng = new Random(32);
        var theta = new double[N, 2];
        for (int r = 0; r < N; r++) { theta[r, 0] = Draws.StandardNormal(rng); theta[r, 1] = rng.NextDouble() * 4; } // Gaussian x uniform
        var z = Affine(theta, [(_, t) => -2 * t, (_, t) => 0.5 * t + 1], [1, 0]);
        var searched = KlDisentanglementScore.Compute(theta, z);
        var literal = KlDisentanglementScore.Compute(theta, z, new KlDisentanglementOptions(SearchPermutations: false, SearchSigns: false));
        output.WriteLine($"swapped: searched {searched.Score:F4} perm [{string.Join(",", searched.Permutation)}] a [{string.Join(", ", searched.Scale.Select(v => v.ToString("F3")))}], literal eq 7 {literal.Score:F4}");
        Assert.InRange(searched.Score, -0.12, 0.05);
        Assert.Equal([1, 0], searched.Permutation);
        // Both marginals are symmetric, so only the magnitudes of the scales are identifiable.
        Assert.InRange(Math.Abs(searched.Scale[0]), 1.8, 2.2);   // undoes z1 = 0.5 theta0 + 1
        Assert.InRange(Math.Abs(searched.Scale[1]), 0.45, 0.55); // undoes z0 = -2 theta1
        Assert.True(literal.Score > 0.1, $"literal {literal.Score}");
    }

    [Fact]
    public void Rotated_four_mode_latents_score_clearly_above_zero()
    {
        var theta = Draws.FourModes(new Random(33), N);
        var aligned = Draws.FourModes(new Random(34), N);
        var rotated = Draws.Rotate(Draws.FourModes(new Random(35), N), Math.PI / 4);
        var alignedScore = KlDisentanglementScore.Compute(theta, aligned, new KlDisentanglementOptions(new KnnKlOptions(5, KnnKlVariant.AdaptiveEpsilon1)));
        var rotatedScore = KlDisentanglementScore.Compute(theta, rotated, new KlDisentanglementOptions(new KnnKlOptions(5, KnnKlVariant.AdaptiveEpsilon1)));
        output.WriteLine($"independent aligned sample {alignedScore.Score:F4} ({alignedScore.Evaluations} evaluations), rotated 45 degrees {rotatedScore.Score:F4} ({rotatedScore.Evaluations})");
        Assert.InRange(alignedScore.Score, -0.15, 0.1);
        Assert.True(rotatedScore.Score > 0.3, $"rotated {rotatedScore.Score}");
    }

    [Fact]
    public void Latent_count_must_match_factor_count()
    {
        var theta = Draws.StandardGaussian(new Random(36), 50, 2);
        var z = Draws.StandardGaussian(new Random(37), 50, 3);
        Assert.Throws<ArgumentException>(() => KlDisentanglementScore.Compute(theta, z));
    }

    [Fact]
    public void Permutations_are_all_distinct()
    {
        var perms = KlDisentanglementScore.Permutations(4);
        Assert.Equal(24, perms.Count);
        Assert.Equal(24, perms.Select(p => string.Join(",", p)).Distinct().Count());
        Assert.All(perms, p => Assert.Equal([0, 1, 2, 3], p.Order()));
    }
}
