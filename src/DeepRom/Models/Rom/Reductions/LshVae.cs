using DeepRom.Nn;
using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// The least-squares hierarchical VAE (LSH-VAE) of seed 000 as a simulation network: whole simulations (B, T, N) to a
/// code of a main latent and one latent group per hierarchy level, and back.
/// </summary>
/// <remarks>
/// Simulations are min-max scaled per node to [-0.7, 0.7] (fitted in <see cref="Prepare"/>, kept in buffers) and laid
/// out with the nodal values as Conv1d channels and time as the convolved axis (or the other way round, see
/// <see cref="LshVaeAxis"/>). The encoder runs bottom-up; the main latent comes from its deepest features with a
/// N(0, I) prior; the decoder runs top-down with a residual-normal group per level (prior from the decoder features,
/// posterior residual from encoder and decoder features, NVAE style) and a tanh head. Every convolution and linear
/// layer is spectrally normalised. Loss = alpha MSE + beta (KL of the main latent + KLs of the groups), with beta
/// annealed per <see cref="LshVaeConfig.Annealing"/> and augmentation in training mode per <see cref="LshVaeAugmentation"/>.
/// The code is [main latent, groups deepest first]; <see cref="Encode"/> gives posterior means (the top-down pass
/// taking the means), <see cref="Decode"/> the top-down pass with the group values read from the code.
/// </remarks>
public sealed class LshVae : nn.Module, ISimulationNetwork
{
    private const string BetaName = "beta";

    private readonly LshVaeNodeScaling scaling;
    private readonly LshVaeEncoder encoder;
    private readonly SpectralNorm mainHead;
    private readonly LshVaeDecoder decoder;
    private double beta;

