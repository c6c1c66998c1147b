using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Models.Hits;

/// <summary>
/// Every level's residual stepper z_{n+1} = z_n + c_k MLP_k(z_n) held as one batched network: layer i's weights are one
/// (L, in, out) tensor over the L levels, so a step of all levels is a chain of batched matrix products (bmm) and one
/// optimiser trains the whole hierarchy at once. Each level's weights only ever meet that level's data, so training them
/// together is training L separate networks, minus L - 1 loops' worth of overhead.
/// </summary>
/// <remarks>
/// The networks work on standardised states z = (x - mean) / std (<see cref="StateScaling"/>, kept as buffers), and each
/// level's network output is multiplied by that level's typical increment c_k (<see cref="IncrementScales"/>): a 1-dt step
/// moves the state a thousand times less than a 1024-dt step, and without the factor one learning rate is too large for
/// the fine levels (their outputs must be tiny and exact) while the coarse ones still learn slowly. The factor is a fixed
/// rescaling of the last layer, so the networks represent the same functions as the reference's. The
/// module also keeps, per level, the weights of its lowest validation loss so far (<see cref="KeepImproved"/>): as
/// buffers they travel in every checkpoint, so a resumed run still ends with each level's best weights.
/// </remarks>
public sealed class StepperEnsemble : nn.Module<Tensor, Tensor>
{
    // Parameters and buffers are registered by name in the constructor because their number follows the configured depth.
    private readonly Parameter[] weights;
    private readonly Parameter[] biases;
    private readonly Tensor[] bestWeights;
    private readonly Tensor[] bestBiases;
    private readonly Tensor bestLoss;
    private readonly Tensor mean;
    private readonly Tensor std;
    private readonly Tensor incrementScale;

    /// <param name="incrementScale">Per level and component (L x d), the factor on the network's output; null for ones.</param>
    public StepperEnsemble(StepperEnsembleConfig config, StateScaling scaling, double[][]? incrementScale = null) : base(nameof(StepperEnsemble))
    {
        config.Validate();
        if (scaling.Dimension != config.Dimension)
            throw new ArgumentException($"the scaling has {scaling.Dimension} components, the model {config.Dimension}");
        Config = config;
        int levels = config.Levels.Count, layers = config.Layers.Count;
        weights = new Parameter[layers];
        biases = new Parameter[layers];
        bestWeights = new Tensor[layers];
        bestBiases = new Tensor[layers];
        using (no_grad())
        {
            for (int i = 0; i < layers; i++)
            {
                var (fanIn, fanOut) = config.Layers[i];
                // nn.Linear's default initialisation, drawn for each level on its own.
                double bound = 1 / Math.Sqrt(fanIn);
                weights[i] = new Parameter(empty(levels, fanIn, fanOut).uniform_(-bound, bound));
                biases[i] = new Parameter(empty(levels, 1, fanOut).uniform_(-bound, bound));
                register_parameter($"weight{i}", weights[i]);
                register_parameter($"bias{i}", biases[i]);
                bestWeights[i] = weights[i].detach().clone();
                bestBiases[i] = biases[i].detach().clone();
                register_buffer($"best_weight{i}", bestWeights[i]);
                register_buffer($"best_bias{i}", bestBiases[i]);
            }
        }
        bestLoss = full(levels, double.PositiveInfinity, dtype: float64);
        mean = tensor(scaling.Mean, dtype: float32);
        std = tensor(scaling.Std, dtype: float32);
        if (incrementScale is not null && (incrementScale.Length != levels || incrementScale.Any(r => r.Length != config.Dimension)))
            throw new ArgumentException($"increment scales must be {levels} levels x {config.Dimension} components", nameof(incrementScale));
        this.incrementScale = incrementScale is null ? ones(levels, 1, config.Dimension)
            : tensor(incrementScale.SelectMany(r => r).ToArray(), dtype: float32).view(levels, 1, config.Dimension);
        register_buffer("increment_scale", this.incrementScale);
        register_buffer("best_loss", bestLoss);
        register_buffer("mean", mean);
        register_buffer("std", std);
    }

    public StepperEnsembleConfig Config { get; }

    /// <summary>One step of every level: <paramref name="z"/> is (L, B, d) standardised states, row l at level Lowest + l.</summary>
    // bmm then add: TorchSharp 0.107's baddbmm hands its operands to libtorch in another order than documented.
    public override Tensor forward(Tensor z) => Residual(z, (i, h) => bmm(h, weights[i]) + biases[i], incrementScale);

