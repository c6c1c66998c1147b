using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Training;

/// <summary>A small noisy linear regression that exercises the trainer without a real model's cost.</summary>
internal sealed class TinyRegression : ITrainable, IDisposable
{
    private readonly nn.Module<Tensor, Tensor> net;
    private readonly Tensor x;
    private readonly Tensor y;

    public TinyRegression(int seed = 0)
    {
        manual_seed(seed);
        net = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1));
        var generator = new Generator(100); // the data never depends on the weight seed
        x = randn(new long[] { 40, 3 }, generator: generator);
        y = x.sum(1, keepdim: true) * 0.5;
    }

    /// <summary>When set, returns a NaN loss while it is true for (epoch, call number).</summary>
    public Func<int, int, bool>? PoisonWhen { get; set; }

    public int Calls { get; private set; }

    public nn.Module Module => net;

    public int SampleCount => 40;

    public StepLoss Loss(Tensor indices, TrainingPhase phase)
    {
        Calls++;
        using var scope = NewDisposeScope();
        Tensor prediction = net.forward(x.index_select(0, indices));
        Tensor mse = (prediction - y.index_select(0, indices)).square().mean() + 1e-3 * (prediction * randn_like(prediction)).mean();
        if (PoisonWhen?.Invoke(phase.Epoch, Calls) == true) mse = mse * double.NaN;
        double value = mse.item<float>();
        return new StepLoss(mse.MoveToOuterDisposeScope(), new Dictionary<string, double> { ["mse"] = value }, value - 1.0);
    }

    public float[] Weights() => net.parameters().SelectMany(p => p.detach().contiguous().data<float>().ToArray()).ToArray();

    public void Dispose()
    {
        net.Dispose();
        x.Dispose();
        y.Dispose();
    }
}