    /// <summary>An LSH-VAE for simulations of <paramref name="steps"/> time steps of <paramref name="values"/> values each.</summary>
    public LshVae(LshVaeConfig config, int steps, int values) : base(nameof(LshVae))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        if (steps < 1 || values < 1) throw new ArgumentException($"simulations need at least one step and one value, got {steps} x {values}");
        Config = config;
        Steps = steps;
        Values = values;
        NetworkSteps = config.NetworkSteps(steps);
        (long channels, long length) = config.Axis == LshVaeAxis.Time ? (values, NetworkSteps) : (NetworkSteps, values);
        long[] lengths = config.Lengths(length);
        int deepest = config.Levels - 1;
        scaling = new LshVaeNodeScaling(values, config.ScaledRange);
        encoder = new LshVaeEncoder(config, channels);
        mainHead = SpectralNorm.Linear(config.Widths[deepest] * lengths[deepest], 2 * config.MainLatent);
        decoder = new LshVaeDecoder(config, channels, length);
        beta = config.Annealing.At(0, 1);
        RegisterComponents();
    }

    /// <summary>An LSH-VAE for simulations (B, <paramref name="steps"/>, <paramref name="values"/>): an <see cref="ISimulationNetwork"/>
    /// that owns native memory, so dispose it.</summary>
    public static LshVae Create(LshVaeConfig config, int steps, int values) => new(config, steps, values);

    public LshVaeConfig Config { get; }

    /// <summary>Time steps T of a simulation.</summary>
    public int Steps { get; }

    /// <summary>Time steps the network itself sees (<see cref="LshVaeConfig.TimeStride"/>); <see cref="Steps"/> with stride 1.</summary>
    public int NetworkSteps { get; }

    /// <summary>Values N per time step.</summary>
    public int Values { get; }

    /// <summary>The current KL weight.</summary>
    public double Beta => beta;

    public nn.Module Module => this;

    public int CodeSize => Config.CodeSize;

    public IReadOnlyDictionary<string, double> Schedule => new Dictionary<string, double> { [BetaName] = beta };

    public void RestoreSchedule(IReadOnlyDictionary<string, double> values)
    {
        if (values.TryGetValue(BetaName, out double b)) beta = b;
    }

    public void BeginEpoch(int epoch, int epochs) => beta = Config.Annealing.At(epoch, epochs);

    public void Prepare(Tensor trainingSimulations)
    {
        Check(trainingSimulations);
        scaling.Fit(trainingSimulations);
    }

    public Tensor Encode(Tensor simulations)
    {
        Check(simulations);
        using var scope = NewDisposeScope();
        Tensor[] features = encoder.forward(Layout(scaling.Scale(simulations)));
        var (mu, _) = MainPosterior(features[^1]);
        using LshVaeTopDown pass = decoder.forward(mu, features, null, sample: false);
        return cat(new[] { mu, pass.GroupMeans! }, 1).MoveToOuterDisposeScope();
    }

    public Tensor Decode(Tensor codes)
    {
        if (codes.dim() != 2 || codes.shape[1] != CodeSize) throw new ArgumentException($"codes must be (B, {CodeSize}), got ({string.Join(", ", codes.shape)})");
        using var scope = NewDisposeScope();
        Tensor main = codes.narrow(1, 0, Config.MainLatent);
        Tensor groups = codes.narrow(1, Config.MainLatent, CodeSize - Config.MainLatent);
        using LshVaeTopDown pass = decoder.forward(main, null, groups, sample: false);
        return scaling.Unscale(Unlayout(pass.Output)).MoveToOuterDisposeScope();
    }

    public StepLoss Loss(Tensor simulations)
    {
        Check(simulations);
        using var scope = NewDisposeScope();
        Tensor scaled = scaling.Scale(simulations);
        var (input, target) = training ? Config.Augmentation.Apply(scaled) : (scaled, scaled);
        Tensor[] features = encoder.forward(Layout(input));
        var (mu, logVar) = MainPosterior(features[^1]);
        Tensor main = training ? mu.Plus(logVar.Times(0.5).exp() * randn_like(mu)) : mu;
        using LshVaeTopDown pass = decoder.forward(main, features, null, sample: training);
        Tensor output = Unlayout(pass.Output);
        Tensor mse = Config.Reconstruction == LshVaeReconstruction.RelativeError
            ? RelativeSquaredError(scaling.Unscale(output), scaling.Unscale(target))
            : (output - target).Squared().mean();
        Tensor mainKl = LshVaeKl.StandardNormal(mu, logVar).mean();
        Tensor groupKl = pass.Kl.mean();
        Tensor kl = mainKl.Plus(groupKl);
        Tensor total = mse.Times(Config.Alpha).Plus(kl.Times(beta));
        var parts = new Dictionary<string, double>
        {
            ["mse"] = mse.ToDouble(),
            ["kl"] = kl.ToDouble(),
            ["kl_main"] = mainKl.ToDouble(),
        };
        return new StepLoss(total.MoveToOuterDisposeScope(), parts);
    }

    /// <summary>The mean over simulations (B, T, N) of ||y - x||^2 / ||x||^2.</summary>
    private static Tensor RelativeSquaredError(Tensor y, Tensor x) =>
        ((y - x).Squared().sum([1, 2]) / x.Squared().sum([1, 2]).clamp_min(HeldScalar.Of(1e-30))).mean();

    /// <summary>Mean and (soft-clamped) log-variance (B, m) of the main latent from the deepest encoder features.</summary>
    private (Tensor Mu, Tensor LogVar) MainPosterior(Tensor deepest)
    {
        using var scope = NewDisposeScope();
        Tensor[] halves = mainHead.forward(deepest.flatten(1).Elu()).split(Config.MainLatent, 1);
        return (halves[0].MoveToOuterDisposeScope(), LshVaeGroup.SoftClamp(halves[1].Plus(Config.PosteriorLogVarOffset)).MoveToOuterDisposeScope());
    }

    /// <summary>(B, T, N) to the network's (B, channels, length), resampled to <see cref="NetworkSteps"/> along time.</summary>
    private Tensor Layout(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor nodesFirst = Resample(x.transpose(1, 2), NetworkSteps); // (B, N, T')
        Tensor y = Config.Axis == LshVaeAxis.Time ? nodesFirst.contiguous() : nodesFirst.transpose(1, 2).contiguous();
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>The network's (B, channels, length) back to (B, T, N), interpolated back to every time step.</summary>
    private Tensor Unlayout(Tensor y)
    {
        using var scope = NewDisposeScope();
        Tensor nodesFirst = Config.Axis == LshVaeAxis.Time ? y : y.transpose(1, 2);
        return Resample(nodesFirst, Steps).transpose(1, 2).MoveToOuterDisposeScope();
    }

    /// <summary>(B, N, T) to (B, N, <paramref name="steps"/>) by linear interpolation with the end points kept; the same tensor's alias when the length is already right.</summary>
    private static Tensor Resample(Tensor nodesFirst, long steps) => nodesFirst.shape[2] == steps
        ? nodesFirst.alias()
        : functional.interpolate(nodesFirst, size: [steps], mode: InterpolationMode.Linear, align_corners: true);

    private void Check(Tensor simulations)
    {
        if (simulations.dim() != 3 || simulations.shape[1] != Steps || simulations.shape[2] != Values)
            throw new ArgumentException($"simulations must be (B, {Steps}, {Values}), got ({string.Join(", ", simulations.shape)})");
    }
}
