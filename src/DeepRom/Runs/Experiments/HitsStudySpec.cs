namespace DeepRom.Runs.Experiments;

/// <summary>
/// A time-stepper study (<c>"kind": "hits"</c>): for every system, noise level and seed, the reference-sized data are
/// generated, a hierarchy of levels 0-10 trained and the test set forecast (every level, multiscale, and with the known
/// vector field the hybrid, RK4 and an adaptive pair).
/// </summary>
public sealed record HitsStudySpec
{
    /// <summary>Systems by their <c>deeprom data ode --system</c> names.</summary>
    public List<string> Systems { get; init; } = ["hyperbolic", "cubic", "vdp", "hopf", "lorenz"];

    /// <summary>Measurement noise levels, fractions of each component's standard deviation (the paper's 0, 0.01, 0.02).</summary>
    public List<double> Noise { get; init; } = [0];

    /// <summary>Training seeds per system and noise level; the data are the same for every training seed.</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>Seed of the generated data (initial states and noise).</summary>
    public int DataSeed { get; init; }

    /// <summary>Minibatches per hierarchy; null keeps <c>hits train</c>'s default. Raising it later extends finished trials.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>Training windows (<c>first</c>, <c>all</c>, <c>mixed</c>); null keeps <c>hits train</c>'s default.</summary>
    public string? Windows { get; init; }

    /// <summary>Levels to train, "A-B"; null keeps <c>hits train</c>'s 0-10.</summary>
    public string? Levels { get; init; }

    /// <summary>Samples per trajectory; null for the reference's 5121.</summary>
    public int? Points { get; init; }

    /// <summary>Trajectories per split; null for each system's reference counts.</summary>
    public int? Train { get; init; }
    public int? Validation { get; init; }
    public int? Test { get; init; }

    /// <summary>Whether to compare with the known vector field: the hybrid, RK4 and the adaptive pair.</summary>
    public bool Classical { get; init; } = true;
}
