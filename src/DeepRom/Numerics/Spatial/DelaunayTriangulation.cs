namespace DeepRom.Numerics.Spatial;

/// <summary>
/// Delaunay triangulation of a 2-D point set as the lower convex hull of the points lifted onto the paraboloid
/// w = x^2 + y^2: a triangle is Delaunay exactly when no other lifted point lies below the plane through its three.
/// </summary>
/// <remarks>
/// Every triple is tested against every point, O(n^4) in the worst case and O(n^3) in practice (a triangle is usually
/// refuted by an early point), which is a fraction of a second for the tens to a hundred or so simulations a parametric
/// ROM is trained on. It was chosen over incremental Bowyer-Watson, whose finite enclosing triangle lost thin hull
/// triangles along nearly collinear boundary points in the property test. Cocircular points (a grid cell's four
/// corners) would make several triangulations valid and triangles overlap; a fixed perturbation of the lift by up to
/// 1e-9 breaks the ties, so one valid triangulation comes out. Points are expected in comparable units near the unit
/// box (the caller scales them).
/// </remarks>
public sealed class DelaunayTriangulation
{
    private const double LiftPerturbation = 1e-9;

    /// <summary>Triangulates <paramref name="points"/> (each of length 2); throws <see cref="ArgumentException"/> when they are all collinear.</summary>
    public DelaunayTriangulation(IReadOnlyList<double[]> points)
    {
        if (points.Count < 3) throw new ArgumentException($"a triangulation needs at least 3 points, got {points.Count}");
        Points = points.Select(p => (p[0], p[1])).ToArray();
        Triangles = Build(Points);
        if (Triangles.Count == 0) throw new ArgumentException("the points are collinear: they span no triangle");
    }

    public (double X, double Y)[] Points { get; }

    /// <summary>Triangles as point indices, counter-clockwise.</summary>
    public IReadOnlyList<(int A, int B, int C)> Triangles { get; }

    /// <summary>Barycentric coordinates of (x, y) in triangle <paramref name="t"/> (any sign).</summary>
    public (double La, double Lb, double Lc) Barycentric((int A, int B, int C) t, double x, double y)
    {
        var (ax, ay) = Points[t.A];
        var (bx, by) = Points[t.B];
        var (cx, cy) = Points[t.C];
        double det = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy);
        double la = ((by - cy) * (x - cx) + (cx - bx) * (y - cy)) / det;
        double lb = ((cy - ay) * (x - cx) + (ax - cx) * (y - cy)) / det;
        return (la, lb, 1 - la - lb);
    }

    private static List<(int A, int B, int C)> Build((double X, double Y)[] p)
    {
        int n = p.Length;
        var lift = new double[n];
        var random = new Random(20_231_107); // fixed: the same points always give the same triangles
        for (int i = 0; i < n; i++) lift[i] = p[i].X * p[i].X + p[i].Y * p[i].Y + LiftPerturbation * random.NextDouble();
        double span = Math.Max(p.Max(q => q.X) - p.Min(q => q.X), p.Max(q => q.Y) - p.Min(q => q.Y));
        double flat = 1e-12 * span * span;
        var triangles = new List<(int, int, int)>();
        for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++)
        for (int c = b + 1; c < n; c++)
        {
            double cross = (p[b].X - p[a].X) * (p[c].Y - p[a].Y) - (p[b].Y - p[a].Y) * (p[c].X - p[a].X);
            if (Math.Abs(cross) <= flat) continue;
            // The plane w = alpha x + beta y + gamma through the three lifted points, by Cramer's rule relative to a.
            double dxb = p[b].X - p[a].X, dyb = p[b].Y - p[a].Y, dwb = lift[b] - lift[a];
            double dxc = p[c].X - p[a].X, dyc = p[c].Y - p[a].Y, dwc = lift[c] - lift[a];
            double alpha = (dwb * dyc - dwc * dyb) / cross, beta = (dxb * dwc - dxc * dwb) / cross;
            bool lower = true;
            for (int d = 0; d < n && lower; d++)
            {
                if (d == a || d == b || d == c) continue;
                double plane = lift[a] + alpha * (p[d].X - p[a].X) + beta * (p[d].Y - p[a].Y);
                if (lift[d] < plane) lower = false;
            }
            if (lower) triangles.Add(cross > 0 ? (a, b, c) : (a, c, b));
        }
        return triangles;
    }
}
