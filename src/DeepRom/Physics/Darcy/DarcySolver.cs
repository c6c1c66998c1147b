using DeepRom.Numerics.LinearAlgebra;

namespace DeepRom.Physics.Darcy;

/// <summary>
/// Node-centred finite-volume solver of -div(K grad p) = f on the unit square with no-flux walls and zero mean
/// pressure, on an n x n grid (arrays row-major [row j = y, column i = x], node (j,i) at (i h, j h)).
/// </summary>
/// <remarks>
/// Node (j,i) owns the cell [x_i - h/2, x_i + h/2] x [y_j - h/2, y_j + h/2] clipped to the square (area h^2 inside,
/// h^2/2 on a wall, h^2/4 in a corner). The flux from a to a neighbour b is T_ab (p_a - p_b) with
/// T_ab = K_ab |face| / h, K_ab = 2 K_a K_b / (K_a + K_b) and |face| = h, or h/2 along a wall; the balance of cell a
/// is sum_b T_ab (p_a - p_b) = f_a area_a. The source is first made compatible by removing its area-weighted mean
/// (zero for a balanced source), then the singular system is made definite by pinning node 0, solved by a banded
/// Cholesky factorisation (half-bandwidth n), and shifted to sum_a area_a p_a = 0. One instance owns its work arrays:
/// use one per thread.
/// </remarks>
public sealed class DarcySolver
{
    private readonly int _n;
    private readonly double _h;
    private readonly BandedCholesky _cholesky;
    private readonly double[] _areas;
    private readonly double[] _rhs;

    public DarcySolver(int nodes)
    {
        if (nodes < 3) throw new ArgumentOutOfRangeException(nameof(nodes), nodes, "need at least 3 nodes per side");
        _n = nodes;
        _h = 1.0 / (nodes - 1);
        _cholesky = new BandedCholesky(nodes * nodes, nodes);
        _areas = CellAreas(nodes);
        _rhs = new double[nodes * nodes];
    }

    /// <summary>Nodes per side n.</summary>
    public int Nodes => _n;

    /// <summary>Cell area of every node: h^2 inside, h^2/2 on walls, h^2/4 in corners.</summary>
    public static double[] CellAreas(int nodes)
    {
        double h = 1.0 / (nodes - 1);
        var a = new double[nodes * nodes];
        for (int j = 0; j < nodes; j++)
            for (int i = 0; i < nodes; i++)
                a[j * nodes + i] = h * h * (i == 0 || i == nodes - 1 ? 0.5 : 1) * (j == 0 || j == nodes - 1 ? 0.5 : 1);
        return a;
    }

    /// <summary>Face transmissibility K_ab |face| / h between nodes a and b (the 1/h and h of a full face cancel).</summary>
    internal static double Transmissibility(double ka, double kb, bool halfFace) =>
        2 * ka * kb / (ka + kb) * (halfFace ? 0.5 : 1.0);

    /// <summary>Solves for nodal permeability K &gt; 0 and nodal source f (multiplied by cell areas here).</summary>
    public DarcySolution Solve(ReadOnlySpan<double> permeability, ReadOnlySpan<double> source)
    {
        int n = _n, size = n * n;
        if (permeability.Length != size) throw new ArgumentException($"expected {size} permeability values", nameof(permeability));
        if (source.Length != size) throw new ArgumentException($"expected {size} source values", nameof(source));
        foreach (double k in permeability)
            if (!(k > 0) || double.IsInfinity(k)) throw new ArgumentException("permeability must be positive and finite", nameof(permeability));

        Assemble(permeability);
        double total = 0, area = 0;
        for (int a = 0; a < size; a++)
        {
            total += source[a] * _areas[a];
            area += _areas[a];
        }
        double mean = total / area;
        for (int a = 0; a < size; a++) _rhs[a] = (source[a] - mean) * _areas[a];
        _rhs[0] = 0;
        _cholesky.Factorise();
        _cholesky.Solve(_rhs);

        var p = new double[size];
        double weighted = 0;
        for (int a = 0; a < size; a++) weighted += _areas[a] * _rhs[a];
        for (int a = 0; a < size; a++) p[a] = _rhs[a] - weighted / area;
        var (ux, uy) = Velocity(n, permeability, p);
        return new DarcySolution(p, ux, uy);
    }

    /// <summary>Fills the band with the pinned matrix: row and column of node 0 replaced by the identity.</summary>
    private void Assemble(ReadOnlySpan<double> k)
    {
        int n = _n;
        var band = _cholesky.Band;
        Array.Clear(band);
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                int a = j * n + i;
                if (i > 0)
                {
                    double t = Transmissibility(k[a], k[a - 1], j == 0 || j == n - 1);
                    band[_cholesky.Index(a, a)] += t;
                    band[_cholesky.Index(a - 1, a - 1)] += t;
                    band[_cholesky.Index(a, a - 1)] = a - 1 == 0 ? 0 : -t;
                }
                if (j > 0)
                {
                    double t = Transmissibility(k[a], k[a - n], i == 0 || i == n - 1);
                    band[_cholesky.Index(a, a)] += t;
                    band[_cholesky.Index(a - n, a - n)] += t;
                    band[_cholesky.Index(a, a - n)] = a - n == 0 ? 0 : -t;
                }
            }
        }
        band[_cholesky.Index(0, 0)] = 1;
    }

    /// <summary>
    /// u = -K grad p at nodes by central differences; on a wall the normal component is 0 and the tangential one
    /// central; both are 0 in the corners.
    /// </summary>
    public static (double[] X, double[] Y) Velocity(int n, ReadOnlySpan<double> permeability, ReadOnlySpan<double> pressure)
    {
        double h = 1.0 / (n - 1);
        var ux = new double[n * n];
        var uy = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                int a = j * n + i;
                if (i > 0 && i < n - 1) ux[a] = -permeability[a] * (pressure[a + 1] - pressure[a - 1]) / (2 * h);
                if (j > 0 && j < n - 1) uy[a] = -permeability[a] * (pressure[a + n] - pressure[a - n]) / (2 * h);
            }
        }
        return (ux, uy);
    }

    /// <summary>
    /// Per cell: the sum of face fluxes out of the cell minus f x area, i.e. the discrete conservation residual of a
    /// pressure field (zero to round-off for a solution of a balanced source).
    /// </summary>
    public static double[] FluxImbalance(int n, ReadOnlySpan<double> permeability, ReadOnlySpan<double> source, ReadOnlySpan<double> pressure)
    {
        var areas = CellAreas(n);
        var r = new double[n * n];
        for (int a = 0; a < r.Length; a++) r[a] = -source[a] * areas[a];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                int a = j * n + i;
                if (i > 0)
                {
                    double flux = Transmissibility(permeability[a], permeability[a - 1], j == 0 || j == n - 1) * (pressure[a] - pressure[a - 1]);
                    r[a] += flux;
                    r[a - 1] -= flux;
                }
                if (j > 0)
                {
                    double flux = Transmissibility(permeability[a], permeability[a - n], i == 0 || i == n - 1) * (pressure[a] - pressure[a - n]);
                    r[a] += flux;
                    r[a - n] -= flux;
                }
            }
        }
        return r;
    }
}
