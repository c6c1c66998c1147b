using DeepRom.Data;
using DeepRom.Numerics.Ode;

namespace DeepRom.Physics.Ode;

/// <summary>The three <c>trajectories/1</c> sets of one run and the integration work that made them.</summary>
public sealed record OdeDataSets(TrajectorySet Train, TrajectorySet Validation, TrajectorySet Test, StepCounts Work)
{
    public TrajectorySet this[DataSplit split] => split switch
    {
        DataSplit.Train => Train,
        DataSplit.Validation => Validation,
        _ => Test,
    };
}
