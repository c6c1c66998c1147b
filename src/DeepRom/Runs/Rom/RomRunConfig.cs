using DeepRom.Models.Rom;

namespace DeepRom.Runs.Rom;

/// <summary>The settings of <c>deeprom rom fit</c>, written as the model folder's <c>config.json</c>.</summary>
/// <param name="TrainData">The training simulations (snapshots/1 with params).</param>
/// <param name="Reduction">The reduction; only POD is built.</param>
/// <param name="Latent">The latent budget r.</param>
/// <param name="EnergyTarget">POD keeps fewer modes when they already capture this fraction of the energy.</param>
/// <param name="Seed">Recorded for the learned reductions to come; POD is deterministic and does not use it.</param>
public sealed record RomRunConfig(string TrainData, ReductionKind Reduction = ReductionKind.Pod, int Latent = 20, double EnergyTarget = 0.9999, int Seed = 0);

/// <summary>What a fitted model is and the shape of the simulations it predicts, written as <c>model.json</c>.</summary>
/// <param name="SampleShape">One simulation's shape: (T, C, *grid) for dynamic data, (C, *grid) for static.</param>
/// <param name="Time">The time axis of dynamic data, else null.</param>
/// <param name="Scaling">The per-channel scaling the reduction works in.</param>
/// <param name="LatentSize">The number of modes kept (at most the budget).</param>
public sealed record RomModelSpec(
    ReductionKind Reduction,
    int[] SampleShape,
    string[] Channels,
    string[] ParamNames,
    double[]? Time,
    ChannelScaling Scaling,
    int LatentSize,
    double EnergyTarget,
    string TrainGenerator);
