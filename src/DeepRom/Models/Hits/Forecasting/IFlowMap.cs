using static TorchSharp.torch;

namespace DeepRom.Models.Hits.Forecasting;

/// <summary>
/// A flow map of the hierarchy: states (N, d) in data units to the states <see cref="Steps"/> samples (Steps dt) later.
/// A learned level is one; so is an exact flow map, which lets the forecasting be checked against closed forms.
/// </summary>
public interface IFlowMap
{
    /// <summary>How many samples one application advances (2^k for level k).</summary>
    int Steps { get; }

    /// <summary>The states <see cref="Steps"/> samples after <paramref name="states"/> (N, d).</summary>
    Tensor Advance(Tensor states);
}
