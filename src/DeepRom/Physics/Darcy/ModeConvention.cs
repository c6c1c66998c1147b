using DeepRom.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace DeepRom.Physics.Darcy;

/// <summary>
/// Makes computed KLE eigenpairs unique: a fixed basis inside each degenerate eigenspace and a fixed sign per mode.
/// </summary>
/// <remarks>
/// Clusters are runs of eigenvalues (sorted decreasing) whose relative gap (lambda_i - lambda_{i+1}) / lambda_i is
/// below <see cref="ClusterGap"/>. Inside a cluster the basis is rotated to diagonalise, in turn, the reflection
/// R_x: x -> 1 - x, then (within a group of equal R_x parity) R_y: y -> 1 - y, then the transposition T: x &lt;-&gt; y,
/// and finally, for any remaining accidental degeneracy, the weight (1 + x + 2y). Order inside a cluster: odd before
/// even at each stage (R_x first), then decreasing weight. For the degenerate pair 2/3 of the square this makes mode 2
/// odd in x (it varies along x) and mode 3 its transpose. Sign: sum over nodes of phi * (1 + x + 2y) is positive; when
/// that sum vanishes by symmetry (|sum| &lt; 1e-9 ||w||), the weight exp(x + 2y), which has a part in every symmetry
/// class, decides instead. Eigenvalues inside a cluster are replaced by the Rayleigh quotients of the rotated vectors.
/// </remarks>
internal static class ModeConvention
{
    public const double ClusterGap = 1e-8;

    public static void Apply(int n, double[] values, double[][] modes)
    {
        int count = values.Length;
        int start = 0;
        while (start < count)
        {
            int end = start + 1;
            while (end < count && values[end - 1] - values[end] < ClusterGap * Math.Abs(values[end - 1])) end++;
            if (end - start > 1) RotateCluster(n, values, modes, start, end);
            start = end;
        }
        var w1 = Weight(n, (x, y) => 1 + x + 2 * y);
        var w2 = Weight(n, (x, y) => Math.Exp(x + 2 * y));
        double w1Norm = Math.Sqrt(Blas1.Dot(w1, w1));
        foreach (var mode in modes)
        {
            double s = Blas1.Dot(mode, w1);
            if (Math.Abs(s) < 1e-9 * w1Norm) s = Blas1.Dot(mode, w2);
            if (s < 0)
                for (int i = 0; i < mode.Length; i++) mode[i] = -mode[i];
        }
    }

    private static double[] Weight(int n, Func<double, double, double> w)
    {
        double h = 1.0 / (n - 1);
        var v = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) v[j * n + i] = w(i * h, j * h);
        return v;
    }

    internal static double[] ReflectX(int n, double[] v) => Map(n, v, (j, i) => j * n + (n - 1 - i));

    internal static double[] ReflectY(int n, double[] v) => Map(n, v, (j, i) => (n - 1 - j) * n + i);

    internal static double[] Transpose(int n, double[] v) => Map(n, v, (j, i) => i * n + j);

    private static double[] Map(int n, double[] v, Func<int, int, int> source)
    {
        var r = new double[v.Length];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) r[j * n + i] = v[source(j, i)];
        return r;
    }

    private static void RotateCluster(int n, double[] values, double[][] modes, int start, int end)
    {
        var original = modes[start..end];
        var groups = new List<double[][]> { original.Select(v => (double[])v.Clone()).ToArray() };
        var weight = Weight(n, (x, y) => 1 + x + 2 * y);
        var stages = new Func<double[], double[]>[]
        {
            v => ReflectX(n, v),
            v => ReflectY(n, v),
            v => Transpose(n, v),
            v => v.Select((a, k) => a * weight[k]).ToArray(),
        };
        for (int s = 0; s < stages.Length; s++)
        {
            bool parity = s < 3;
            var next = new List<double[][]>();
            foreach (var group in groups)
            {
                if (group.Length == 1) { next.Add(group); continue; }
                next.AddRange(Split(group, stages[s], parity));
            }
            groups = next;
        }
        var rotated = groups.SelectMany(g => g).ToArray();
        for (int k = 0; k < rotated.Length; k++)
        {
            double lambda = 0;
            for (int a = 0; a < original.Length; a++)
            {
                double u = Blas1.Dot(original[a], rotated[k]);
                lambda += u * u * values[start + a];
            }
            values[start + k] = lambda;
            modes[start + k] = rotated[k];
        }
    }

    /// <summary>
    /// Diagonalises the operator restricted to the span of the group. For parity stages the result splits into the
    /// odd (-1) group then the even (+1) group; otherwise every eigenvector is its own group, by decreasing eigenvalue.
    /// </summary>
    private static IEnumerable<double[][]> Split(double[][] group, Func<double[], double[]> op, bool parity)
    {
        int c = group.Length;
        var images = group.Select(op).ToArray();
        var m = Matrix<double>.Build.Dense(c, c, (a, b) =>
            0.5 * (Blas1.Dot(group[a], images[b]) + Blas1.Dot(group[b], images[a])));
        var evd = m.Evd(Symmetricity.Symmetric);
        var vectors = new List<(double Value, double[] Vector)>();
        for (int e = 0; e < c; e++)
        {
            var v = new double[group[0].Length];
            for (int a = 0; a < c; a++) Blas1.Axpy(evd.EigenVectors[a, e], group[a], v);
            double norm = Math.Sqrt(Blas1.Dot(v, v));
            for (int i = 0; i < v.Length; i++) v[i] /= norm;
            vectors.Add((evd.EigenValues[e].Real, v));
        }
        if (!parity)
            return vectors.OrderByDescending(t => t.Value).Select(t => new[] { t.Vector });
        var odd = vectors.Where(t => t.Value < 0).Select(t => t.Vector).ToArray();
        var even = vectors.Where(t => t.Value >= 0).Select(t => t.Vector).ToArray();
        return new[] { odd, even }.Where(g => g.Length > 0);
    }
}
