using static TorchSharp.torch;

namespace DeepRom.Training;

/// <summary>
/// A model the <see cref="Trainer"/> can fit: it owns its training data, its objective and that objective's schedules,
/// and returns the loss on a minibatch given by sample indices. VAEs, reduced-order models and time-steppers all plug
/// into the same loop this way.
/// </summary>
/// <remarks>
/// The trainer knows nothing of what a schedule weighs (a KL term, a teacher-forcing ratio): it only announces epochs
/// and steps, and keeps the schedule's numbers in the history and the checkpoint so that a resumed run continues exactly.
/// </remarks>
public interface ITrainable
{
    private static readonly IReadOnlyDictionary<string, double> NoSchedule = new Dictionary<string, double>();

    /// <summary>The module whose parameters are optimised and checkpointed.</summary>
    nn.Module Module { get; }

    /// <summary>Number of training samples (indices run over 0 .. SampleCount - 1).</summary>
    int SampleCount { get; }

    /// <summary>Called before the first minibatch of every epoch (zero-based), again when a rolled-back epoch is repeated.</summary>
    void BeginEpoch(int epoch) { }

    /// <summary>The loss on the samples <paramref name="indices"/> (int64, 1-D) in the current epoch.</summary>
    StepLoss Loss(Tensor indices);

    /// <summary>Called after every optimiser step with the loss of that minibatch.</summary>
    void AfterStep(StepLoss loss) { }

    /// <summary>The objective's schedule state as named numbers (e.g. "beta"): recorded per epoch, shown in progress, checkpointed.</summary>
    IReadOnlyDictionary<string, double> Schedule => NoSchedule;

    /// <summary>Sets the schedule state back to numbers <see cref="Schedule"/> returned (on resume and on a rollback).</summary>
    void RestoreSchedule(IReadOnlyDictionary<string, double> values) { }
}

/// <summary>A minibatch loss: the differentiable total and its named parts.</summary>
public sealed record StepLoss(Tensor Total, IReadOnlyDictionary<string, double> Parts) : IDisposable
{
    public void Dispose() => Total.Dispose();
}
