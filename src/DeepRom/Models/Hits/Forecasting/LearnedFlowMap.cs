using static TorchSharp.torch;

namespace DeepRom.Models.Hits.Forecasting;

/// <summary>One level of a trained <see cref="StepperEnsemble"/> as a flow map in data units (float32, the networks' precision).</summary>
public sealed class LearnedFlowMap(StepperEnsemble ensemble, int level) : IFlowMap
{
    public int Level { get; } = level;

    public int Steps { get; } = LevelRange.StepOf(level);

    public Tensor Advance(Tensor states)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return ensemble.Unstandardise(ensemble.StepLevel(Level, ensemble.Standardise(states.to_type(float32)))).MoveToOuterDisposeScope();
    }

    /// <summary>The flow maps of levels <paramref name="levels"/>, finest first.</summary>
    public static IReadOnlyList<IFlowMap> Of(StepperEnsemble ensemble, LevelRange levels) =>
        levels.Levels.Select(k => (IFlowMap)new LearnedFlowMap(ensemble, k)).ToArray();
}