    /// <summary>One step of the single level <paramref name="level"/> on standardised states <paramref name="z"/> (N, d).</summary>
    public Tensor StepLevel(int level, Tensor z)
    {
        int l = Config.Levels.IndexOf(level);
        using var scale = incrementScale[l];
        return Residual(z, (i, h) => addmm(biases[i][l], h, weights[i][l], beta: 1, alpha: 1), scale);
    }

    /// <summary>z + c MLP(z), the MLP's affine maps given by <paramref name="layer"/> (layer index, input), ReLU between them.</summary>
    private Tensor Residual(Tensor z, Func<int, Tensor, Tensor> layer, Tensor scale)
    {
        using var scope = NewDisposeScope();
        Tensor h = z;
        int last = weights.Length - 1;
        for (int i = 0; i <= last; i++)
        {
            h = layer(i, h);
            if (i < last) h = nn.functional.relu(h);
        }
        return (z + h * scale).MoveToOuterDisposeScope();
    }

    /// <summary>States in data units (..., d) to the standardised units the networks work in.</summary>
    public Tensor Standardise(Tensor x) => (x - mean) / std;

    /// <summary>Standardised states back to data units.</summary>
    public Tensor Unstandardise(Tensor z) => z * std + mean;

    /// <summary>Each level's lowest validation loss so far (+inf before the first validation).</summary>
    public double[] BestLosses => bestLoss.data<double>().ToArray();

    /// <summary>Takes the current weights of every level whose <paramref name="losses"/> entry beats its best so far as that level's best.</summary>
    public void KeepImproved(IReadOnlyList<double> losses)
    {
        if (losses.Count != Config.Levels.Count) throw new ArgumentException($"{losses.Count} losses for {Config.Levels.Count} levels", nameof(losses));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // A non-finite loss never improves on anything.
        var current = tensor(losses.Select(v => double.IsFinite(v) ? v : double.PositiveInfinity).ToArray(), dtype: float64);
        var improved = current < bestLoss;
        var mask = improved.view(-1, 1, 1);
        for (int i = 0; i < weights.Length; i++)
        {
            bestWeights[i].copy_(where(mask, weights[i], bestWeights[i]));
            bestBiases[i].copy_(where(mask, biases[i], bestBiases[i]));
        }
        bestLoss.copy_(where(improved, current, bestLoss));
    }

    /// <summary>Puts every level that has been validated back to its best weights.</summary>
    public void RestoreBest()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var mask = isfinite(bestLoss).view(-1, 1, 1);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i].copy_(where(mask, bestWeights[i], weights[i]));
            biases[i].copy_(where(mask, bestBiases[i], biases[i]));
        }
    }

    /// <summary>Sets level <paramref name="level"/>'s layer <paramref name="layer"/> to the weight (in, out) and bias (out) given.</summary>
    internal void SetLayer(int level, int layer, Tensor weight, Tensor bias)
    {
        int l = Config.Levels.IndexOf(level);
        using var noGrad = no_grad();
        weights[layer][l].copy_(weight);
        biases[layer][l].copy_(bias.view(1, -1));
    }

    /// <summary>
    /// Each level's increment scale for standardised <paramref name="states"/> (M, T, d) in data units: the root mean square,
    /// per component, of z(t + 2^k dt) - z(t) over every trajectory and time (0 for a component that never moves).
    /// </summary>
    public static double[][] IncrementScales(Tensor states, StateScaling scaling, LevelRange levels)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor z = (states.to_type(float64) - tensor(scaling.Mean, dtype: float64)) / tensor(scaling.Std, dtype: float64);
        long t = z.shape[1];
        return levels.Levels.Select(k =>
        {
            long s = LevelRange.StepOf(k);
            if (s >= t) throw new ArgumentException($"trajectories of {t} samples hold no step of {s}");
            // Each level's differences are as large as the data (786 MB for Lorenz's 6400 trajectories): freed level by
            // level, not at the end, or the eleven levels' temporaries held 17 GB at once.
            using var level = NewDisposeScope();
            return (z.narrow(1, s, t - s) - z.narrow(1, 0, t - s)).square().mean(new long[] { 0, 1 }).sqrt().data<double>().ToArray();
        }).ToArray();
    }

    /// <summary>Number of trainable numbers per level.</summary>
    public long ParametersPerLevel => Config.Layers.Sum(l => (long)(l.In + 1) * l.Out);
}
