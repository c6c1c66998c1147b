using System.Diagnostics;
using DeepRom.Metrics;
using Xunit.Abstractions;

namespace DeepRom.Tests.Metrics;

public class KnnKlDivergenceTests(ITestOutputHelper output)
{
    private static readonly KnnKlOptions FixedK = new(5, KnnKlVariant.FixedK);
    private static readonly KnnKlOptions Epsilon1 = new(5, KnnKlVariant.AdaptiveEpsilon1);

    // KL(N(m1, S1) || N(m2, S2)) for 2 x 2 covariances.
    private static double GaussianKl2(double[] m1, double[,] s1, double[] m2, double[,] s2)
    {
        double det1 = s1[0, 0] * s1[1, 1] - s1[0, 1] * s1[1, 0];
        double det2 = s2[0, 0] * s2[1, 1] - s2[0, 1] * s2[1, 0];
        var inv2 = new[,] { { s2[1, 1] / det2, -s2[0, 1] / det2 }, { -s2[1, 0] / det2, s2[0, 0] / det2 } };
        double trace = 0;
        for (int i = 0; i < 2; i++)
            for (int k = 0; k < 2; k++) trace += inv2[i, k] * s1[k, i];
        double[] dm = [m2[0] - m1[0], m2[1] - m1[1]];
        double quad = 0;
        for (int i = 0; i < 2; i++)
            for (int k = 0; k < 2; k++) quad += dm[i] * inv2[i, k] * dm[k];
        return 0.5 * (trace + quad - 2 + Math.Log(det2 / det1));
    }

    [Theory]
    [InlineData(KnnKlVariant.FixedK)]
    [InlineData(KnnKlVariant.AdaptiveEpsilon1)]
    public void One_dimensional_gaussians_match_the_closed_form(KnnKlVariant variant)
    {
        var rng = new Random(11);
        var p = Draws.Gaussian(rng, 4000, [0.0], new double[,] { { 1 } });
        var q = Draws.Gaussian(rng, 4000, [1.0], new double[,] { { 2 } });
        double exact = Math.Log(2) + (1 + 1) / 8.0 - 0.5; // 0.4431
        double estimate = KnnKlDivergence.Estimate(p, q, new KnnKlOptions(5, variant));
        output.WriteLine($"1-D {variant}: estimate {estimate:F4}, closed form {exact:F4}");
        Assert.InRange(estimate, exact - 0.06, exact + 0.06);
    }

    [Theory]
    [InlineData(KnnKlVariant.FixedK)]
    [InlineData(KnnKlVariant.AdaptiveEpsilon1)]
    public void Two_dimensional_correlated_gaussians_match_the_closed_form(KnnKlVariant variant)
    {
        var rng = new Random(12);
        double[] m1 = [0, 0], m2 = [0.5, -0.5];
        var l1 = new double[,] { { 1, 0 }, { 0.6, 0.8 } };      // S1 = [[1, .6], [.6, 1]]
        var l2 = new double[,] { { 1.5, 0 }, { 0, 1 } };        // S2 = diag(2.25, 1)
        var s1 = new double[,] { { 1, 0.6 }, { 0.6, 1 } };
        var s2 = new double[,] { { 2.25, 0 }, { 0, 1 } };
        var p = Draws.Gaussian(rng, 4000, m1, l1);
        var q = Draws.Gaussian(rng, 4000, m2, l2);
        double exact = GaussianKl2(m1, s1, m2, s2);
        double estimate = KnnKlDivergence.Estimate(p, q, new KnnKlOptions(5, variant));
        output.WriteLine($"2-D {variant}: estimate {estimate:F4}, closed form {exact:F4}");
        Assert.InRange(estimate, exact - 0.08, exact + 0.08);
    }

