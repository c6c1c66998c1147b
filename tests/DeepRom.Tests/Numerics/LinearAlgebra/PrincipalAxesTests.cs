using CsCheck;
using DeepRom.Numerics.LinearAlgebra;

namespace DeepRom.Tests.Numerics.LinearAlgebra;

public class PrincipalAxesTests
{
    /// <summary>Points along (0.6, -0.8, 0) with a little noise in z.</summary>
    [Fact]
    public void Points_spread_along_a_known_direction_give_that_direction_first()
    {
        var rng = new Random(1);
        var points = Enumerable.Range(0, 200).Select(_ =>
        {
            double t = 10 * (rng.NextDouble() - 0.5), noise = 0.01 * (rng.NextDouble() - 0.5);
            return new[] { 1 + 0.6 * t, 2 - 0.8 * t, 5 + noise };
        }).ToArray();
        var axes = PrincipalAxes.Fit(points, 2);
        double[] a = axes.Project([1, 2, 5]), b = axes.Project([1 + 0.6, 2 - 0.8, 5]);
        // One unit along the direction moves a point by +-1 along the first axis and not along the second (up to the noise).
        Assert.Equal(1.0, Math.Abs(b[0] - a[0]), 3);
        Assert.True(Math.Abs(b[1] - a[1]) < 1e-3, $"second coordinate moved by {b[1] - a[1]}");
        Assert.True(axes.Variances[0] > 1000 * axes.Variances[1]);
        Assert.Equal(2, axes.Count);
    }

    [Fact]
    public void Projecting_onto_all_axes_keeps_distances_from_the_mean() =>
        Gen.Double[-10, 10].Array[3].Array[4, 12].Sample(points =>
        {
            var axes = PrincipalAxes.Fit(points, 3);
            var mean = Enumerable.Range(0, 3).Select(j => points.Average(p => p[j])).ToArray();
            foreach (var p in points)
            {
                double direct = Math.Sqrt(p.Select((v, j) => (v - mean[j]) * (v - mean[j])).Sum());
                double projected = Math.Sqrt(axes.Project(p).Sum(c => c * c));
                Assert.Equal(direct, projected, 1e-8 * (1 + direct));
            }
        });

    [Fact]
    public void Variances_come_largest_first_and_sum_to_the_total_variance() =>
        Gen.Double[-5, 5].Array[4].Array[3, 10].Sample(points =>
        {
            var axes = PrincipalAxes.Fit(points, 4);
            for (int k = 1; k < axes.Count; k++) Assert.True(axes.Variances[k - 1] >= axes.Variances[k] - 1e-12);
            double total = Enumerable.Range(0, 4).Sum(j => { double m = points.Average(p => p[j]); return points.Average(p => (p[j] - m) * (p[j] - m)); });
            Assert.Equal(total, axes.Variances.Sum(), 1e-8 * (1 + total));
        });

    [Fact]
    public void More_axes_than_dimensions_keeps_one_per_dimension() =>
        Assert.Equal(2, PrincipalAxes.Fit([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0]], 5).Count);
}
