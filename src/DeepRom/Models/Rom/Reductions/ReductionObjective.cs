using DeepRom.Training;
using static TorchSharp.torch;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// What the <see cref="Trainer"/> fits for a <see cref="NeuralReduction"/>: minibatches of the scaled training
/// simulations (B, T, N) fed to the network's own loss; epochs and schedules are passed through to the network.
/// </summary>
internal sealed class ReductionObjective(ISimulationNetwork network, Tensor simulations, int epochs) : ITrainable
{
    public nn.Module Module => network.Module;

    public int SampleCount => (int)simulations.shape[0];

    public void BeginEpoch(int epoch) => network.BeginEpoch(epoch, epochs);

    public StepLoss Loss(Tensor indices)
    {
        using var batch = simulations.index_select(0, indices);
        return network.Loss(batch);
    }

    public IReadOnlyDictionary<string, double> Schedule => network.Schedule;

    public void RestoreSchedule(IReadOnlyDictionary<string, double> values) => network.RestoreSchedule(values);
}
