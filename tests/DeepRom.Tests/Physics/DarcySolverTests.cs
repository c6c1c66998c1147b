using CsCheck;
using DeepRom.Physics.Darcy;

namespace DeepRom.Tests.Physics;

public class DarcySolverTests
{
    private static double[] Grid(int n, Func<double, double, double> f)
    {
        double h = 1.0 / (n - 1);
        var v = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) v[j * n + i] = f(i * h, j * h);
        return v;
    }

    private static double WeightedMean(int n, double[] v)
    {
        var areas = DarcySolver.CellAreas(n);
        return v.Zip(areas, (x, a) => x * a).Sum() / areas.Sum();
    }

    /// <summary>
    /// p = cos(pi x) cos(pi y) (zero normal derivative on every wall), K = exp(a), a = 0.5 sin(2 pi x) cos(pi y).
    /// -div(K grad p) = -K (lap p + grad a . grad p) with lap p = -2 pi^2 p,
    /// grad p = (-pi sin(pi x) cos(pi y), -pi cos(pi x) sin(pi y)),
    /// grad a = (pi cos(2 pi x) cos(pi y), -0.5 pi sin(2 pi x) sin(pi y)), hence
    /// f = K pi^2 (2 cos(pi x) cos(pi y) + cos(2 pi x) sin(pi x) cos^2(pi y) - 0.5 sin(2 pi x) cos(pi x) sin^2(pi y)).
    /// </summary>
    private static double ManufacturedError(int n)
    {
        double pi = Math.PI;
        Func<double, double, double> k = (x, y) => Math.Exp(0.5 * Math.Sin(2 * pi * x) * Math.Cos(pi * y));
        var exact = Grid(n, (x, y) => Math.Cos(pi * x) * Math.Cos(pi * y));
        var source = Grid(n, (x, y) => k(x, y) * pi * pi * (
            2 * Math.Cos(pi * x) * Math.Cos(pi * y)
            + Math.Cos(2 * pi * x) * Math.Sin(pi * x) * Math.Pow(Math.Cos(pi * y), 2)
            - 0.5 * Math.Sin(2 * pi * x) * Math.Cos(pi * x) * Math.Pow(Math.Sin(pi * y), 2)));
        var p = new DarcySolver(n).Solve(Grid(n, k), source).Pressure;
        double mean = WeightedMean(n, exact);
        return p.Zip(exact, (a, b) => Math.Abs(a - (b - mean))).Max();
    }

    [Fact]
    public void Manufactured_solution_converges_at_second_order()
    {
        int[] grids = [17, 33, 65, 129];
        var errors = grids.Select(ManufacturedError).ToArray();
        for (int g = 1; g < grids.Length; g++)
        {
            double ratio = errors[g - 1] / errors[g];
            Assert.True(ratio is > 3.5 and < 4.6, $"error ratio {grids[g - 1]} -> {grids[g]}: {ratio:F3} (errors {string.Join(", ", errors)})");
        }
    }

    [Fact]
    public void Random_fields_conserve_flux_in_every_cell_and_have_zero_mean()
    {
        var gen = Gen.Int[3, 12].SelectMany(n =>
            Gen.Select(Gen.Double[-2.5, 2.5].Array[n * n], Gen.Double[-10, 10].Array[n * n], (logK, f) => (n, logK, f)));
        gen.Sample(t =>
        {
            var (n, logK, f) = t;
            var k = logK.Select(Math.Exp).ToArray();
            double mean = WeightedMean(n, f);
            var source = f.Select(v => v - mean).ToArray();
            var p = new DarcySolver(n).Solve(k, source).Pressure;
            var areas = DarcySolver.CellAreas(n);
            double scale = source.Zip(areas, (v, a) => Math.Abs(v * a)).Sum();
            var imbalance = DarcySolver.FluxImbalance(n, k, source, p);
            Assert.True(imbalance.Max(Math.Abs) < 1e-10 * scale, $"imbalance {imbalance.Max(Math.Abs):E2} vs {scale:E2}");
            Assert.True(Math.Abs(p.Zip(areas, (x, a) => x * a).Sum()) < 1e-12 * p.Max(Math.Abs), "weighted mean of p");
        }, iter: 200);
    }

    [Fact]
    public void Kle_sample_conserves_flux_with_a_balanced_corner_source()
    {
        int n = 65;
        var kle = KleExpansion.Compute(n, 0.1, 2);
        var k = kle.LogPermeability([1.3, -0.7]).Select(Math.Exp).ToArray();
        var source = DarcySource.Corners(n, 10, 0.125);
        var areas = DarcySolver.CellAreas(n);
        Assert.Equal(0.0, source.Zip(areas, (f, a) => f * a).Sum(), 14);
        Assert.Equal(81, source.Count(f => f > 0));
        Assert.Equal(81, source.Count(f => f < 0));
        var p = new DarcySolver(n).Solve(k, source).Pressure;
        var imbalance = DarcySolver.FluxImbalance(n, k, source, p);
        double scale = source.Zip(areas, (f, a) => Math.Abs(f * a)).Sum();
        Assert.True(imbalance.Max(Math.Abs) < 1e-10 * scale, $"imbalance {imbalance.Max(Math.Abs):E2}");
        Assert.True(Math.Abs(p.Zip(areas, (x, a) => x * a).Sum()) < 1e-13 * p.Max(Math.Abs));
    }

    [Fact]
    public void Constant_permeability_gives_the_symmetries_of_the_corner_source()
    {
        int n = 33;
        var source = DarcySource.Corners(n, 10, 0.125);
        var k = Enumerable.Repeat(2.5, n * n).ToArray();
        var solution = new DarcySolver(n).Solve(k, source);
        var p = solution.Pressure;
        double scale = p.Max(Math.Abs);
        Assert.True(scale > 0.1);
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(p[j * n + i] - p[i * n + j]) < 1e-11 * scale, "p(x,y) = p(y,x)");
                Assert.True(Math.Abs(p[j * n + i] + p[(n - 1 - j) * n + (n - 1 - i)]) < 1e-11 * scale, "p(x,y) = -p(1-x,1-y)");
            }
        Assert.True(p[0] > 0 && p[n * n - 1] < 0, "pressure is highest at the injection corner");
    }

    [Fact]
    public void Velocity_is_central_inside_tangential_on_walls_and_zero_in_corners()
    {
        int n = 5;
        double h = 0.25;
        var p = Grid(n, (x, y) => x * x + 3 * y);
        var k = Grid(n, (x, y) => 1 + x);
        var (ux, uy) = DarcySolver.Velocity(n, k, p);
        Assert.Equal(-(1 + 0.5) * ((0.75 * 0.75) - (0.25 * 0.25)) / (2 * h), ux[2 * n + 2], 12);
        Assert.Equal(-(1 + 0.5) * 3, uy[2 * n + 2], 12);
        Assert.Equal(0, ux[2 * n + 0]);
        Assert.Equal(-(1 + 0) * 3, uy[2 * n + 0], 12);
        Assert.Equal(0, uy[0 * n + 2]);
        Assert.NotEqual(0, ux[0 * n + 2]);
        foreach (int corner in new[] { 0, n - 1, n * (n - 1), n * n - 1 })
        {
            Assert.Equal(0, ux[corner]);
            Assert.Equal(0, uy[corner]);
        }
    }
}
