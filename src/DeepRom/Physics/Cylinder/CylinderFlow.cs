using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DeepRom.Physics.Cylinder;

/// <summary>
/// D2Q9 two-relaxation-time lattice-Boltzmann solver for the flow past a cylinder in a channel. Populations are stored
/// as nine planes of float64 (structure of arrays, plane q holds direction q for every node, row-major), in two
/// lattices: each step pulls the post-collision populations of the neighbours from one lattice, relaxes them and writes
/// the node's new post-collision populations into the other (fused stream-collide, pull scheme). Row blocks are
/// stepped in parallel; a step allocates nothing of its own.
/// </summary>
public sealed class CylinderFlow
{
    private readonly LatticeBoundary lattice;
    private readonly TrtCollision collision;
    private readonly int nx, ny, n, blocks, rowsPerBlock;
    private readonly double[] blockFx, blockFy;
    private readonly Action<int> stepBlock;
    private readonly ParallelOptions parallel;
    private double[] src, dst;
    private double inletScale, spinRate;

    /// <summary>Builds the lattice at rest (density 1) for <paramref name="config"/>; <paramref name="threads"/> caps the cores used (0 = all).</summary>
    public CylinderFlow(CylinderFlowConfig config, int threads = 0)
    {
        config.Validate();
        Config = config;
        lattice = new LatticeBoundary(config);
        collision = TrtCollision.ForViscosity(config.Viscosity);
        (nx, ny) = (lattice.Nx, lattice.Ny);
        n = nx * ny;
        FluidNodes = n - lattice.Solid.Count(s => s);
        src = new double[D2Q9.Q * n];
        dst = new double[D2Q9.Q * n];
        // Without a ramp the flow starts impulsively: the inflow profile everywhere outside the cylinder.
        SetEquilibrium((x, y) => config.RampTime > 0 || lattice.Solid[y * nx + x] ? (1, 0, 0) : (1, LatticeBoundary.InflowVelocity(config, y), 0));
        int cores = threads > 0 ? threads : Environment.ProcessorCount;
        // A few blocks per core even out the cost of rows that cross the cylinder (more boundary nodes).
        rowsPerBlock = Math.Max(1, (ny + 4 * cores - 1) / (4 * cores));
        blocks = (ny + rowsPerBlock - 1) / rowsPerBlock;
        blockFx = new double[blocks];
        blockFy = new double[blocks];
        stepBlock = StepBlock;
        parallel = new ParallelOptions { MaxDegreeOfParallelism = cores };
    }

    /// <summary>The settings the lattice was built from.</summary>
    public CylinderFlowConfig Config { get; }

    /// <summary>Lattice nodes along and across the channel.</summary>
    public int Nx => nx;
    public int Ny => ny;

    /// <summary>Nodes that are not inside the cylinder (each costs one lattice update per step).</summary>
    public int FluidNodes { get; }

    /// <summary>Links between fluid nodes and the cylinder's wall.</summary>
    public int CylinderLinks => lattice.CylinderLinks;

    /// <summary>The relaxation rates in use.</summary>
    public TrtCollision Collision => collision;

    /// <summary>Time steps taken.</summary>
    public long Steps { get; private set; }

    /// <summary>Time in convective units t U / D.</summary>
    public double Time => Steps / Config.StepsPerConvectiveUnit;

    /// <summary>Force on the cylinder during the last step (lattice units, per unit depth), by momentum exchange on the wall links.</summary>
    public double ForceX { get; private set; }
    public double ForceY { get; private set; }

    /// <summary>c_D = 2 F_x / (rho U^2 D) and c_L = 2 F_y / (rho U^2 D), rho = 1, U the mean inflow speed.</summary>
    public double DragCoefficient => 2 * ForceX / (Config.LatticeVelocity * Config.LatticeVelocity * Config.Resolution);
    public double LiftCoefficient => 2 * ForceY / (Config.LatticeVelocity * Config.LatticeVelocity * Config.Resolution);

    /// <summary>True when node (x, y) lies inside the cylinder.</summary>
    public bool IsSolid(int x, int y) => lattice.Solid[y * nx + x];

