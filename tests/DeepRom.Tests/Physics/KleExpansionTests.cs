using DeepRom.Physics.Darcy;

namespace DeepRom.Tests.Physics;

public class KleExpansionTests
{
    private static readonly Lazy<KleExpansion> Grid65 = new(() => KleExpansion.Compute(65, 0.1, 6));

    /// <summary>C phi by direct summation of the kernel (no FFT), the independent reference.</summary>
    private static double[][] DirectCovarianceProducts(int n, double l, double[][] modes)
    {
        double h = 1.0 / (n - 1);
        int dim = n * n;
        var result = modes.Select(_ => new double[dim]).ToArray();
        Parallel.For(0, dim, a =>
        {
            int ja = a / n, ia = a % n;
            var sums = new double[modes.Length];
            for (int b = 0; b < dim; b++)
            {
                double dx = (ia - b % n) * h, dy = (ja - b / n) * h;
                double k = Math.Exp(-Math.Sqrt(dx * dx + dy * dy) / l);
                for (int m = 0; m < modes.Length; m++) sums[m] += k * modes[m][b];
            }
            for (int m = 0; m < modes.Length; m++) result[m][a] = sums[m];
        });
        return result;
    }

    [Fact]
    public void Top_eigenvalues_on_the_65_grid_match_the_reference()
    {
        var kle = Grid65.Value;
        double[] expected = [214.54, 167.97, 167.97, 134.91];
        for (int k = 0; k < 4; k++) Assert.True(Math.Abs(kle.Eigenvalues[k] - expected[k]) < 0.01, $"lambda_{k + 1} = {kle.Eigenvalues[k]}");
    }

    [Fact]
    public void Returned_pairs_are_eigenpairs_of_the_directly_summed_covariance()
    {
        var kle = Grid65.Value;
        var products = DirectCovarianceProducts(65, 0.1, kle.Modes);
        for (int k = 0; k < kle.ModeCount; k++)
        {
            double r = 0;
            for (int a = 0; a < products[k].Length; a++)
            {
                double d = products[k][a] - kle.Eigenvalues[k] * kle.Modes[k][a];
                r += d * d;
            }
            Assert.True(Math.Sqrt(r) / kle.Eigenvalues[k] < 1e-8, $"mode {k + 1}: relative residual {Math.Sqrt(r) / kle.Eigenvalues[k]:E2}");
        }
    }

    [Fact]
    public void Modes_are_orthonormal_and_eigenvalues_decrease()
    {
        var kle = Grid65.Value;
        for (int a = 0; a < kle.ModeCount; a++)
        {
            for (int b = 0; b < kle.ModeCount; b++)
            {
                double dot = kle.Modes[a].Zip(kle.Modes[b], (x, y) => x * y).Sum();
                Assert.True(Math.Abs(dot - (a == b ? 1 : 0)) < 1e-10, $"<phi_{a + 1}, phi_{b + 1}> = {dot}");
            }
            if (a > 0) Assert.True(kle.Eigenvalues[a] <= kle.Eigenvalues[a - 1] * (1 + 1e-12));
        }
    }

    [Fact]
    public void Degenerate_pair_is_odd_in_x_then_its_transpose_with_positive_weighted_sum()
    {
        var kle = Grid65.Value;
        int n = 65;
        var phi2 = kle.Modes[1];
        var phi3 = kle.Modes[2];
        Assert.True(MaxDifference(ModeConvention.ReflectX(n, phi2), phi2.Select(v => -v).ToArray()) < 1e-9, "mode 2 must be odd in x");
        Assert.True(MaxDifference(ModeConvention.Transpose(n, phi2), phi3) < 1e-9, "mode 3 must be the transpose of mode 2");
        double h = 1.0 / (n - 1);
        foreach (var mode in kle.Modes.Take(4))
        {
            double s = 0;
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) s += mode[j * n + i] * (1 + i * h + 2 * j * h);
            Assert.True(s > 0, "sign convention: sum phi (1 + x + 2y) > 0");
        }
    }

    [Fact]
    public void Repeated_and_smaller_computations_give_the_same_modes()
    {
        var again = KleExpansion.Compute(65, 0.1, 6);
        for (int k = 0; k < 6; k++) Assert.Equal(Grid65.Value.Modes[k], again.Modes[k]);
        var two = KleExpansion.Compute(65, 0.1, 2);
        for (int k = 0; k < 2; k++)
            Assert.True(MaxDifference(two.Modes[k], Grid65.Value.Modes[k]) < 1e-8, $"mode {k + 1} depends on the requested count");
    }

    [Fact]
    public void Small_grid_gives_every_eigenpair_like_a_dense_solver()
    {
        int n = 7;
        var kle = KleExpansion.Compute(n, 0.3, n * n);
        var c = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n * n, n * n, (a, b) =>
        {
            double dx = (a % n - b % n) / (double)(n - 1), dy = (a / n - b / n) / (double)(n - 1);
            return Math.Exp(-Math.Sqrt(dx * dx + dy * dy) / 0.3);
        });
        var dense = c.Evd().EigenValues.Select(z => z.Real).OrderByDescending(v => v).ToArray();
        for (int k = 0; k < n * n; k++) Assert.True(Math.Abs(dense[k] - kle.Eigenvalues[k]) < 1e-9 * dense[0], $"lambda_{k + 1}");
    }

    [Fact]
    public void Log_permeability_is_the_weighted_sum_of_modes()
    {
        var kle = Grid65.Value;
        var g = kle.LogPermeability([0.5, -2.0]);
        int a = 1234;
        double expected = Math.Sqrt(kle.Eigenvalues[0]) * 0.5 * kle.Modes[0][a] - Math.Sqrt(kle.Eigenvalues[1]) * 2.0 * kle.Modes[1][a];
        Assert.Equal(expected, g[a], 12);
    }

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}
