using DeepRom.Training;
using static TorchSharp.torch;

namespace DeepRom.Models.Sequence;

/// <summary>
/// Teacher forcing on one sequence: the loss is the MSE of a network's next-step predictions over windows of W + 1
/// samples, each window read from a zero hidden state. The windows tile the sequence; their common offset is drawn afresh
/// every epoch so that window boundaries fall everywhere over training.
/// </summary>
/// <remarks>
/// One trainer sample is one window, so an epoch is one pass over the sequence. The offset comes from libtorch's
/// generator, which the trainer re-seeds every epoch.
/// </remarks>
public sealed class NextStepObjective : ITrainable, IDisposable
{
    private readonly ITeacherForcedNetwork network;
    private readonly Tensor sequence;
    private readonly Tensor offsets;
    private readonly int window;
    private readonly long lastStart;
    private long offset;

    /// <param name="sequence">(T, d) scaled features, T at least window + 1.</param>
    public NextStepObjective(ITeacherForcedNetwork network, Tensor sequence, int window)
    {
        if (sequence.ndim != 2 || sequence.shape[1] != network.Dimension)
            throw new ArgumentException($"the sequence must be (T, {network.Dimension}), got ({string.Join(", ", sequence.shape)})");
        if (window < 1 || sequence.shape[0] < window + 1)
            throw new ArgumentException($"a sequence of {sequence.shape[0]} samples holds no window of {window} steps");
        this.network = network;
        this.window = window;
        this.sequence = sequence.to_type(float32).contiguous().DetachFromDisposeScope();
        lastStart = sequence.shape[0] - 1 - window;
        SampleCount = (int)(lastStart / window + 1);
        offsets = arange(window + 1, dtype: int64).view(1, -1).DetachFromDisposeScope();
    }

    public nn.Module Module => network.Module;

    public int SampleCount { get; }

    public void BeginEpoch(int epoch) => offset = randint(window, [1], dtype: int64).item<long>();

    public StepLoss Loss(Tensor indices)
    {
        using var scope = NewDisposeScope();
        Tensor starts = (indices * window + offset).clamp_max(lastStart);
        Tensor index = starts.view(-1, 1) + offsets;
        Tensor windows = sequence.index_select(0, index.flatten()).view(indices.shape[0], window + 1, -1);
        Tensor predicted = network.PredictNext(windows.narrow(1, 0, window), starts);
        Tensor loss = nn.functional.mse_loss(predicted, windows.narrow(1, 1, window));
        return new StepLoss(loss.MoveToOuterDisposeScope(), new Dictionary<string, double>());
    }

    public void Dispose()
    {
        sequence.Dispose();
        offsets.Dispose();
    }
}
