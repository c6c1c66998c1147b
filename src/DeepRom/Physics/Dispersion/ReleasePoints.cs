namespace DeepRom.Physics.Dispersion;

/// <summary>Seeded draws of release points (x0, y0), each coordinate uniform on [ReleaseMin, ReleaseMax).</summary>
/// <remarks>
/// One <see cref="System.Random"/> constructed with the seed (its seeded algorithm is fixed across .NET versions and
/// platforms), drawn in order on one thread, x0 before y0 of each sample, so the points never depend on scheduling.
/// </remarks>
public static class ReleasePoints
{
    /// <summary>Draws <see cref="PuffConfig.Count"/> points, row-major (N, 2) as (x0, y0) in metres.</summary>
    public static double[] Draw(PuffConfig config)
    {
        var random = new Random(config.Seed);
        double span = config.ReleaseMax - config.ReleaseMin;
        var points = new double[checked(2 * config.Count)];
        for (int k = 0; k < points.Length; k++) points[k] = config.ReleaseMin + span * random.NextDouble();
        return points;
    }
}
