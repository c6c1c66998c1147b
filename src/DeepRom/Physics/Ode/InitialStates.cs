namespace DeepRom.Physics.Ode;

/// <summary>How a system's trajectories get their initial states.</summary>
public abstract record InitialStates
{
    /// <summary>The rule as text for the file's settings, with the state components named.</summary>
    public abstract string Describe(IReadOnlyList<string> stateNames);
}

/// <summary>Every trajectory starts at its own independent draw from a box (which may differ between splits).</summary>
public sealed record IndependentStarts(UniformBox Train, UniformBox Validation, UniformBox Test) : InitialStates
{
    /// <summary>The same box for all three splits.</summary>
    public IndependentStarts(UniformBox all) : this(all, all, all) { }

    public UniformBox For(DataSplit split) => split switch
    {
        DataSplit.Train => Train,
        DataSplit.Validation => Validation,
        _ => Test,
    };

    public override string Describe(IReadOnlyList<string> stateNames) =>
        Same(Train, Validation) && Same(Validation, Test)
            ? $"independent draws per trajectory: {Train.Describe(stateNames)}"
            : $"independent draws per trajectory: train {Train.Describe(stateNames)}; validation {Validation.Describe(stateNames)}; " +
              $"test {Test.Describe(stateNames)}";

    private static bool Same(UniformBox a, UniformBox b) => a.Lower.SequenceEqual(b.Lower) && a.Upper.SequenceEqual(b.Upper);
}

/// <summary>
/// Trajectories sampled along one orbit on an attractor: a warm-up of <paramref name="WarmUpSteps"/> sample steps from a draw in
/// <paramref name="WarmUpStart"/>, then each trajectory of a split starts where the previous one ended (HiTS's Lorenz data).
/// </summary>
public sealed record AttractorChain(int WarmUpSteps, UniformBox WarmUpStart) : InitialStates
{
    public override string Describe(IReadOnlyList<string> stateNames) =>
        $"one chain per split: a {WarmUpSteps}-step warm-up from {WarmUpStart.Describe(stateNames)}, then each trajectory starts " +
        "where the previous one ended";
}
