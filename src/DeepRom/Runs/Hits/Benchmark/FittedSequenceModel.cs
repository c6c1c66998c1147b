using static TorchSharp.torch;

namespace DeepRom.Runs.Hits.Benchmark;

/// <summary>
/// A benchmark model after training: how to generate from a context (K, d) of scaled features, and what training reached.
/// </summary>
/// <param name="Generate">Context (K, d) and a number of steps to the generated steps (steps, d), scaled features.</param>
/// <param name="Epochs">Passes of the training loop (HiTS: validation rounds; ESN: its one pass).</param>
/// <param name="OptimizerSteps">Gradient steps taken (0 for the closed-form ESN readout).</param>
/// <param name="FinalLoss">The last epoch's mean training loss (see the report for each model's units).</param>
/// <param name="Description">Size and training in a line, for the report.</param>
/// <param name="Owner">Disposes the model's tensors.</param>
public sealed record FittedSequenceModel(Func<Tensor, int, Tensor> Generate, int Epochs, long OptimizerSteps, double FinalLoss, string Description,
    IDisposable Owner, string? Levels = null) : IDisposable
{
    public void Dispose() => Owner.Dispose();
}
