namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// Multilinear interpolation in the cell of a tensor grid of training parameters (every combination of the distinct
/// values per axis present exactly once, e.g. Burgers' 10 x 8 grid; every 1-D set is one). The hull is the box; outside,
/// the query is clamped to the box, its nearest point.
/// </summary>
public sealed class TensorGridStencil : IParameterStencil
{
    // Two scaled coordinates closer than this are the same grid line; rounding of the unit-box map stays far below it.
    private const double SameLine = 1e-9;

    private readonly double[][] _axes;
    private readonly Dictionary<string, int> _rowOf;

    private TensorGridStencil(double[][] axes, Dictionary<string, int> rowOf)
    {
        _axes = axes;
        _rowOf = rowOf;
    }

    public string Description => $"tensor grid {string.Join(" x ", _axes.Select(a => a.Length))}, multilinear in the cell";

    /// <summary>The grid stencil when <paramref name="unitPoints"/> form a full tensor grid, else null.</summary>
    public static TensorGridStencil? TryBuild(IReadOnlyList<double[]> unitPoints)
    {
        int s = unitPoints[0].Length;
        var axes = new double[s][];
        for (int d = 0; d < s; d++)
        {
            var lines = new List<double>();
            foreach (double v in unitPoints.Select(p => p[d]).Order())
                if (lines.Count == 0 || v - lines[^1] > SameLine) lines.Add(v);
            axes[d] = lines.ToArray();
        }
        if (axes.Aggregate(1L, (n, a) => n * a.Length) != unitPoints.Count) return null;
        var rowOf = new Dictionary<string, int>();
        for (int row = 0; row < unitPoints.Count; row++)
        {
            var key = Key(Enumerable.Range(0, s).Select(d => Line(axes[d], unitPoints[row][d])));
            if (!rowOf.TryAdd(key, row)) return null;
        }
        return new TensorGridStencil(axes, rowOf);
    }

    private static int Line(double[] axis, double v)
    {
        int k = Array.BinarySearch(axis, v);
        if (k >= 0) return k;
        k = ~k;
        return k == 0 ? 0 : k == axis.Length || v - axis[k - 1] < axis[k] - v ? k - 1 : k;
    }

    private static string Key(IEnumerable<int> index) => string.Join(",", index);

    public Stencil Locate(ReadOnlySpan<double> unitPoint)
    {
        int s = _axes.Length;
        bool inside = true;
        var low = new int[s];
        var t = new double[s];
        for (int d = 0; d < s; d++)
        {
            double[] axis = _axes[d];
            double x = unitPoint[d];
            if (x < axis[0] - SameLine || x > axis[^1] + SameLine) inside = false;
            x = Math.Clamp(x, axis[0], axis[^1]);
            if (axis.Length == 1) continue;
            int k = Array.BinarySearch(axis, x);
            if (k < 0) k = ~k - 1;
            k = Math.Clamp(k, 0, axis.Length - 2);
            low[d] = k;
            t[d] = (x - axis[k]) / (axis[k + 1] - axis[k]);
        }
        // Corners in binary order, axis 0 fastest: in 1-D that is (low, high) with weights (1 - t, t).
        int corners = 1 << s;
        var neighbours = new List<int>(corners);
        var weights = new List<double>(corners);
        var index = new int[s];
        for (int c = 0; c < corners; c++)
        {
            double w = 1;
            bool exists = true;
            for (int d = 0; d < s; d++)
            {
                bool high = ((c >> d) & 1) == 1;
                if (_axes[d].Length == 1 && high) { exists = false; break; }
                index[d] = low[d] + (high ? 1 : 0);
                w *= high ? t[d] : 1 - t[d];
            }
            if (!exists) continue;
            neighbours.Add(_rowOf[Key(index)]);
            weights.Add(w);
        }
        return new Stencil(neighbours.ToArray(), weights.ToArray(), inside);
    }
}
