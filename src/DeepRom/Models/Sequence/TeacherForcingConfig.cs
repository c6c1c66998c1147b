namespace DeepRom.Models.Sequence;

/// <summary>
/// How a recurrent baseline is trained on one long sequence: windows of <see cref="Window"/> steps, <see cref="BatchSize"/>
/// windows per Adam step at <see cref="LearningRate"/>, next-step MSE with teacher forcing.
/// </summary>
/// <remarks>
/// The reference unrolled the whole sequence for each of its 10,000 epochs (one optimiser step per epoch, on a GPU). On
/// one CPU core a 4001-step unroll of the 740-unit LSTM is seconds per step, so a budget of minutes would buy a few dozen
/// steps; windows batched together cost the same arithmetic per epoch but as matrix-matrix products, and give
/// several optimiser steps per pass over the sequence (truncated backpropagation through time).
/// </remarks>
public sealed record TeacherForcingConfig(int Window = 64, int BatchSize = 8, double LearningRate = 1e-3, double? GradientClipNorm = 1.0)
{
    public void Validate()
    {
        if (Window < 1) throw new ArgumentException($"the window must be at least 1 step, got {Window}");
        if (BatchSize < 1) throw new ArgumentException($"the batch must hold at least 1 window, got {BatchSize}");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"the learning rate must be positive, got {LearningRate}");
        if (GradientClipNorm is { } g && !(g > 0)) throw new ArgumentException($"the gradient clipping norm must be positive, got {g}");
    }
}
