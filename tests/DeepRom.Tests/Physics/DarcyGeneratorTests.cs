using System.Text.Json;
using DeepRom.Physics.Darcy;
using MathNet.Numerics.LinearAlgebra;

namespace DeepRom.Tests.Physics;

public class DarcyGeneratorTests
{
    private static readonly DarcyConfig Small = new(Nodes: 9, KleModes: 3, Theta: ThetaDistribution.Gmm4, Count: 6, Seed: 11);

    /// <summary>
    /// The finite-volume system built from geometry alone: cells and faces as clipped rectangles, a dense matrix
    /// with the zero-mean condition as a bordering row and column (Lagrange multiplier), and a dense LU solve.
    /// </summary>
    private static double[] IndependentSolve(int n, double[] k, double[] f)
    {
        double h = 1.0 / (n - 1);
        double Clip(double lo, double hi) => Math.Min(hi, 1) - Math.Max(lo, 0);
        int size = n * n;
        var a = Matrix<double>.Build.Dense(size + 1, size + 1);
        var b = Vector<double>.Build.Dense(size + 1);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                int p = j * n + i;
                double x = i * h, y = j * h;
                double area = Clip(x - h / 2, x + h / 2) * Clip(y - h / 2, y + h / 2);
                b[p] = f[p] * area;
                a[p, size] = area;
                a[size, p] = area;
                foreach (var (di, dj) in new[] { (1, 0), (-1, 0), (0, 1), (0, -1) })
                {
                    int ii = i + di, jj = j + dj;
                    if (ii < 0 || jj < 0 || ii >= n || jj >= n) continue;
                    int q = jj * n + ii;
                    double face = di != 0 ? Clip(y - h / 2, y + h / 2) : Clip(x - h / 2, x + h / 2);
                    double kFace = 2 * k[p] * k[q] / (k[p] + k[q]);
                    double t = kFace * face / h;
                    a[p, p] += t;
                    a[p, q] -= t;
                }
            }
        return a.Solve(b).ToArray()[..size];
    }

    [Fact]
    public void Generated_pressure_matches_an_independent_dense_solve()
    {
        var kle = KleExpansion.Compute(Small.Nodes, Small.CorrelationLength, Small.KleModes);
        var set = DarcyGenerator.Generate(Small, kle, null, default);
        int n = Small.Nodes, size = n * n;
        var source = DarcySource.Corners(n, Small.SourceStrength, Small.SourceExtent);
        var permeability = (float[])set.Aux["permeability"].Data;
        for (int q = 0; q < Small.Count; q++)
        {
            var k = kle.LogPermeability(set.Params!.AsSpan(q * 3, 3)).Select(Math.Exp).ToArray();
            var expected = IndependentSolve(n, k, source);
            double scale = expected.Max(Math.Abs);
            for (int a = 0; a < size; a++)
            {
                Assert.True(Math.Abs(set.Fields[q * 3 * size + a] - expected[a]) < 1e-6 * scale, $"sample {q} node {a}");
                Assert.True(Math.Abs(permeability[q * size + a] - k[a]) < 1e-6 * k[a], $"K of sample {q} node {a}");
            }
        }
    }

    [Fact]
    public void Data_set_has_the_documented_shapes_names_and_config()
    {
        var kle = KleExpansion.Compute(Small.Nodes, Small.CorrelationLength, 5);
        var progress = new List<int>();
        var set = DarcyGenerator.Generate(Small, kle, new SynchronousProgress(progress), default);
        Assert.Equal([6, 3, 9, 9], set.FieldShape);
        Assert.Equal(6 * 3 * 81, set.Fields.Length);
        Assert.Equal(["p", "u_x", "u_y"], set.Channels);
        Assert.Equal(["theta_1", "theta_2", "theta_3"], set.ParamNames!);
        Assert.Equal(new ThetaSampler(ThetaDistribution.Gmm4, 11).Sample(6, 3), set.Params);
        Assert.Equal([6, 1, 9, 9], set.Aux["permeability"].Shape);
        Assert.True(set.Aux["permeability"].IsSingle);
        Assert.Null(set.Time);
        Assert.Equal(Small, DarcyConfig.FromJson(set.GeneratorConfig));
        Assert.Equal("Gmm4", JsonDocument.Parse(set.GeneratorConfig).RootElement.GetProperty("Theta").GetString());
        Assert.Equal(Enumerable.Range(1, 6), progress.Order());
        Assert.True(set.Fields.All(float.IsFinite));
    }

    [Fact]
    public void Parallel_generation_is_reproducible()
    {
        var config = Small with { Nodes = 17, Count = 16 };
        var kle = KleExpansion.Compute(17, 0.1, 3);
        var first = DarcyGenerator.Generate(config, kle, null, default);
        var second = DarcyGenerator.Generate(config, kle, null, default);
        Assert.Equal(first.Fields, second.Fields);
    }

    [Fact]
    public void Invalid_settings_are_named()
    {
        var e = Assert.Throws<InputException>(() => (Small with { KleModes = 0 }).Validate("--modes"));
        Assert.Equal("KleModes", e.Item);
    }

    private sealed class SynchronousProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) { lock (seen) seen.Add(value); }
    }
}
