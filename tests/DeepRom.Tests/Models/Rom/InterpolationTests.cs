using CsCheck;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Interpolation;

namespace DeepRom.Tests.Models.Rom;

public class InterpolationTests
{
    private static readonly Gen<double[]> Code = Gen.Double[-5, 5].Array[2, 8];

    private static double Norm(double[] z) => Math.Sqrt(z.Sum(v => v * v));

    [Fact]
    public void Slerp_and_lerp_return_the_endpoints_at_t_0_and_1()
    {
        Gen.Select(Code, Gen.Int[0, 1]).Sample((a, seed) =>
        {
            var b = a.Select((v, i) => v * (i + 1) - seed).ToArray();
            foreach (var f in new Func<double[], double[], double, double[]>[] { (x, y, t) => Slerp.Between(x, y, t), (x, y, t) => Lerp.Between(x, y, t) })
            {
                Assert.All(f(a, b, 0).Zip(a), p => Assert.Equal(p.Second, p.First, 1e-9));
                Assert.All(f(a, b, 1).Zip(b), p => Assert.Equal(p.Second, p.First, 1e-9));
            }
        });
    }

    private static readonly Gen<(double[] A, double[] B, double T)> EqualNormPair =
        from n in Gen.Int[2, 8]
        from a in Gen.Double[-5, 5].Array[n]
        from b in Gen.Double[-5, 5].Array[n]
        from t in Gen.Double[0, 1]
        where Norm(a) > 1e-3 && Norm(b) > 1e-3
        let scaled = b.Select(v => v * Norm(a) / Norm(b)).ToArray()
        where Cosine(a, scaled) > -0.999 // antiparallel codes have no great circle; slerp falls back to lerp there
        select (a, scaled, t);

