using static TorchSharp.torch;

namespace DeepRom.Training;

/// <summary>
/// A model the <see cref="Trainer"/> can fit: it owns its training data and returns the loss on a minibatch given
/// by sample indices. VAEs, reduced-order models and time-steppers all plug into the same loop this way.
/// </summary>
public interface ITrainable
{
    /// <summary>The module whose parameters are optimised and checkpointed.</summary>
    nn.Module Module { get; }

    /// <summary>Number of training samples (indices run over 0 .. SampleCount - 1).</summary>
    int SampleCount { get; }

    /// <summary>The loss on the samples <paramref name="indices"/> (int64, 1-D) in the given phase of training.</summary>
    StepLoss Loss(Tensor indices, TrainingPhase phase);
}

/// <summary>Where training stands when a minibatch loss is computed.</summary>
/// <param name="Epoch">Zero-based epoch.</param>
/// <param name="Beta">Weight of the regulariser (KL) term.</param>
/// <param name="Regularise">False during a reconstruction-only phase: the regulariser is left out entirely.</param>
public sealed record TrainingPhase(int Epoch, double Beta, bool Regularise);

/// <summary>A minibatch loss: the differentiable total, its named parts, and the signal an adaptive beta schedule reads.</summary>
public sealed record StepLoss(Tensor Total, IReadOnlyDictionary<string, double> Parts, double ScheduleSignal) : IDisposable
{
    public void Dispose() => Total.Dispose();
}
