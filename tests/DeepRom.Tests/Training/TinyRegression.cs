using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Training;

/// <summary>A small noisy linear regression that exercises the trainer without a real model's cost.</summary>
/// <remarks>
/// Its objective owns a schedule, as the VAE's does: a running mean of the step losses, set at every epoch start from its
/// value at the end of the last and moved after every step, which scales the noise term. A schedule not saved, restored
/// or rolled back exactly therefore changes the weights.
/// </remarks>
internal sealed class TinyRegression : ITrainable, IDisposable
{
    private readonly nn.Module<Tensor, Tensor> net;
    private readonly Tensor x;
    private readonly Tensor y;
    private readonly Tensor validationX;
    private readonly Tensor validationY;
    private int epoch;
    private double level;

    public TinyRegression(int seed = 0)
    {
        manual_seed(seed);
        net = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1));
        var generator = new Generator(100); // the data never depends on the weight seed
        x = randn(new long[] { 40, 3 }, generator: generator);
        y = x.sum(1, keepdim: true) * 0.5;
        validationX = randn(new long[] { 20, 3 }, generator: generator);
        validationY = validationX.sum(1, keepdim: true) * 0.5;
    }

    /// <summary>Name of the schedule value (the VAE's is "beta").</summary>
    public string ScheduleName { get; init; } = "level";

    /// <summary>When set, returns a NaN loss while it is true for (epoch, call number).</summary>
    public Func<int, int, bool>? PoisonWhen { get; set; }

    /// <summary>When set, throws libtorch's freed-scalar error while it is true for (epoch, call number).</summary>
    public Func<int, int, bool>? FaultWhen { get; set; }

    public int Calls { get; private set; }

    /// <summary>(epoch, schedule value) at every epoch start, repeated epochs included.</summary>
    public List<(int Epoch, double Level)> EpochStarts { get; } = new();

    public nn.Module Module => net;

    public int SampleCount => 40;

    public IReadOnlyDictionary<string, double> Schedule => new Dictionary<string, double> { [ScheduleName] = level };

    public void RestoreSchedule(IReadOnlyDictionary<string, double> values) => level = values.GetValueOrDefault(ScheduleName);

    public void BeginEpoch(int epoch)
    {
        this.epoch = epoch;
        if (epoch == 0) level = 1.0;
        EpochStarts.Add((epoch, level));
    }

    public void AfterStep(StepLoss loss) => level = 0.9 * level + 0.1 * loss.Parts["mse"];

    public StepLoss Loss(Tensor indices)
    {
        Calls++;
        if (FaultWhen?.Invoke(epoch, Calls) == true)
            throw new System.Runtime.InteropServices.ExternalException(
                "Expected false to be true, but got false.\nException raised from toDouble at /pytorch/c10/core/Scalar.h:140 (most recent call first):");
        using var scope = NewDisposeScope();
        Tensor prediction = net.forward(x.index_select(0, indices));
        Tensor mse = (prediction - y.index_select(0, indices)).square().mean() + 1e-3 * level * (prediction * randn_like(prediction)).mean();
        if (PoisonWhen?.Invoke(epoch, Calls) == true) mse = mse * double.NaN;
        double value = mse.item<float>();
        return new StepLoss(mse.MoveToOuterDisposeScope(), new Dictionary<string, double> { ["mse"] = value });
    }

    /// <summary>Mean squared error on a fixed held-out set (deterministic: no noise).</summary>
    public double ValidationMse()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return (net.forward(validationX) - validationY).square().mean().item<float>();
    }

    public float[] Weights() => net.parameters().SelectMany(p => p.detach().contiguous().data<float>().ToArray()).ToArray();

    public void Dispose()
    {
        net.Dispose();
        x.Dispose();
        y.Dispose();
        validationX.Dispose();
        validationY.Dispose();
    }
}
