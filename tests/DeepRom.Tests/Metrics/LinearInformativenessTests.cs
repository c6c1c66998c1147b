using CsCheck;
using DeepRom.Metrics;

namespace DeepRom.Tests.Metrics;

public class LinearInformativenessTests
{
    // Seeded standard-normal draws, the same helper the plot tests use.
    private static double[,] Gaussian(int n, int columns, int seed) => Reporting.PlotSamples.Gaussian(n, columns, seed);

    [Fact]
    public void A_rotated_latent_space_keeps_every_parameter_though_S_D_drops()
    {
        var theta = Gaussian(500, 2, 1);
        var z = new double[500, 2];
        double c = Math.Cos(Math.PI / 4), s = Math.Sin(Math.PI / 4);
        for (int r = 0; r < 500; r++)
        {
            z[r, 0] = 3 * (c * theta[r, 0] - s * theta[r, 1]) + 1;
            z[r, 1] = -(s * theta[r, 0] + c * theta[r, 1]);
        }

        Assert.Equal(1.0, LinearInformativeness.Compute(z, theta), 10);
        Assert.True(DisentanglementScore.Compute(z, theta) < 0.6);
    }

    [Fact]
    public void Latents_independent_of_the_parameters_explain_almost_nothing()
    {
        var r2 = LinearInformativeness.PerParameter(Gaussian(2000, 3, 2), Gaussian(2000, 2, 3));

        // E[R^2] of d = 3 unrelated regressors on n points is d / (n - 1).
        Assert.All(r2, v => Assert.InRange(v, 0, 0.01));
    }

    [Fact]
    public void R2_is_the_explained_share_of_a_parameter_with_independent_noise()
    {
        // theta = z + e with var z = var e: R^2 = 1/2 in expectation.
        var z = Gaussian(20000, 1, 4);
        var e = Gaussian(20000, 1, 5);
        var theta = new double[20000, 1];
        for (int r = 0; r < 20000; r++) theta[r, 0] = z[r, 0] + e[r, 0];

        Assert.Equal(0.5, LinearInformativeness.Compute(z, theta), 1);
    }

    [Fact]
    public void A_constant_latent_is_dropped_from_the_fit()
    {
        var theta = Gaussian(100, 1, 6);
        var z = new double[100, 2];
        for (int r = 0; r < 100; r++) { z[r, 0] = 7; z[r, 1] = 2 * theta[r, 0]; }

        Assert.Equal(1.0, LinearInformativeness.Compute(z, theta), 10);
    }

    [Fact]
    public void R2_lies_in_zero_one_and_an_invertible_mix_of_latents_leaves_it_unchanged()
    {
        var cases =
            from n in Gen.Int[10, 40]
            from d in Gen.Int[1, 3]
            from z in Gen.Int[-50, 50].Select(v => v / 10.0).Array2D[n, d]
            from t in Gen.Int[-50, 50].Select(v => v / 10.0).Array2D[n, 2]
            select (z, t);
        cases.Sample(c =>
        {
            int n = c.z.GetLength(0), d = c.z.GetLength(1);
            double[] r2 = LinearInformativeness.PerParameter(c.z, c.t);
            Assert.All(r2, v => Assert.InRange(v, 0, 1));
            // An upper-triangular map with unit diagonal is invertible: the affine span of the latents is the same.
            var mixed = new double[n, d];
            for (int r = 0; r < n; r++)
                for (int a = 0; a < d; a++)
                    for (int b = a; b < d; b++) mixed[r, a] += (a == b ? 1 : 0.5) * c.z[r, b];
            if (!FullRank(c.z)) return;
            double[] again = LinearInformativeness.PerParameter(mixed, c.t);
            for (int j = 0; j < r2.Length; j++) Assert.Equal(r2[j], again[j], 8);
        });
    }

    // The invariance holds for latents with a well-conditioned centred Gram matrix; rank-deficient draws drop columns
    // differently after mixing.
    private static bool FullRank(double[,] z)
    {
        int n = z.GetLength(0), d = z.GetLength(1);
        var mean = new double[d];
        for (int r = 0; r < n; r++) for (int a = 0; a < d; a++) mean[a] += z[r, a] / n;
        var g = new double[d, d];
        for (int r = 0; r < n; r++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) g[a, b] += (z[r, a] - mean[a]) * (z[r, b] - mean[b]);
        double det = d switch
        {
            1 => g[0, 0],
            2 => g[0, 0] * g[1, 1] - g[0, 1] * g[1, 0],
            _ => g[0, 0] * (g[1, 1] * g[2, 2] - g[1, 2] * g[2, 1]) - g[0, 1] * (g[1, 0] * g[2, 2] - g[1, 2] * g[2, 0]) + g[0, 2] * (g[1, 0] * g[2, 1] - g[1, 1] * g[2, 0]),
        };
        double scale = 1;
        for (int a = 0; a < d; a++) scale *= Math.Max(g[a, a], 1e-300);
        return det > 1e-6 * scale;
    }
}
