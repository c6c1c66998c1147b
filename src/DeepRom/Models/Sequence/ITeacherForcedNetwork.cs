using static TorchSharp.torch;

namespace DeepRom.Models.Sequence;

/// <summary>A recurrent network trained by teacher forcing: given true inputs, it predicts each next sample.</summary>
public interface ITeacherForcedNetwork : ISequenceGenerator
{
    /// <summary>The module whose parameters are trained.</summary>
    nn.Module Module { get; }

    /// <summary>
    /// Predictions (B, W, d) of samples 1..W of each window from its true samples 0..W-1 (<paramref name="inputs"/>, (B, W, d)),
    /// starting from a zero hidden state; <paramref name="first"/> (B,) int64 is each window's first sample index on the
    /// model's clock (a clockwork network updates its modules by it).
    /// </summary>
    Tensor PredictNext(Tensor inputs, Tensor first);
}
