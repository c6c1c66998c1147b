namespace DeepRom.Physics.Cylinder;

/// <summary>
/// How one population of a boundary node is pulled: WeightA src[A] + WeightB src[B] + Inlet s(t) + Spin Omega(t), with A and
/// B flat indices (q n + node) into the post-collision lattice. Plain streaming, bounce-back, velocity bounce-back at the
/// inlet, specular reflection, the zero-gradient outlet and Bouzidi's linear interpolation on the curved wall are all of
/// this form; the pressure outlet (<see cref="Outlet"/>) adds the anti-bounce-back term 2 w_q (1 + 4.5 (c_q.u)^2 - 1.5 u^2)
/// with the node's own velocity u, the one term that is not linear in the populations.
/// </summary>
internal readonly record struct PullRule(int A, double WeightA, int B, double WeightB, double Inlet, double Spin, bool CylinderLink, bool Outlet = false);

/// <summary>
/// The lattice's classification for the fused stream-collide step: solid nodes, runs of interior nodes whose nine
/// sources are all plain fluid (the fast path), and boundary nodes with one <see cref="PullRule"/> per direction.
/// Everything is precomputed once so that a step only reads tables.
/// </summary>
internal sealed class LatticeBoundary
{
    public int Nx { get; }
    public int Ny { get; }
    public bool[] Solid { get; }

    /// <summary>Interior runs [RunBegin, RunEnd) of flat node indices; row y owns runs RowRuns[y] .. RowRuns[y + 1] - 1.</summary>
    public int[] RowRuns { get; }
    public int[] RunBegin { get; }
    public int[] RunEnd { get; }

    /// <summary>Boundary nodes (flat indices); row y owns RowBoundary[y] .. RowBoundary[y + 1] - 1; rules are 9 per node.</summary>
    public int[] RowBoundary { get; }
    public int[] BoundaryNodes { get; }
    public PullRule[] Rules { get; }

    /// <summary>Number of wall links between fluid nodes and the cylinder.</summary>
    public int CylinderLinks { get; }

    /// <summary>Cylinder centre and radius in node coordinates (node (x, y) sits at (x + 1/2, y + 1/2) cells from the inlet and lower wall).</summary>
    public (double X, double Y, double R) Circle { get; }

    public LatticeBoundary(CylinderFlowConfig config)
    {
        int nx = Nx = config.Nx, ny = Ny = config.Ny, n = nx * ny, res = config.Resolution;
        Circle = (config.CylinderX * res - 0.5, config.CylinderY * res - 0.5, 0.5 * res);
        var solid = Solid = new bool[n];
        if (config.HasCylinder)
            for (int y = 0; y < ny; y++)
                for (int x = 0; x < nx; x++)
                    solid[y * nx + x] = Square(x - Circle.X) + Square(y - Circle.Y) <= Circle.R * Circle.R;

        var rowRuns = new List<int> { 0 };
        var runBegin = new List<int>();
        var runEnd = new List<int>();
        var rowBoundary = new List<int> { 0 };
        var nodes = new List<int>();
        var rules = new List<PullRule>();
        int links = 0;
        for (int y = 0; y < ny; y++)
        {
            int open = -1;
            for (int x = 0; x < nx; x++)
            {
                int i = y * nx + x;
                bool interior = !solid[i] && IsInterior(x, y);
                if (interior && open < 0) open = i;
                if (!interior && open >= 0)
                {
                    runBegin.Add(open);
                    runEnd.Add(i);
                    open = -1;
                }
                if (solid[i] || interior) continue;
                nodes.Add(i);
                for (int q = 0; q < D2Q9.Q; q++)
                {
                    var rule = RuleFor(config, x, y, q);
                    if (rule.CylinderLink) links++;
                    rules.Add(rule);
                }
            }
            if (open >= 0)
            {
                runBegin.Add(open);
                runEnd.Add(y * nx + nx);
            }
            rowRuns.Add(runBegin.Count);
            rowBoundary.Add(nodes.Count);
        }
        (RowRuns, RunBegin, RunEnd) = (rowRuns.ToArray(), runBegin.ToArray(), runEnd.ToArray());
        (RowBoundary, BoundaryNodes, Rules, CylinderLinks) = (rowBoundary.ToArray(), nodes.ToArray(), rules.ToArray(), links);
    }

