using DeepRom.Numerics.Ode;
using DeepRom.Physics.Ode.Systems;

namespace DeepRom.Physics.Ode;

/// <summary>Settings of one <c>deeprom data ode</c> run: which system, how many trajectories of how many points, noise, seed, tolerance.</summary>
/// <param name="System">The benchmark system.</param>
/// <param name="Points">Samples per trajectory, t = 0, dt, ..., (Points - 1) dt (5121 in the reference).</param>
/// <param name="Train">Training trajectories; null for the reference's count.</param>
/// <param name="Validation">Validation trajectories; null for the reference's count.</param>
/// <param name="Test">Test trajectories; null for the reference's count.</param>
/// <param name="Noise">Measurement noise level as a fraction of each component's standard deviation (0.01 and 0.02 in the paper).</param>
/// <param name="Seed">Seed of every random stream (initial states, warm-up starts, noise).</param>
/// <param name="RelativeTolerance">rtol of the ground-truth integration.</param>
/// <param name="AbsoluteTolerance">atol of the ground-truth integration.</param>
public sealed record OdeDataConfig(
    OdeSystemKind System,
    int Points = OdeDataConfig.ReferencePoints,
    int? Train = null,
    int? Validation = null,
    int? Test = null,
    double Noise = 0,
    int Seed = 0,
    double RelativeTolerance = 1e-10,
    double AbsoluteTolerance = 1e-12)
{
    /// <summary>The reference's trajectory length: 1024 x 5 steps plus the start.</summary>
    public const int ReferencePoints = 5121;

    /// <summary>The loosest relative tolerance accepted as ground truth.</summary>
    public const double LoosestGroundTruth = 1e-10;

    /// <summary>The error tolerance of the integration.</summary>
    public ErrorTolerance Tolerance => new(RelativeTolerance, AbsoluteTolerance);

    /// <summary>Trajectories per split: the given counts, the system's reference counts where none is given.</summary>
    public SplitCounts CountsFor(DynamicalSystem system) =>
        new(Train ?? system.Counts.Train, Validation ?? system.Counts.Validation, Test ?? system.Counts.Test);

    /// <summary>Sample times k dt, k = 0..Points-1 (multiplied, so no round-off accumulates).</summary>
    public static double[] Times(double timeStep, int points) => Enumerable.Range(0, points).Select(k => k * timeStep).ToArray();

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting; <paramref name="source"/> names where it came from.</summary>
    public void Validate(string source = "ode config")
    {
        if (!Enum.IsDefined(System)) throw new InputException(source, nameof(System), $"unknown system {System}");
        if (Points < 2) throw new InputException(source, nameof(Points), $"must be at least 2, got {Points}");
        foreach (var (name, count) in new[] { (nameof(Train), Train), (nameof(Validation), Validation), (nameof(Test), Test) })
            if (count is < 1) throw new InputException(source, name, $"must be at least 1, got {count}");
        if (!(Noise >= 0) || double.IsInfinity(Noise)) throw new InputException(source, nameof(Noise), $"must be a non-negative finite fraction, got {Noise}");
        if (!(RelativeTolerance > 0) || RelativeTolerance > LoosestGroundTruth)
            throw new InputException(source, nameof(RelativeTolerance), $"must be in (0, {LoosestGroundTruth}] for ground truth, got {RelativeTolerance}");
        if (!(AbsoluteTolerance > 0) || double.IsInfinity(AbsoluteTolerance))
            throw new InputException(source, nameof(AbsoluteTolerance), $"must be positive and finite, got {AbsoluteTolerance}");
        var counts = CountsFor(DynamicalSystems.Create(System));
        int dimension = DynamicalSystems.Create(System).Dimension;
        foreach (DataSplit split in DataSplits.All)
            if ((long)counts[split] * Points * dimension > Array.MaxLength)
                throw new InputException(source, split.ToString(), $"{counts[split]} trajectories of {Points} points do not fit in one array");
    }
}
