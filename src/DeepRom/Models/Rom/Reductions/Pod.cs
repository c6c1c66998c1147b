using DeepRom.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// Proper orthogonal decomposition of the snapshot matrix: each simulation is one mean-centred column; the leading left
/// singular vectors are the modes and a simulation's code is its projection onto them.
/// </summary>
/// <remarks>
/// The columns are long (T x C x grid values) and few (P simulations), so the SVD goes through the P x P Gram matrix
/// X^T X in double precision: its eigenvectors are the right singular vectors and X v / sigma the modes. The Gram
/// route squares the condition number, so modes are re-orthonormalised once (a modes' loss of orthogonality would grow
/// like (sigma_1 / sigma_i)^2 eps) and the codes are recomputed as projections, which keeps Encode and Fit consistent.
/// The Gram matrix, the modes and the codes are computed over cache-sized slices of all columns at once: the snapshot
/// matrix is large (80 x 128,256 doubles for Burgers) and pairwise passes were bound by memory traffic.
/// </remarks>
public sealed class Pod : IReduction
{
    private double[] _mean = [];
    private double[][] _modes = [];

    public Pod(PodConfig config)
    {
        config.Validate();
        Config = config;
    }

    /// <summary>Rebuilds a fitted POD from its stored arrays.</summary>
    public Pod(PodConfig config, double[] mean, double[][] modes, double[] singularValues) : this(config)
    {
        if (modes.Any(m => m.Length != mean.Length)) throw new ArgumentException("every mode must have the mean's length");
        _mean = mean;
        _modes = modes;
        SingularValues = singularValues;
    }

    public PodConfig Config { get; }

    public int LatentSize => _modes.Length;

    /// <summary>The mean simulation (length n).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The r orthonormal modes, each of length n.</summary>
    public IReadOnlyList<double[]> Modes => _modes;

    /// <summary>All singular values of the centred snapshot matrix, largest first (P of them).</summary>
    public double[] SingularValues { get; private set; } = [];

    /// <summary>The fraction of the centred snapshots' energy (sum of sigma^2) the kept modes capture.</summary>
    public double EnergyCaptured => EnergyOf(SingularValues, LatentSize);

    /// <summary>The fraction of energy the first <paramref name="rank"/> of <paramref name="singularValues"/> capture.</summary>
    public static double EnergyOf(IReadOnlyList<double> singularValues, int rank)
    {
        double total = singularValues.Sum(s => s * s);
        return total == 0 ? 1 : singularValues.Take(rank).Sum(s => s * s) / total;
    }

    public double[][] Fit(IReadOnlyList<double[]> simulations, FitControl? control = null)
    {
        control?.Cancellation.ThrowIfCancellationRequested();
        int p = simulations.Count;
        if (p < 2) throw new ArgumentException($"POD needs at least two simulations, got {p}");
        int n = simulations[0].Length;
        if (simulations.Any(s => s.Length != n)) throw new ArgumentException("simulations differ in length");

        _mean = new double[n];
        foreach (double[] s in simulations) Blas1.Axpy(1.0 / p, s, _mean);
        var centred = simulations.Select(s =>
        {
            var c = (double[])s.Clone();
            Blas1.Axpy(-1, _mean, c);
            return c;
        }).ToArray();

        var gram = Matrix<double>.Build.Dense(p, p, Gram(centred));
        var eigen = gram.Evd(Symmetricity.Symmetric);
        // MathNet orders symmetric eigenvalues ascending.
        int[] order = Enumerable.Range(0, p).OrderByDescending(k => eigen.EigenValues[k].Real).ToArray();
        SingularValues = order.Select(k => Math.Sqrt(Math.Max(0, eigen.EigenValues[k].Real))).ToArray();

        int rank = ChooseRank(SingularValues);
        var combination = new double[rank][];
        for (int m = 0; m < rank; m++)
        {
            var v = eigen.EigenVectors.Column(order[m]);
            combination[m] = Enumerable.Range(0, p).Select(j => v[j] / SingularValues[m]).ToArray();
        }
        _modes = Combine(centred, combination);
        Orthonormalise(_modes);
        return Project(centred, _modes);
    }

    /// <summary>Modes as combinations of the columns: mode m = sum over j of weights[m][j] columns[j], a slice at a time.</summary>
    private static double[][] Combine(double[][] columns, double[][] weights)
    {
        int n = columns[0].Length, slices = (n + SliceLength - 1) / SliceLength;
        var modes = weights.Select(_ => new double[n]).ToArray();
        Parallel.For(0, slices, slice =>
        {
            int start = slice * SliceLength, length = Math.Min(SliceLength, n - start);
            for (int j = 0; j < columns.Length; j++)
            {
                var column = columns[j].AsSpan(start, length);
                for (int m = 0; m < modes.Length; m++) Blas1.Axpy(weights[m][j], column, modes[m].AsSpan(start, length));
            }
        });
        return modes;
    }

