using DeepRom.Training;

namespace DeepRom.Models.Rom;

/// <summary>
/// How a reduction's fit is run: where to report progress, when to stop, and the checkpoint a trained reduction writes
/// and can resume from. A reduction fitted in one step (POD) uses only the cancellation.
/// </summary>
/// <param name="Progress">Receives one report per training epoch.</param>
/// <param name="Log">Receives notes (a resumed fit, a rolled-back epoch).</param>
/// <param name="Checkpoint">Where training state is saved periodically, at the end and on cancellation; null = none.</param>
/// <param name="Resume">Continue from <paramref name="Checkpoint"/> instead of starting afresh.</param>
/// <param name="Cancellation">Stops training after the current epoch (its checkpoint written first).</param>
public sealed record FitControl(
    IProgress<TrainingProgress>? Progress = null,
    Action<string>? Log = null,
    Checkpoint? Checkpoint = null,
    bool Resume = false,
    CancellationToken Cancellation = default)
{
    /// <summary>No progress, no checkpoint, no cancellation.</summary>
    public static FitControl None { get; } = new();
}