    /// <summary>Cylinder centre and radius in node coordinates (node (x, y) is at (x + 1/2, y + 1/2) cells from the inlet and lower wall).</summary>
    public (double X, double Y, double R) Circle => lattice.Circle;

    /// <summary>Sets every node to the equilibrium of the density and velocity <paramref name="state"/> gives for node (x, y).</summary>
    public void SetEquilibrium(Func<int, int, (double Rho, double Ux, double Uy)> state)
    {
        Span<double> feq = stackalloc double[D2Q9.Q];
        for (int y = 0; y < ny; y++)
            for (int x = 0; x < nx; x++)
            {
                var (rho, ux, uy) = state(x, y);
                D2Q9.EquilibriumForVelocity(rho, ux, uy, feq);
                for (int q = 0; q < D2Q9.Q; q++) src[q * n + y * nx + x] = dst[q * n + y * nx + x] = feq[q];
            }
    }

    /// <summary>Density and velocity at node (x, y); zero velocity inside the cylinder.</summary>
    public (double Rho, double Ux, double Uy) Macroscopic(int x, int y)
    {
        int i = y * nx + x;
        if (lattice.Solid[i]) return (1, 0, 0);
        double rho = 0, jx = 0, jy = 0;
        for (int q = 0; q < D2Q9.Q; q++)
        {
            double f = src[q * n + i];
            rho += f;
            jx += D2Q9.Cx[q] * f;
            jy += D2Q9.Cy[q] * f;
        }
        return (rho, jx / rho, jy / rho);
    }