    private static double Cosine(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum() / (Norm(a) * Norm(b));

    [Fact]
    public void Slerp_keeps_the_norm_of_codes_of_equal_norm()
    {
        EqualNormPair.Sample(c =>
        {
            var z = Slerp.Between(c.A, c.B, c.T);
            Assert.Equal(Norm(c.A), Norm(z), 1e-9 * (1 + Norm(c.A)));
        });
    }

    [Fact]
    public void Slerp_tends_to_lerp_for_nearly_parallel_codes()
    {
        Gen.Select(Code.Where(a => Norm(a) > 1e-2), Gen.Double[0, 1]).Sample((a, t) =>
        {
            var b = a.Select((v, i) => 2 * v + (i == 0 ? 1e-9 : 0)).ToArray();
            var s = Slerp.Between(a, b, t);
            var l = Lerp.Between(a, b, t);
            Assert.All(s.Zip(l), p => Assert.Equal(p.Second, p.First, 1e-6 * (1 + Norm(a))));
        });
    }

    [Fact]
    public void Slerp_of_orthogonal_unit_codes_follows_the_circle()
    {
        var z = Slerp.Between([1.0, 0.0], [0.0, 1.0], 1.0 / 3);
        Assert.Equal(Math.Cos(Math.PI / 6), z[0], 12);
        Assert.Equal(Math.Sin(Math.PI / 6), z[1], 12);
    }

    private static double Affine(double[] p) => 0.7 + 2 * p[0] - 3 * p[^1] + (p.Length > 2 ? p[1] : 0);

    /// <summary>Codes that are an affine function of the parameters (component 0) and a constant (component 1).</summary>
    private static double[][] Codes(double[][] points) => points.Select(p => new[] { Affine(p), 1.5 }).ToArray();

    [Fact]
    public void Grid_interpolation_reproduces_affine_functions_exactly()
    {
        var points = (from a in new[] { 4.25, 4.5, 5.0, 5.5 } from b in new[] { 0.015, 0.02, 0.03 } select new[] { a, b }).ToArray();
        var lerp = new StencilInterpolation(InterpolationKind.Lerp);
        lerp.Fit(points, Codes(points));
        Assert.StartsWith("tensor grid 4 x 3", lerp.Description);

        Gen.Select(Gen.Double[4.25, 5.5], Gen.Double[0.015, 0.03]).Sample((a, b) =>
        {
            var p = lerp.Predict([a, b]);
            Assert.False(p.Extrapolated);
            Assert.Equal(Affine([a, b]), p.Code[0], 1e-10);
            Assert.Equal(1.5, p.Code[1], 12);
        });
    }

    [Fact]
    public void Grid_interpolation_in_three_dimensions_reproduces_affine_functions()
    {
        var points = (from a in new[] { 0.0, 1, 3 } from b in new[] { -1.0, 1 } from c in new[] { 10.0, 20 } select new[] { a, b, c }).ToArray();
        var lerp = new StencilInterpolation(InterpolationKind.Lerp);
        lerp.Fit(points, Codes(points));
        var q = new[] { 2.2, 0.3, 13.0 };
        Assert.Equal(Affine(q), lerp.Predict(q).Code[0], 10);
    }

    [Fact]
    public void Scattered_2d_interpolation_reproduces_affine_functions_exactly()
    {
        var random = new Random(5);
        var points = Enumerable.Range(0, 15).Select(_ => new[] { random.NextDouble() * 10, random.NextDouble() }).ToArray();
        var lerp = new StencilInterpolation(InterpolationKind.Lerp);
        lerp.Fit(points, Codes(points));
        Assert.StartsWith("Delaunay", lerp.Description);
        int inside = 0;
        for (int k = 0; k < 200; k++)
        {
            var q = new[] { random.NextDouble() * 10, random.NextDouble() };
            var p = lerp.Predict(q);
            if (p.Extrapolated) continue;
            inside++;
            Assert.Equal(Affine(q), p.Code[0], 1e-9);
        }
        Assert.True(inside > 100);
        foreach (var point in points) Assert.Equal(Affine(point), lerp.Predict(point).Code[0], 1e-9);
    }

    [Fact]
    public void Slerp_on_a_1d_set_is_the_two_point_formula_between_the_bracketing_codes()
    {
        double[][] points = [[1.0], [2.0], [4.0]];
        double[][] codes = [[1.0, 0.0], [0.0, 2.0], [-1.0, -1.0]];
        var slerp = new StencilInterpolation(InterpolationKind.Slerp);
        slerp.Fit(points, codes);
        Assert.Equal(Slerp.Between(codes[1], codes[2], 0.25), slerp.Predict([2.5]).Code);
        Assert.Equal(codes[0], slerp.Predict([1.0]).Code);
    }

    [Fact]
    public void The_hull_check_accepts_the_box_and_triangles_and_clamps_outside()
    {
        double[][] grid = [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
        var g = new StencilInterpolation(InterpolationKind.Lerp);
        g.Fit(grid, Codes(grid));
        Assert.True(g.Contains([1.0, 0.5]));
        Assert.False(g.Contains([1.01, 0.5]));
        var outside = g.Predict([2.0, 0.5]);
        Assert.True(outside.Extrapolated);
        Assert.Equal(Affine([1.0, 0.5]), outside.Code[0], 12); // clamped to the nearest point of the box

        double[][] triangle = [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.2, 0.2]];
        var t = new StencilInterpolation(InterpolationKind.Lerp);
        t.Fit(triangle, Codes(triangle));
        Assert.True(t.Contains([0.5, 0.5]));   // on the hypotenuse
        Assert.False(t.Contains([0.6, 0.6]));  // inside the box, outside the hull
        var beyond = t.Predict([1.0, 1.0]);
        Assert.True(beyond.Extrapolated);
        Assert.Equal(Affine([0.5, 0.5]), beyond.Code[0], 12);
    }

    [Fact]
    public void Scattered_parameters_in_three_dimensions_are_refused()
    {
        double[][] points = [[0.0, 0, 0], [1.0, 0, 0], [0.0, 1, 0], [0.0, 0, 1]];
        var e = Assert.Throws<ArgumentException>(() => new StencilInterpolation(InterpolationKind.Lerp).Fit(points, Codes(points)));
        Assert.Contains("tensor grid", e.Message);
    }
}
