namespace DeepRom.Physics.Darcy;

/// <summary>Seeded, sequential sampler of KLE coefficients theta from a <see cref="ThetaDistribution"/>.</summary>
/// <remarks>
/// Uniforms come from <see cref="System.Random"/> constructed with the seed (the seeded algorithm is fixed across .NET
/// versions and platforms); normals by the Box-Muller transform, both outputs used in turn. Gmm4 draws the sign
/// (uniform &lt; 1/2 gives -1) before the noise of each component. Samples are drawn in order, sample by sample and
/// component by component, on one thread, so they never depend on scheduling.
/// </remarks>
public sealed class ThetaSampler
{
    private readonly Random _random;
    private readonly ThetaDistribution _distribution;
    private double? _spare;

    public ThetaSampler(ThetaDistribution distribution, int seed)
    {
        if (!Enum.IsDefined(distribution)) throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "unknown distribution");
        _distribution = distribution;
        _random = new Random(seed);
    }

    /// <summary>Draws <paramref name="count"/> vectors of <paramref name="dimension"/> components, row-major (count, dimension).</summary>
    public double[] Sample(int count, int dimension)
    {
        var theta = new double[checked(count * dimension)];
        for (int q = 0; q < theta.Length; q++)
        {
            theta[q] = _distribution switch
            {
                ThetaDistribution.Normal => StandardNormal(),
                ThetaDistribution.Scaled => 1.0 + Math.Sqrt(0.5) * StandardNormal(),
                _ => (_random.NextDouble() < 0.5 ? -1.0 : 1.0) + 0.25 * StandardNormal(),
            };
        }
        return theta;
    }

    private double StandardNormal()
    {
        if (_spare is double z)
        {
            _spare = null;
            return z;
        }
        double u1 = 1.0 - _random.NextDouble(); // in (0, 1], so the logarithm is finite
        double u2 = _random.NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}