    /// <summary>The sum of all populations on fluid nodes (the mass).</summary>
    public double TotalMass()
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            if (!lattice.Solid[i])
                for (int q = 0; q < D2Q9.Q; q++) sum += src[q * n + i];
        return sum;
    }

    /// <summary>Takes <paramref name="steps"/> time steps.</summary>
    public void Advance(long steps)
    {
        for (long s = 0; s < steps; s++) Step();
    }

    /// <summary>One fused stream-collide step of the whole lattice.</summary>
    public void Step()
    {
        double t = Time;
        inletScale = Config.RampTime > 0 && t < Config.RampTime ? Square(Math.Sin(0.5 * Math.PI * t / Config.RampTime)) : 1;
        spinRate = Config.SpinTime > 0 && t < Config.SpinTime
            ? Config.SpinSpeed * Config.LatticeVelocity / lattice.Circle.R * Square(Math.Sin(Math.PI * t / Config.SpinTime))
            : 0;
        if (blocks == 1 || parallel.MaxDegreeOfParallelism == 1)
            for (int b = 0; b < blocks; b++) StepBlock(b);
        else
            Parallel.For(0, blocks, parallel, stepBlock);
        (src, dst) = (dst, src);
        Steps++;
        double fx = 0, fy = 0;
        for (int b = 0; b < blocks; b++)
        {
            fx += blockFx[b];
            fy += blockFy[b];
        }
        (ForceX, ForceY) = (fx, fy);
    }

    private void StepBlock(int block)
    {
        ref double s = ref MemoryMarshal.GetArrayDataReference(src);
        ref double d = ref MemoryMarshal.GetArrayDataReference(dst);
        Span<double> f = stackalloc double[D2Q9.Q];
        double fx = 0, fy = 0;
        int end = Math.Min(ny, (block + 1) * rowsPerBlock);
        for (int y = block * rowsPerBlock; y < end; y++)
        {
            for (int r = lattice.RowRuns[y]; r < lattice.RowRuns[y + 1]; r++) Interior(ref s, ref d, lattice.RunBegin[r], lattice.RunEnd[r], f);
            for (int j = lattice.RowBoundary[y]; j < lattice.RowBoundary[y + 1]; j++) Boundary(ref s, ref d, j, f, ref fx, ref fy);
        }
        blockFx[block] = fx;
        blockFy[block] = fy;
    }

    // Nodes whose nine sources are plain fluid: four at a time in vector lanes (unaligned loads at the nine pull offsets).
    private void Interior(ref double s, ref double d, int begin, int end, Span<double> f)
    {
        int i = begin;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= end; i += 4)
            {
                var f0 = Vector256.LoadUnsafe(ref s, (nuint)i);
                var f1 = Vector256.LoadUnsafe(ref s, (nuint)(n + i - 1));
                var f2 = Vector256.LoadUnsafe(ref s, (nuint)(2 * n + i - nx));
                var f3 = Vector256.LoadUnsafe(ref s, (nuint)(3 * n + i + 1));
                var f4 = Vector256.LoadUnsafe(ref s, (nuint)(4 * n + i + nx));
                var f5 = Vector256.LoadUnsafe(ref s, (nuint)(5 * n + i - 1 - nx));
                var f6 = Vector256.LoadUnsafe(ref s, (nuint)(6 * n + i + 1 - nx));
                var f7 = Vector256.LoadUnsafe(ref s, (nuint)(7 * n + i + 1 + nx));
                var f8 = Vector256.LoadUnsafe(ref s, (nuint)(8 * n + i - 1 + nx));
                collision.Collide(ref f0, ref f1, ref f2, ref f3, ref f4, ref f5, ref f6, ref f7, ref f8);
                f0.StoreUnsafe(ref d, (nuint)i);
                f1.StoreUnsafe(ref d, (nuint)(n + i));
                f2.StoreUnsafe(ref d, (nuint)(2 * n + i));
                f3.StoreUnsafe(ref d, (nuint)(3 * n + i));
                f4.StoreUnsafe(ref d, (nuint)(4 * n + i));
                f5.StoreUnsafe(ref d, (nuint)(5 * n + i));
                f6.StoreUnsafe(ref d, (nuint)(6 * n + i));
                f7.StoreUnsafe(ref d, (nuint)(7 * n + i));
                f8.StoreUnsafe(ref d, (nuint)(8 * n + i));
            }
        }
        for (; i < end; i++)
        {
            for (int q = 0; q < D2Q9.Q; q++) f[q] = Unsafe.Add(ref s, q * n + i - D2Q9.Cx[q] - D2Q9.Cy[q] * nx);
            collision.Collide(f);
            for (int q = 0; q < D2Q9.Q; q++) Unsafe.Add(ref d, q * n + i) = f[q];
        }
    }

    private void Boundary(ref double s, ref double d, int j, Span<double> f, ref double fx, ref double fy)
    {
        int i = lattice.BoundaryNodes[j];
        var rules = lattice.Rules.AsSpan(D2Q9.Q * j, D2Q9.Q);
        double ux = double.NaN, uy = 0;
        for (int q = 0; q < D2Q9.Q; q++)
        {
            ref readonly PullRule r = ref rules[q];
            double v = r.WeightA * Unsafe.Add(ref s, r.A) + r.WeightB * Unsafe.Add(ref s, r.B) + r.Inlet * inletScale + r.Spin * spinRate;
            if (r.Outlet)
            {
                if (double.IsNaN(ux)) (ux, uy) = Velocity(ref s, i);
                double cu = D2Q9.Cx[q] * ux + D2Q9.Cy[q] * uy;
                v += 2 * D2Q9.W[q] * (1 + 4.5 * cu * cu - 1.5 * (ux * ux + uy * uy));
            }
            f[q] = v;
            if (r.CylinderLink)
            {
                // Momentum exchange: the population that left towards the wall along -c_q and the one that came back along c_q.
                double exchanged = Unsafe.Add(ref s, D2Q9.Opposite[q] * n + i) + v;
                fx -= D2Q9.Cx[q] * exchanged;
                fy -= D2Q9.Cy[q] * exchanged;
            }
        }
        collision.Collide(f);
        for (int q = 0; q < D2Q9.Q; q++) Unsafe.Add(ref d, q * n + i) = f[q];
    }

    private (double Ux, double Uy) Velocity(ref double s, int i)
    {
        double rho = 0, jx = 0, jy = 0;
        for (int q = 0; q < D2Q9.Q; q++)
        {
            double f = Unsafe.Add(ref s, q * n + i);
            rho += f;
            jx += D2Q9.Cx[q] * f;
            jy += D2Q9.Cy[q] * f;
        }
        return (jx / rho, jy / rho);
    }

    private static double Square(double v) => v * v;
}
