namespace DeepRom.Physics.Cylinder;

/// <summary>
/// Samples vorticity, u and v (in units of U / D and U) on a regular Rows x Columns grid of cell centres covering
/// [X0, X0 + Columns h] x [0, Rows h] (diameters, h = Height / Rows), row 0 at the lower wall, by bilinear
/// interpolation between lattice nodes. Vorticity at nodes is the central difference of the velocity.
/// </summary>
public sealed class WakeSampler
{
    private readonly int rows, columns;
    private readonly double x0, spacing;
    private readonly double[] u, v;

    public WakeSampler(CylinderFlow flow, int rows, int columns, double x0)
    {
        (this.rows, this.columns, this.x0) = (rows, columns, x0);
        spacing = flow.Config.Height / rows;
        if (x0 < 0 || x0 + columns * spacing > flow.Config.Length + 1e-9)
            throw new ArgumentException($"the sampled window [{x0}, {x0 + columns * spacing}] leaves the channel [0, {flow.Config.Length}]");
        u = new double[flow.Nx * flow.Ny];
        v = new double[flow.Nx * flow.Ny];
    }

    /// <summary>Channels written per sample, in order.</summary>
    public static readonly string[] Channels = ["vorticity", "u", "v"];

    /// <summary>Writes (3, Rows, Columns) float32 into <paramref name="target"/>.</summary>
    public void Sample(CylinderFlow flow, Span<float> target)
    {
        int nx = flow.Nx, ny = flow.Ny, res = flow.Config.Resolution;
        double scale = 1 / flow.Config.LatticeVelocity;
        for (int y = 0; y < ny; y++)
            for (int x = 0; x < nx; x++)
            {
                var (_, ux, uy) = flow.Macroscopic(x, y);
                u[y * nx + x] = ux * scale;
                v[y * nx + x] = uy * scale;
            }
        int plane = rows * columns;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                double gx = (x0 + (c + 0.5) * spacing) * res - 0.5, gy = (r + 0.5) * spacing * res - 0.5;
                int ix = Math.Clamp((int)Math.Floor(gx), 1, nx - 3), iy = Math.Clamp((int)Math.Floor(gy), 1, ny - 3);
                double ax = Math.Clamp(gx - ix, 0, 1), ay = Math.Clamp(gy - iy, 0, 1);
                double Blend(Func<int, int, double> at) =>
                    (1 - ay) * ((1 - ax) * at(ix, iy) + ax * at(ix + 1, iy)) + ay * ((1 - ax) * at(ix, iy + 1) + ax * at(ix + 1, iy + 1));
                int k = r * columns + c;
                target[k] = (float)Blend((x, y) => Vorticity(x, y, nx, res));
                target[plane + k] = (float)Blend((x, y) => u[y * nx + x]);
                target[2 * plane + k] = (float)Blend((x, y) => v[y * nx + x]);
            }
    }

    // In units of U / D: the lattice derivative per cell times the cells per diameter.
    private double Vorticity(int x, int y, int nx, int res) =>
        0.5 * res * (v[y * nx + x + 1] - v[y * nx + x - 1] - u[(y + 1) * nx + x] + u[(y - 1) * nx + x]);
}
