using DeepRom.Numerics.Spatial;

namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// Barycentric weights in the Delaunay triangle that holds the query, for scattered 2-D training parameters. The hull
/// is the union of the triangles; outside, the weights are those of the nearest point of the hull (on a boundary edge).
/// </summary>
public sealed class DelaunayStencil(DelaunayTriangulation triangulation) : IParameterStencil
{
    // Barycentric coordinates this far below zero still count as inside: rounding for points on an edge.
    private const double OnEdge = 1e-10;

    public string Description => $"Delaunay triangulation ({triangulation.Triangles.Count} triangles), barycentric in the triangle";

    public Stencil Locate(ReadOnlySpan<double> unitPoint)
    {
        double x = unitPoint[0], y = unitPoint[1];
        foreach (var t in triangulation.Triangles)
        {
            var (la, lb, lc) = triangulation.Barycentric(t, x, y);
            if (Math.Min(la, Math.Min(lb, lc)) < -OnEdge) continue;
            la = Math.Max(la, 0);
            lb = Math.Max(lb, 0);
            lc = Math.Max(lc, 0);
            double sum = la + lb + lc;
            return new Stencil([t.A, t.B, t.C], [la / sum, lb / sum, lc / sum], Inside: true);
        }
        return NearestOnHull(x, y);
    }

    // The nearest point of the hull lies on some triangle's edge; every edge is tried, which for few triangles is cheap.
    private Stencil NearestOnHull(double x, double y)
    {
        var p = triangulation.Points;
        double best = double.PositiveInfinity;
        Stencil? nearest = null;
        foreach (var (a, b, c) in triangulation.Triangles)
            foreach (var (i, j) in new[] { (a, b), (b, c), (c, a) })
            {
                double ex = p[j].X - p[i].X, ey = p[j].Y - p[i].Y;
                double t = Math.Clamp(((x - p[i].X) * ex + (y - p[i].Y) * ey) / (ex * ex + ey * ey), 0, 1);
                double dx = p[i].X + t * ex - x, dy = p[i].Y + t * ey - y;
                double d2 = dx * dx + dy * dy;
                if (d2 < best)
                {
                    best = d2;
                    nearest = new Stencil([i, j], [1 - t, t], Inside: false);
                }
            }
        return nearest!;
    }
}
