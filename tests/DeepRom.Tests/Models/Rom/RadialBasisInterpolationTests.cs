using CsCheck;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Interpolation;

namespace DeepRom.Tests.Models.Rom;

public class RadialBasisInterpolationTests
{
    private static readonly RbfKernel[] Kernels = Enum.GetValues<RbfKernel>();

    /// <summary>
    /// Scattered points in Burgers' parameter box (4.25-5.5 by 0.015-0.03): one per cell of an n x m grid, in the cell's
    /// middle half, so no two are closer than a quarter cell and the system stays well posed.
    /// </summary>
    private static readonly Gen<double[][]> Scattered =
        from n in Gen.Int[2, 6]
        from m in Gen.Int[2, 6]
        from jitter in Gen.Double[0.25, 0.75].Array[2].Array[n * m]
        select Enumerable.Range(0, n * m).Select(k => new[]
        {
            4.25 + 1.25 * (k % n + jitter[k][0]) / n,
            0.015 + 0.015 * (k / n + jitter[k][1]) / m,
        }).ToArray();

    private static RadialBasisInterpolation Fitted(RbfKernel kernel, double[][] points, double[][] codes)
    {
        var rbf = new RadialBasisInterpolation(new RbfConfig(kernel));
        rbf.Fit(points, codes);
        return rbf;
    }

    [Fact]
    public void It_is_exact_at_the_training_points()
    {
        Gen.Select(Scattered, Gen.Int[1, 4], Gen.Int).Sample((points, r, seed) =>
        {
            var random = new Random(seed);
            double[][] codes = points.Select(_ => Enumerable.Range(0, r).Select(_ => 10 * random.NextDouble() - 5).ToArray()).ToArray();
            foreach (var kernel in Kernels)
            {
                var rbf = Fitted(kernel, points, codes);
                for (int k = 0; k < points.Length; k++)
                {
                    var p = rbf.Predict(points[k]);
                    Assert.False(p.Extrapolated);
                    Assert.All(p.Code.Zip(codes[k]), c => Assert.Equal(c.Second, c.First, 1e-8));
                    Assert.Equal(points.Length, p.Neighbours.Length);
                    Assert.Equal(1, p.Weights.Sum(), 1e-9);
                }
            }
        }, iter: 40);
    }

    private static double Affine(double[] a, double[] p) => a[0] + a[1] * p[0] + a[2] * p[1];

    [Fact]
    public void It_reproduces_codes_affine_in_the_parameters_inside_and_outside_the_hull()
    {
        Gen.Select(Scattered, Gen.Double[-10, 10].Array[3], Gen.Double[4, 6], Gen.Double[0.01, 0.035]).Sample((points, a, x, y) =>
        {
            double[][] codes = points.Select(p => new[] { Affine(a, p), 2.5 }).ToArray();
            foreach (var kernel in Kernels)
            {
                var z = Fitted(kernel, points, codes).Predict([x, y]).Code;
                Assert.Equal(Affine(a, [x, y]), z[0], 1e-7 * (1 + Math.Abs(Affine(a, [x, y]))));
                Assert.Equal(2.5, z[1], 1e-9);
            }
        }, iter: 40);
    }

    /// <summary>A smooth function of the parameter box with random frequencies and phases, of order one.</summary>
    private static double Smooth(double[] f, double[] p)
    {
        double u = (p[0] - 4.25) / 1.25, v = (p[1] - 0.015) / 0.015;
        return Math.Sin(f[0] * u + f[1]) * Math.Cos(f[2] * v + f[3]) + 0.3 * u * v;
    }

    private static double[][] Grid(int n) =>
        (from i in Enumerable.Range(0, n) from j in Enumerable.Range(0, n) select new[] { 4.25 + 1.25 * i / (n - 1), 0.015 + 0.015 * j / (n - 1) }).ToArray();

    [Fact]
    public void The_error_on_a_smooth_function_falls_as_points_are_added()
    {
        var frequencies = Gen.Select(Gen.Double[0.5, 3], Gen.Double[0, Math.PI], Gen.Double[0.5, 3], Gen.Double[0, Math.PI], (a, b, c, d) => new[] { a, b, c, d });
        Gen.Select(frequencies, Gen.Int).Sample((f, seed) =>
        {
            var random = new Random(seed);
            var queries = Enumerable.Range(0, 100).Select(_ => new[] { 4.25 + 1.25 * random.NextDouble(), 0.015 + 0.015 * random.NextDouble() }).ToArray();
            double Error(int n)
            {
                var points = Grid(n);
                var rbf = Fitted(RbfKernel.ThinPlateSpline, points, points.Select(p => new[] { Smooth(f, p) }).ToArray());
                return queries.Max(q => Math.Abs(rbf.Predict(q).Code[0] - Smooth(f, q)));
            }
            double coarse = Error(4), medium = Error(8), fine = Error(16);
            Assert.True(medium < coarse, $"8 x 8 error {medium:g3} not below 4 x 4's {coarse:g3}");
            Assert.True(fine < medium, $"16 x 16 error {fine:g3} not below 8 x 8's {medium:g3}");
            Assert.True(fine < 0.25 * coarse, $"16 x 16 error {fine:g3} not a quarter of 4 x 4's {coarse:g3}");
        }, iter: 15);
    }

    [Fact]
    public void A_parameter_on_which_all_points_agree_drops_out_of_the_polynomial()
    {
        double[][] points = [[1.0, 5.0], [2.0, 5.0], [4.0, 5.0]];
        var rbf = Fitted(RbfKernel.ThinPlateSpline, points, points.Select(p => new[] { 3 * p[0] - 1 }).ToArray());

        Assert.Equal(3 * 3.3 - 1, rbf.Predict([3.3, 5.0]).Code[0], 1e-10);
        Assert.True(rbf.Predict([3.3, 5.1]).Extrapolated);
        Assert.StartsWith("radial basis functions (thin-plate-spline", rbf.Description);
    }

    [Fact]
    public void Outside_the_hull_it_extrapolates_the_formula_and_says_so()
    {
        var points = Grid(4);
        var rbf = Fitted(RbfKernel.ThinPlateSpline, points, points.Select(p => new[] { p[0] * p[0] }).ToArray());

        Assert.False(rbf.Contains([5.6, 0.02]));
        var outside = rbf.Predict([5.6, 0.02]);
        Assert.True(outside.Extrapolated);
        Assert.NotEqual(rbf.Predict([5.5, 0.02]).Code[0], outside.Code[0]); // not clamped to the hull like a stencil
    }

    [Fact]
    public void A_refit_through_CreateUnfitted_keeps_the_kernel()
    {
        var rbf = new RadialBasisInterpolation(new RbfConfig(RbfKernel.Cubic));
        var fresh = Assert.IsType<RadialBasisInterpolation>(rbf.CreateUnfitted());
        Assert.Equal(RbfKernel.Cubic, fresh.Config.Kernel);
        Assert.Throws<InvalidOperationException>(() => fresh.Predict([1.0]));
    }
}
