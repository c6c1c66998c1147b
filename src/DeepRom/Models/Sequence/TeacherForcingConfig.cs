namespace DeepRom.Models.Sequence;

/// <summary>
/// How a recurrent baseline is trained on one long sequence: windows of <see cref="Window"/> steps, <see cref="BatchSize"/>
/// windows per Adam step at <see cref="LearningRate"/>, next-step MSE with teacher forcing.
/// </summary>
/// <remarks>
/// Unrolling the whole sequence for every optimiser step costs a pass over it per step: on one CPU core a pass of the 740-unit
/// LSTM over 3,200 KS samples took about 2 s (README), so 3 minutes would buy under a hundred steps. Windows batched
/// together cost the same arithmetic per pass, as matrix-matrix products, and give several optimiser steps per pass
/// (truncated backpropagation through time).
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
