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

    public double[][] Fit(IReadOnlyList<double[]> simulations)
    {
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

        var gram = Matrix<double>.Build.Dense(p, p);
        Parallel.For(0, p, i =>
        {
            for (int j = 0; j <= i; j++)
            {
                double g = Blas1.Dot(centred[i], centred[j]);
                gram[i, j] = g;
                gram[j, i] = g;
            }
        });
        var eigen = gram.Evd(Symmetricity.Symmetric);
        // MathNet orders symmetric eigenvalues ascending.
        int[] order = Enumerable.Range(0, p).OrderByDescending(k => eigen.EigenValues[k].Real).ToArray();
        SingularValues = order.Select(k => Math.Sqrt(Math.Max(0, eigen.EigenValues[k].Real))).ToArray();

        int rank = ChooseRank(SingularValues);
        _modes = new double[rank][];
        for (int m = 0; m < rank; m++)
        {
            var v = eigen.EigenVectors.Column(order[m]);
            var mode = new double[n];
            for (int j = 0; j < p; j++) Blas1.Axpy(v[j] / SingularValues[m], centred[j], mode);
            _modes[m] = mode;
        }
        Orthonormalise(_modes);
        return simulations.Select(s => Encode(s)).ToArray();
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
