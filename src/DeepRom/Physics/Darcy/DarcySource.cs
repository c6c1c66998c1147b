namespace DeepRom.Physics.Darcy;

/// <summary>The injection/production source of the Darcy problem: +s near the corner (0,0), -s near (1,1).</summary>
public static class DarcySource
{
    /// <summary>
    /// Nodal f = +strength where x &lt;= e and y &lt;= e, -strength where x &gt;= 1 - e and y &gt;= 1 - e, 0 elsewhere
    /// (e = <paramref name="extent"/>). Comparisons allow 1e-9 h so that a node exactly on x = e counts
    /// (node 8 of 65 for e = 1/8); node coordinates are taken as index fractions so both corners match exactly.
    /// </summary>
    public static double[] Corners(int nodes, double strength, double extent)
    {
        var f = new double[nodes * nodes];
        double slack = 1e-9;
        for (int j = 0; j < nodes; j++)
        {
            for (int i = 0; i < nodes; i++)
            {
                // Coordinates in units of h: x/h = i; the mirrored test uses n-1-i so both squares get the same count.
                double e = extent * (nodes - 1);
                bool low = i <= e + slack && j <= e + slack;
                bool high = nodes - 1 - i <= e + slack && nodes - 1 - j <= e + slack;
                if (low) f[j * nodes + i] += strength;
                if (high) f[j * nodes + i] -= strength;
            }
        }
        return f;
    }
}