    private bool IsInterior(int x, int y)
    {
        if (x == 0 || y == 0 || x == Nx - 1 || y == Ny - 1) return false;
        for (int q = 1; q < D2Q9.Q; q++)
            if (Solid[(y - D2Q9.Cy[q]) * Nx + x - D2Q9.Cx[q]]) return false;
        return true;
    }

    private PullRule RuleFor(CylinderFlowConfig config, int x, int y, int q)
    {
        int nx = Nx, n = Nx * Ny, i = y * nx + x, cx = D2Q9.Cx[q], cy = D2Q9.Cy[q], back = D2Q9.Opposite[q];
        int xs = x - cx, ys = y - cy;
        PullRule Plain(int dir, int node) => new(dir * n + node, 1, 0, 0, 0, 0, false);
        if (ys < 0 || ys >= Ny)
        {
            if (config.Walls == ChannelWalls.NoSlip) return Plain(back, i);
            // The reflected population travelled along the wall from x - cx; at an end column it stays in place.
            return Plain(D2Q9.MirrorY[q], y * nx + Math.Clamp(xs, 0, nx - 1));
        }
        if (xs < 0)
        {
            // Velocity bounce-back (Ladd): the inlet is a wall half a cell upstream moving at the inflow velocity.
            return new PullRule(back * n + i, 1, 0, 0, 6 * D2Q9.W[q] * cx * InflowVelocity(config, y - 0.5 * cy), 0, false);
        }
        if (xs >= nx)
            return config.Outflow switch
            {
                OutflowBoundary.Wall => Plain(back, i),
                OutflowBoundary.ZeroGradient => Plain(q, ys * nx + nx - 1),
                _ => new PullRule(back * n + i, -1, 0, 0, 0, 0, false, Outlet: true),
            };
        if (!Solid[ys * nx + xs]) return Plain(q, ys * nx + xs);
        return CurvedWall(x, y, q);
    }

    /// <summary>
    /// Bouzidi's linear interpolation for the link from fluid node (x, y) along c_k = -c_q into the cylinder, cut by the
    /// circle at fraction f of the link, plus the moving-wall term 6 w_q c_q . u_wall for the start-up spin (u_wall per
    /// unit angular velocity, divided by 2f in the second branch as Bouzidi et al. 2001 do).
    /// </summary>
    private PullRule CurvedWall(int x, int y, int q)
    {
        int nx = Nx, n = Nx * Ny, i = y * nx + x, k = D2Q9.Opposite[q];
        double dx = D2Q9.Cx[k], dy = D2Q9.Cy[k];
        double px = x - Circle.X, py = y - Circle.Y;
        double a = dx * dx + dy * dy, b = 2 * (dx * px + dy * py), c = px * px + py * py - Circle.R * Circle.R;
        double f = Math.Clamp((-b - Math.Sqrt(Math.Max(b * b - 4 * a * c, 0))) / (2 * a), 0, 1);
        double wx = px + f * dx, wy = py + f * dy;
        double spin = 6 * D2Q9.W[q] * (D2Q9.Cx[q] * -wy + D2Q9.Cy[q] * wx);
        if (f < 0.5)
        {
            int xb = x + D2Q9.Cx[q], yb = y + D2Q9.Cy[q];
            bool behindIsFluid = xb >= 0 && xb < nx && yb >= 0 && yb < Ny && !Solid[yb * nx + xb];
            if (!behindIsFluid) return new PullRule(k * n + i, 1, 0, 0, 0, spin, true);
            return new PullRule(k * n + i, 2 * f, k * n + yb * nx + xb, 1 - 2 * f, 0, spin, true);
        }
        return new PullRule(k * n + i, 1 / (2 * f), q * n + i, (2 * f - 1) / (2 * f), 0, spin / (2 * f), true);
    }

    /// <summary>The inflow's x velocity at height y in node coordinates (lattice units), at full strength.</summary>
    public static double InflowVelocity(CylinderFlowConfig config, double y)
    {
        if (config.Inflow == InflowProfile.None) return 0;
        if (config.Inflow == InflowProfile.Uniform) return config.LatticeVelocity;
        double s = (y + 0.5) / config.Ny;
        return 6 * config.LatticeVelocity * s * (1 - s);
    }

    private static double Square(double v) => v * v;
}
