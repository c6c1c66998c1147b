using CsCheck;
using DeepRom.Metrics;

namespace DeepRom.Tests.Metrics;

public class DisentanglementScoreTests
{
    // All (a, b) pairs of a symmetric value set: zero sample cross-covariance and equal variances, exactly.
    private static double[,] SymmetricGrid()
    {
        double[] values = [-2, -1, -0.5, 0, 0.5, 1, 2];
        var theta = new double[values.Length * values.Length, 2];
        int r = 0;
        foreach (double a in values)
            foreach (double b in values) { theta[r, 0] = a; theta[r, 1] = b; r++; }
        return theta;
    }

    [Fact]
    public void Permuted_and_scaled_factors_score_one()
    {
        var theta = Draws.StandardGaussian(new Random(3), 500, 3);
        var z = new double[500, 3];
        for (int r = 0; r < 500; r++)
        {
            z[r, 0] = 2 * theta[r, 2] + 1;
            z[r, 1] = -0.3 * theta[r, 0];
            z[r, 2] = 5 * theta[r, 1] - 4;
        }
        // Sample covariances between independent draws are small but not zero, hence the tolerance.
        Assert.InRange(DisentanglementScore.Compute(z, theta), 0.9, 1.0);
        var grid = SymmetricGrid();
        var swapped = new double[grid.GetLength(0), 2];
        for (int r = 0; r < swapped.GetLength(0); r++) { swapped[r, 0] = 3 * grid[r, 1]; swapped[r, 1] = -grid[r, 0]; }
        Assert.Equal(1.0, DisentanglementScore.Compute(swapped, grid), 12);
    }

    [Fact]
    public void Rotation_by_45_degrees_scores_one_half()
    {
        var theta = SymmetricGrid();
        var z = Draws.Rotate(theta, Math.PI / 4);
        Assert.Equal(0.5, DisentanglementScore.Compute(z, theta), 12);
        var rotated30 = Draws.Rotate(theta, Math.PI / 6);
        double expected30 = Math.Cos(Math.PI / 6) / (Math.Cos(Math.PI / 6) + Math.Sin(Math.PI / 6));
        Assert.Equal(expected30, DisentanglementScore.Compute(rotated30, theta), 12);
    }

    [Fact]
    public void Constant_latent_counts_as_one_over_s()
    {
        var theta = SymmetricGrid();
        var z = new double[theta.GetLength(0), 2];
        for (int r = 0; r < z.GetLength(0); r++) { z[r, 0] = theta[r, 0]; z[r, 1] = 4.2; }
        Assert.Equal([1.0, 0.5], DisentanglementScore.PerLatent(z, theta));
        Assert.Equal(0.75, DisentanglementScore.Compute(z, theta), 12);
    }

    private static readonly Gen<(double[,] Z, double[,] Theta, double[] Scales)> Cases =
        from n in Gen.Int[3, 30]
        from d in Gen.Int[1, 4]
        from s in Gen.Int[1, 4]
        from z in Gen.Double[-5, 5].Array2D[n, d]
        from t in Gen.Double[-5, 5].Array2D[n, s]
        from scales in (from v in Gen.Double[0.1, 10] from neg in Gen.Bool select neg ? -v : v).Array[d]
        select (z, t, scales);

    [Fact]
    public void Score_lies_between_one_over_s_and_one()
    {
        Cases.Sample(c =>
        {
            double s = c.Theta.GetLength(1);
            double score = DisentanglementScore.Compute(c.Z, c.Theta);
            Assert.InRange(score, 1 / s - 1e-12, 1 + 1e-12);
        });
    }

    // The shift by 3 below erases a latent whose spread is far below 3's round-off (CsCheck likes values such as
    // 1e-92), so the invariance is checked only on latents whose spread survives it in floating point.
    private static bool SpreadSurvivesShift(double[,] z) =>
        DisentanglementScore.ColumnStds(z).All(sd => sd > 1e-6);

    [Fact]
    public void Score_is_invariant_to_scaling_and_sign_flips_of_latents()
    {
        Cases.Where(c => SpreadSurvivesShift(c.Z)).Sample(c =>
        {
            var scaled = (double[,])c.Z.Clone();
            for (int r = 0; r < scaled.GetLength(0); r++)
                for (int i = 0; i < scaled.GetLength(1); i++) scaled[r, i] = c.Scales[i] * scaled[r, i] + 3;
            Assert.Equal(DisentanglementScore.Compute(c.Z, c.Theta), DisentanglementScore.Compute(scaled, c.Theta), 9);
        });
    }
}

