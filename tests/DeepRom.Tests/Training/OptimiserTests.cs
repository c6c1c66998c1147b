using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Training;

public class OptimiserTests
{
    /// <summary>One weight w and the loss g_t w, whose gradient g_t is set per step: each rule has its own path.</summary>
    private sealed class LinearProbe : ITrainable, IDisposable
    {
        private readonly Weight module = new();
        private int steps;

        public static readonly double[] Gradients = [1.0, 0.1, -0.5];

        public const double Start = 0.8;

        public nn.Module Module => module;

        public int SampleCount => Gradients.Length;

        public double W => module.W.item<float>();

        public StepLoss Loss(Tensor indices) =>
            new(module.W * Gradients[steps++ % Gradients.Length], new Dictionary<string, double>());

        public void Dispose() => module.Dispose();

        private sealed class Weight : nn.Module
        {
            public readonly TorchSharp.Modules.Parameter W = nn.Parameter(tensor((float)Start));

            public Weight() : base(nameof(Weight)) => RegisterComponents();
        }
    }

    private const double Rate = 0.1, Decay = 0.3, Beta1 = 0.9, Beta2 = 0.999, Eps = 1e-8;

    /// <summary>The update rules as their papers state them (with PyTorch's placement of weight decay and epsilon).</summary>
    private static double Expected(Optimiser kind)
    {
        double w = LinearProbe.Start, m = 0, v = 0;
        for (int t = 1; t <= LinearProbe.Gradients.Length; t++)
        {
            double g = LinearProbe.Gradients[t - 1];
            if (kind == Optimiser.AdamW) w *= 1 - Rate * Decay; // decoupled: the weight shrinks, the gradient is untouched
            else g += Decay * w;                               // L2: the decay joins the gradient
            m = Beta1 * m + (1 - Beta1) * g;
            double mHat = m / (1 - Math.Pow(Beta1, t));
            if (kind == Optimiser.Adamax)
            {
                v = Math.Max(Beta2 * v, Math.Abs(g) + Eps);
                w -= Rate * mHat / v;
            }
            else
            {
                v = Beta2 * v + (1 - Beta2) * g * g;
                w -= Rate * mHat / (Math.Sqrt(v / (1 - Math.Pow(Beta2, t))) + Eps);
            }
        }
        return w;
    }

    [Theory]
    [InlineData(Optimiser.Adam)]
    [InlineData(Optimiser.AdamW)]
    [InlineData(Optimiser.Adamax)]
    public void The_configured_optimiser_takes_the_steps(Optimiser kind)
    {
        using var probe = new LinearProbe();
        var config = new TrainerConfig { Epochs = 1, BatchSize = 1, LearningRate = LearningRateSteps.Constant(Rate), Optimiser = kind, WeightDecay = Decay };
        new Trainer(config, probe).Run(resume: false);

        Assert.Equal(Expected(kind), probe.W, 5);
        // The three rules end far enough apart that the check above names one of them.
        foreach (Optimiser other in Enum.GetValues<Optimiser>().Where(o => o != kind))
            Assert.True(Math.Abs(Expected(other) - Expected(kind)) > 1e-3, $"{kind} and {other} end too close to tell apart");
    }

    [Fact]
    public void Adam_is_the_default()
    {
        Assert.Equal(Optimiser.Adam, new TrainerConfig().Optimiser);
        Assert.Throws<ArgumentException>(() => new TrainerConfig { WeightDecay = -1 }.Validate());
    }
}
