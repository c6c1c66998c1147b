using DeepRom.Numerics.LinearAlgebra;

namespace DeepRom.Physics.Darcy;

/// <summary>
/// Truncated Karhunen-Loeve expansion of a log-permeability field on an n x n grid of the unit square:
/// log K = sum_k sqrt(lambda_k) theta_k phi_k, with (lambda_k, phi_k) the top eigenpairs of the nodal covariance
/// matrix C[a,b] = exp(-|x_a - x_b|_2 / l) (no quadrature weights, unit l2-norm modes, decreasing eigenvalue).
/// </summary>
/// <remarks>
/// Modes are row-major [row j = y index, column i = x index]. Degenerate eigenspaces and signs follow the deterministic
/// convention of <see cref="ModeConvention"/>: inside a cluster of equal eigenvalues (relative gap below 1e-8) the
/// basis diagonalises the reflections x -> 1 - x, then y -> 1 - y, then the transposition x &lt;-&gt; y, odd before
/// even (so mode 3 is the transpose of mode 2 on the square); each mode's sign makes sum phi * (1 + x + 2y) positive
/// (exp(x + 2y) when that sum is zero by symmetry).
/// </remarks>
public sealed class KleExpansion
{
    private const int BlockSize = 4;
    private const double ResidualTolerance = 1e-10;

    /// <summary>Wraps given eigenpairs (already in the convention); <paramref name="modes"/> are n*n long each.</summary>
    public KleExpansion(int nodes, double correlationLength, double[] eigenvalues, double[][] modes)
    {
        if (nodes < 2) throw new ArgumentOutOfRangeException(nameof(nodes), nodes, "need at least 2 nodes per side");
        if (eigenvalues.Length != modes.Length) throw new ArgumentException("one eigenvalue per mode is required", nameof(modes));
        if (modes.Any(m => m.Length != nodes * nodes)) throw new ArgumentException("every mode must have n*n values", nameof(modes));
        Nodes = nodes;
        CorrelationLength = correlationLength;
        Eigenvalues = eigenvalues;
        Modes = modes;
    }

    /// <summary>Nodes per side n.</summary>
    public int Nodes { get; }

    /// <summary>Correlation length l of the exponential kernel.</summary>
    public double CorrelationLength { get; }

    /// <summary>Eigenvalues lambda_1 &gt;= lambda_2 &gt;= ... of the nodal covariance matrix.</summary>
    public double[] Eigenvalues { get; }

    /// <summary>Unit-norm eigenvectors phi_k, each n*n values row-major.</summary>
    public double[][] Modes { get; }

    /// <summary>Number of modes S.</summary>
    public int ModeCount => Modes.Length;

    /// <summary>log K = sum_k sqrt(lambda_k) theta_k phi_k for theta of length at most S (missing terms are zero).</summary>
    public double[] LogPermeability(ReadOnlySpan<double> theta)
    {
        if (theta.Length > ModeCount)
            throw new ArgumentException($"theta has {theta.Length} entries but the expansion has {ModeCount} modes", nameof(theta));
        var g = new double[Nodes * Nodes];
        for (int k = 0; k < theta.Length; k++)
            Blas1.Axpy(Math.Sqrt(Eigenvalues[k]) * theta[k], Modes[k], g);
        return g;
    }

    /// <summary>The first <paramref name="modes"/> pairs of this expansion.</summary>
    public KleExpansion Truncate(int modes)
    {
        if (modes < 1 || modes > ModeCount) throw new ArgumentOutOfRangeException(nameof(modes), modes, $"must be in 1..{ModeCount}");
        return modes == ModeCount ? this : new KleExpansion(Nodes, CorrelationLength, Eigenvalues[..modes], Modes[..modes]);
    }

    /// <summary>
    /// Computes the top <paramref name="modes"/> eigenpairs by block Lanczos on the matrix-free (FFT) covariance
    /// product; no dense eigensolver. A few extra pairs are converged so that a degenerate cluster cut by the
    /// truncation is still rotated by the convention as a whole.
    /// </summary>
    public static KleExpansion Compute(int nodes, double correlationLength, int modes, CancellationToken ct = default)
    {
        if (nodes < 2) throw new ArgumentOutOfRangeException(nameof(nodes), nodes, "need at least 2 nodes per side");
        if (!(correlationLength > 0) || double.IsInfinity(correlationLength))
            throw new ArgumentOutOfRangeException(nameof(correlationLength), correlationLength, "must be positive and finite");
        int dimension = nodes * nodes;
        if (modes < 1 || modes > dimension)
            throw new ArgumentOutOfRangeException(nameof(modes), modes, $"must be in 1..{dimension}");
        var covariance = new GridCovariance(nodes, correlationLength);
        int wanted = Math.Min(dimension, modes + 3);
        var (values, vectors) = BlockKrylovEigensolver.Largest(
            dimension, wanted, Math.Min(BlockSize, dimension), covariance.Apply, ResidualTolerance, ct);
        ModeConvention.Apply(nodes, values, vectors);
        return new KleExpansion(nodes, correlationLength, values[..modes], vectors[..modes]);
    }
}
