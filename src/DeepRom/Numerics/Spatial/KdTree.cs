namespace DeepRom.Numerics.Spatial;

/// <summary>A static k-d tree over the rows of an n x d point set, for nearest-neighbour distance queries.</summary>
/// <remarks>
/// Every query ignores points at distance exactly zero from the query point (the query point itself and exact
/// duplicates of it) and, optionally, one row index. Distances are squared Euclidean throughout so that a radius
/// taken from one query admits exactly the points that produced it in another.
/// </remarks>
public sealed class KdTree
{
    private const int LeafSize = 12;

    private readonly double[] _coords; // row-major copy, rows in tree order
    private readonly int[] _rowOf;     // original row index of each tree-ordered point
    private readonly List<Node> _nodes = new();

    private readonly record struct Node(int Start, int End, int SplitDim, double SplitValue, int Left, int Right)
    {
        public bool IsLeaf => Left < 0;
    }

    public KdTree(double[,] points)
    {
        Count = points.GetLength(0);
        Dimension = points.GetLength(1);
        if (Count == 0 || Dimension == 0) throw new ArgumentException("point set is empty", nameof(points));
        var order = Enumerable.Range(0, Count).ToArray();
        Build(points, order, 0, Count);
        _rowOf = order;
        _coords = new double[Count * Dimension];
        for (int i = 0; i < Count; i++)
            for (int j = 0; j < Dimension; j++)
                _coords[i * Dimension + j] = points[order[i], j];
    }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Dimension of the points.</summary>
    public int Dimension { get; }

    private int Build(double[,] points, int[] order, int start, int end)
    {
        int id = _nodes.Count;
        _nodes.Add(default);
        if (end - start <= LeafSize)
        {
            _nodes[id] = new Node(start, end, -1, 0, -1, -1);
            return id;
        }
        // Split the widest coordinate at its median: balanced depth whatever the scaling of each axis.
        int dim = 0;
        double widest = -1;
        for (int j = 0; j < Dimension; j++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int i = start; i < end; i++)
            {
                double v = points[order[i], j];
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
            if (hi - lo > widest) { widest = hi - lo; dim = j; }
        }
        var keys = new double[end - start];
        var rows = new int[end - start];
        for (int i = start; i < end; i++) { keys[i - start] = points[order[i], dim]; rows[i - start] = order[i]; }
        Array.Sort(keys, rows);
        rows.CopyTo(order, start);
        int mid = start + (end - start) / 2;
        double split = points[order[mid], dim];
        int left = Build(points, order, start, mid);
        int right = Build(points, order, mid, end);
        _nodes[id] = new Node(start, end, dim, split, left, right);
        return id;
    }

    /// <summary>Squared distance from <paramref name="query"/> to its k-th nearest positive-distance neighbour (+inf if fewer exist).</summary>
    public double KthNearestSquared(ReadOnlySpan<double> query, int k, int excludeRow = -1)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 1");
        Span<double> best = k <= 64 ? stackalloc double[k] : new double[k];
        best.Fill(double.PositiveInfinity);
        SearchKnn(0, query, best, excludeRow);
        return best[k - 1];
    }

    // best holds the k smallest squared distances found so far, ascending.
    private void SearchKnn(int nodeId, ReadOnlySpan<double> q, Span<double> best, int excludeRow)
    {
        var node = _nodes[nodeId];
        if (node.IsLeaf)
        {
            for (int i = node.Start; i < node.End; i++)
            {
                double d2 = SquaredDistance(q, i);
                if (d2 == 0 || d2 >= best[^1] || _rowOf[i] == excludeRow) continue;
                int pos = best.Length - 1;
                while (pos > 0 && best[pos - 1] > d2) { best[pos] = best[pos - 1]; pos--; }
                best[pos] = d2;
            }
            return;
        }
        double diff = q[node.SplitDim] - node.SplitValue;
        int near = diff < 0 ? node.Left : node.Right;
        int far = diff < 0 ? node.Right : node.Left;
        SearchKnn(near, q, best, excludeRow);
        if (diff * diff <= best[^1]) SearchKnn(far, q, best, excludeRow);
    }

    /// <summary>Number of points at squared distance in (0, r2] from the query, and the largest such squared distance (0 if none).</summary>
    public (int Count, double MaxSquared) WithinSquared(ReadOnlySpan<double> query, double r2, int excludeRow = -1)
    {
        int count = 0;
        double max = 0;
        SearchRadius(0, query, r2, excludeRow, ref count, ref max);
        return (count, max);
    }

    private void SearchRadius(int nodeId, ReadOnlySpan<double> q, double r2, int excludeRow, ref int count, ref double max)
    {
        var node = _nodes[nodeId];
        if (node.IsLeaf)
        {
            for (int i = node.Start; i < node.End; i++)
            {
                double d2 = SquaredDistance(q, i);
                if (d2 == 0 || d2 > r2 || _rowOf[i] == excludeRow) continue;
                count++;
                if (d2 > max) max = d2;
            }
            return;
        }
        double diff = q[node.SplitDim] - node.SplitValue;
        int near = diff < 0 ? node.Left : node.Right;
        int far = diff < 0 ? node.Right : node.Left;
        SearchRadius(near, q, r2, excludeRow, ref count, ref max);
        if (diff * diff <= r2) SearchRadius(far, q, r2, excludeRow, ref count, ref max);
    }

    private double SquaredDistance(ReadOnlySpan<double> q, int treeIndex)
    {
        int off = treeIndex * Dimension;
        double s = 0;
        for (int j = 0; j < Dimension; j++)
        {
            double t = q[j] - _coords[off + j];
            s += t * t;
        }
        return s;
    }
}
