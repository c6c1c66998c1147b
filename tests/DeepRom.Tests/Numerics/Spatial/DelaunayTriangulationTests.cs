using CsCheck;
using DeepRom.Numerics.Spatial;

namespace DeepRom.Tests.Numerics.Spatial;

public class DelaunayTriangulationTests
{
    private static double Area((double X, double Y) a, (double X, double Y) b, (double X, double Y) c) =>
        0.5 * ((b.X - a.X) * (c.Y - a.Y) - (b.Y - a.Y) * (c.X - a.X));

    /// <summary>Area of the convex hull by Andrew's monotone chain.</summary>
    private static double HullArea((double X, double Y)[] points)
    {
        var p = points.OrderBy(q => q.X).ThenBy(q => q.Y).ToArray();
        var hull = new List<(double X, double Y)>();
        foreach (var pass in new[] { p, p.Reverse().ToArray() })
        {
            int start = hull.Count;
            foreach (var q in pass)
            {
                while (hull.Count >= start + 2 && Area(hull[^2], hull[^1], q) <= 0) hull.RemoveAt(hull.Count - 1);
                hull.Add(q);
            }
            hull.RemoveAt(hull.Count - 1);
        }
        double area = 0;
        for (int i = 1; i + 1 < hull.Count; i++) area += Area(hull[0], hull[i], hull[i + 1]);
        return area;
    }

    [Fact]
    public void Triangles_are_counter_clockwise_tile_the_hull_and_have_empty_circumcircles()
    {
        Gen.Double[0, 1].Array[2].Array[4, 30].Where(Spread).Sample(points =>
        {
            var d = new DelaunayTriangulation(points);
            var p = d.Points;
            Assert.All(d.Triangles, t => Assert.True(Area(p[t.A], p[t.B], p[t.C]) > 0));
            double total = d.Triangles.Sum(t => Area(p[t.A], p[t.B], p[t.C]));
            Assert.Equal(HullArea(p), total, 1e-9);
            foreach (var t in d.Triangles)
                for (int k = 0; k < p.Length; k++)
                {
                    if (k == t.A || k == t.B || k == t.C) continue;
                    Assert.False(InCircle(p[t.A], p[t.B], p[t.C], p[k]) > 1e-7, "a point lies inside a circumcircle");
                }
        }, iter: 200);
    }

    // Distinct points spanning an area: what the ROM passes (it refuses duplicate and collinear parameters).
    private static bool Spread(double[][] points) =>
        HullArea(points.Select(q => (q[0], q[1])).ToArray()) > 1e-3
        && points.SelectMany((a, i) => points.Skip(i + 1), (a, b) => Math.Abs(a[0] - b[0]) + Math.Abs(a[1] - b[1])).All(d => d > 1e-3);

    // Positive when d lies inside the circle through counter-clockwise a, b, c.
    private static double InCircle((double X, double Y) a, (double X, double Y) b, (double X, double Y) c, (double X, double Y) d)
    {
        double ax = a.X - d.X, ay = a.Y - d.Y, bx = b.X - d.X, by = b.Y - d.Y, cx = c.X - d.X, cy = c.Y - d.Y;
        return (ax * ax + ay * ay) * (bx * cy - cx * by) - (bx * bx + by * by) * (ax * cy - cx * ay) + (cx * cx + cy * cy) * (ax * by - bx * ay);
    }

    [Fact]
    public void A_grid_with_cocircular_cells_gets_two_triangles_per_cell_without_overlap()
    {
        var points = (from x in Enumerable.Range(0, 4) from y in Enumerable.Range(0, 3) select new[] { x / 3.0, y / 2.0 }).ToArray();
        var d = new DelaunayTriangulation(points);
        Assert.Equal(12, d.Triangles.Count);
        Assert.Equal(1, d.Triangles.Sum(t => Area(d.Points[t.A], d.Points[t.B], d.Points[t.C])), 12);
    }

    [Fact]
    public void Collinear_points_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DelaunayTriangulation([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]));
    }
}