    /// <summary>The codes of centred columns: their dot products with every mode, a slice at a time.</summary>
    private static double[][] Project(double[][] columns, double[][] modes)
    {
        int p = columns.Length, r = modes.Length;
        var codes = OverSlices(columns[0].Length, p * r, (start, length, sums) =>
        {
            for (int j = 0; j < p; j++)
            {
                var column = columns[j].AsSpan(start, length);
                for (int m = 0; m < r; m++) sums[j * r + m] = Blas1.Dot(modes[m].AsSpan(start, length), column);
            }
        });
        return Enumerable.Range(0, p).Select(j => codes.AsSpan(j * r, r).ToArray()).ToArray();
    }

    // Rows of a cache-sized slice of every column at a time: done column pair by column pair, the Gram matrix would
    // stream the whole snapshot matrix from memory P / 2 times (6.5 GB for Burgers' 80 x 128,256 doubles).
    private const int SliceLength = 2048;

    /// <summary>X^T X of the columns, column-major (MathNet's layout; it is symmetric anyway).</summary>
    private static double[] Gram(double[][] columns)
    {
        int p = columns.Length;
        var partial = OverSlices(columns[0].Length, p * p, (start, length, sums) =>
        {
            for (int i = 0; i < p; i++)
            {
                var ci = columns[i].AsSpan(start, length);
                for (int j = 0; j <= i; j++) sums[i * p + j] = Blas1.Dot(ci, columns[j].AsSpan(start, length));
            }
        });
        for (int i = 0; i < p; i++)
            for (int j = 0; j < i; j++) partial[j * p + i] = partial[i * p + j];
        return partial;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on every slice in parallel, each into its own <paramref name="size"/> sums, and adds
    /// the slices' sums in slice order, so that the result does not depend on the thread schedule (a refit gives the
    /// same bits).
    /// </summary>
    private static double[] OverSlices(int n, int size, Action<int, int, double[]> work)
    {
        int slices = (n + SliceLength - 1) / SliceLength;
        var sums = new double[slices][];
        Parallel.For(0, slices, slice =>
        {
            int start = slice * SliceLength;
            sums[slice] = new double[size];
            work(start, Math.Min(SliceLength, n - start), sums[slice]);
        });
        var total = new double[size];
        foreach (var s in sums)
            for (int k = 0; k < size; k++) total[k] += s[k];
        return total;
    }

    /// <summary>The budget, cut to the modes that reach the energy target, and to the numerically non-zero ones.</summary>
    private int ChooseRank(double[] sigma)
    {
        double floor = sigma[0] * Config.RankTolerance;
        int nonZero = sigma.Count(s => s > floor);
        int rank = Math.Min(Config.MaxRank, nonZero);
        for (int k = 1; k < rank; k++)
            if (EnergyOf(sigma, k) >= Config.EnergyTarget) return k;
        return Math.Max(1, rank);
    }

    // Modified Gram-Schmidt, one pass: the modes are already orthogonal to a few digits, one pass restores the rest.
    private static void Orthonormalise(double[][] modes)
    {
        for (int m = 0; m < modes.Length; m++)
        {
            for (int k = 0; k < m; k++) Blas1.Axpy(-Blas1.Dot(modes[k], modes[m]), modes[k], modes[m]);
            double norm = Math.Sqrt(Blas1.Dot(modes[m], modes[m]));
            for (int i = 0; i < modes[m].Length; i++) modes[m][i] /= norm;
        }
    }

    public double[] Encode(ReadOnlySpan<double> simulation)
    {
        if (simulation.Length != _mean.Length) throw new ArgumentException($"simulation has {simulation.Length} values, the basis {_mean.Length}");
        var centred = simulation.ToArray();
        Blas1.Axpy(-1, _mean, centred);
        var code = new double[_modes.Length];
        for (int m = 0; m < code.Length; m++) code[m] = Blas1.Dot(_modes[m], centred);
        return code;
    }

    public double[] Decode(ReadOnlySpan<double> code)
    {
        if (code.Length != _modes.Length) throw new ArgumentException($"code has {code.Length} entries, the basis {_modes.Length} modes");
        var simulation = (double[])_mean.Clone();
        for (int m = 0; m < code.Length; m++) Blas1.Axpy(code[m], _modes[m], simulation);
        return simulation;
    }
}
