using CsCheck;
using DeepRom.Numerics.Spatial;

namespace DeepRom.Tests.Numerics.Spatial;

public class KdTreeTests
{
    private static readonly Gen<(double[,] Points, double[] Query, int K, double R2)> Cases =
        from n in Gen.Int[1, 80]
        from d in Gen.Int[1, 4]
        from pts in Gen.Int[-4, 4].Select(v => v * 0.5).Array2D[n, d] // coarse grid: many ties and duplicates
        from q in Gen.Int[-4, 4].Select(v => v * 0.5).Array[d]
        from k in Gen.Int[1, 6]
        from r2 in Gen.Double[0, 6]
        select (pts, q, k, r2);

    private static double[] PositiveSquaredDistances(double[,] pts, double[] q, int exclude)
    {
        var list = new List<double>();
        for (int r = 0; r < pts.GetLength(0); r++)
        {
            if (r == exclude) continue;
            double s = 0;
            for (int j = 0; j < q.Length; j++) s += (q[j] - pts[r, j]) * (q[j] - pts[r, j]);
            if (s > 0) list.Add(s);
        }
        list.Sort();
        return list.ToArray();
    }

    [Fact]
    public void Kth_nearest_matches_brute_force_ignoring_zero_distances()
    {
        Cases.Sample(c =>
        {
            var tree = new KdTree(c.Points);
            var all = PositiveSquaredDistances(c.Points, c.Query, -1);
            double expected = c.K <= all.Length ? all[c.K - 1] : double.PositiveInfinity;
            Assert.Equal(expected, tree.KthNearestSquared(c.Query, c.K));
            var without0 = PositiveSquaredDistances(c.Points, c.Query, 0);
            double expected0 = c.K <= without0.Length ? without0[c.K - 1] : double.PositiveInfinity;
            Assert.Equal(expected0, tree.KthNearestSquared(c.Query, c.K, excludeRow: 0));
        });
    }

    [Fact]
    public void Radius_count_and_farthest_match_brute_force()
    {
        Cases.Sample(c =>
        {
            var tree = new KdTree(c.Points);
            var inside = PositiveSquaredDistances(c.Points, c.Query, -1).Where(s => s <= c.R2).ToArray();
            var (count, max) = tree.WithinSquared(c.Query, c.R2);
            Assert.Equal(inside.Length, count);
            Assert.Equal(inside.Length == 0 ? 0 : inside.Max(), max);
        });
    }
}
