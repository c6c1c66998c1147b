using DeepRom.Models.Rom;

namespace DeepRom.Runs.Rom;

/// <summary>What a fitted model is and the shape of the simulations it predicts, written as <c>model.json</c>.</summary>
/// <param name="SampleShape">One simulation's shape: (T, C, *grid) for dynamic data, (C, *grid) for static.</param>
/// <param name="Time">The time axis of dynamic data, else null.</param>
/// <param name="Scaling">The per-channel scaling the reduction works in.</param>
/// <param name="LatentSize">The code size: POD's modes kept (at most the budget), a network's budget.</param>
public sealed record RomModelSpec(
    ReductionKind Reduction,
    int[] SampleShape,
    string[] Channels,
    string[] ParamNames,
    double[]? Time,
    ChannelScaling Scaling,
    int LatentSize,
    double EnergyTarget,
    string TrainGenerator)
{
    /// <summary>Time steps T of one simulation (1 for static data).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Steps => Time is null ? 1 : SampleShape[0];

    /// <summary>Values per time step: channels x grid.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Nodes => SampleShape.Aggregate(1, (a, b) => a * b) / Steps;
}