    [Fact]
    public void Divergence_of_a_distribution_from_itself_is_near_zero()
    {
        var rng = new Random(13);
        var p = Draws.StandardGaussian(rng, 3000, 2);
        var q = Draws.StandardGaussian(rng, 3000, 2);
        foreach (var options in new[] { FixedK, Epsilon1 })
        {
            double independent = KnnKlDivergence.Estimate(p, q, options);
            double sameArray = KnnKlDivergence.Estimate(p, p, options);
            output.WriteLine($"{options.Variant}: D(P||P) independent samples {independent:F4}, same array {sameArray:F5}");
            Assert.InRange(independent, -0.05, 0.05);
            // Same array: coincident points are skipped, so rho = nu and only log(n/(n-1)) remains.
            Assert.Equal(Math.Log(3000.0 / 2999.0), sameArray, 1e-12);
        }
    }

    [Fact]
    public void Divergence_grows_with_the_mean_shift()
    {
        var rng = new Random(14);
        var p = Draws.StandardGaussian(rng, 2000, 2);
        var previous = double.NegativeInfinity;
        foreach (double shift in new[] { 0.0, 0.5, 1.0, 2.0 })
        {
            var q = Draws.Gaussian(rng, 2000, [shift, 0], new double[,] { { 1, 0 }, { 0, 1 } });
            double estimate = KnnKlDivergence.Estimate(p, q, FixedK);
            output.WriteLine($"shift {shift}: estimate {estimate:F4}, closed form {shift * shift / 2:F4}");
            Assert.True(estimate > previous, $"shift {shift}: {estimate} not above {previous}");
            // k-NN estimates are biased low for large divergences (few Q points in P's bulk): allow 12 %.
            double exact = shift * shift / 2, slack = Math.Max(0.1, 0.12 * exact);
            Assert.InRange(estimate, exact - slack, exact + slack);
            previous = estimate;
        }
    }

    [Fact]
    public void Paired_mode_leaves_out_the_partner_row()
    {
        var rng = new Random(15);
        var p = Draws.StandardGaussian(rng, 1500, 2);
        // Q is P itself: unpaired, every P point finds itself at distance 0 and skips it, so the estimate is log(n/(n-1)).
        // Paired, row i of Q is excluded as well as coincident points: the same value up to the m - 1 count.
        double paired = KnnKlDivergence.Estimate(p, p, FixedK with { Paired = true });
        Assert.Equal(0.0, paired, 1e-12);
        // A tiny perturbation of P: unpaired, the near-duplicate partner makes nu tiny and the estimate hugely negative.
        var near = (double[,])p.Clone();
        for (int r = 0; r < 1500; r++) near[r, 0] += 1e-9;
        var nearest = new KnnKlOptions(1, KnnKlVariant.FixedK);
        Assert.True(KnnKlDivergence.Estimate(p, near, nearest) < -10);
        Assert.InRange(KnnKlDivergence.Estimate(p, near, nearest with { Paired = true }), -0.01, 0.01);
    }

    [Fact]
    public void Thousand_points_in_two_dimensions_take_well_under_a_second()
    {
        var rng = new Random(16);
        var p = Draws.StandardGaussian(rng, 1000, 2);
        var q = Draws.StandardGaussian(rng, 1000, 2);
        KnnKlDivergence.Estimate(p, q, Epsilon1); // JIT warm-up
        var watch = Stopwatch.StartNew();
        KnnKlDivergence.Estimate(p, q, FixedK);
        double fixedMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        KnnKlDivergence.Estimate(p, q, Epsilon1);
        double adaptiveMs = watch.Elapsed.TotalMilliseconds;
        output.WriteLine($"n = m = 1000, d = 2: fixed-k {fixedMs:F1} ms, epsilon-1 {adaptiveMs:F1} ms");
        Assert.True(fixedMs < 500 && adaptiveMs < 500, $"{fixedMs} ms, {adaptiveMs} ms");
    }

    [Fact]
    public void Dimensions_must_agree()
    {
        var p = Draws.StandardGaussian(new Random(1), 50, 2);
        var q = Draws.StandardGaussian(new Random(2), 50, 3);
        Assert.Throws<ArgumentException>(() => KnnKlDivergence.Estimate(p, q));
    }
}
