using DeepRom.Nn;
using DeepRom.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Rom.Reductions.Convolutional;

/// <summary>
/// The single-level VAE baseline of seed 000: the convolutional backbone with a Gaussian posterior
/// q(z | x) = N(mu, diag exp(log var)) of the budget's size and a standard normal prior; the loss is the squared error
/// summed over a simulation plus beta times the KL, with beta annealed by the objective. The code is the posterior mean.
/// </summary>
public sealed class BetaVae : nn.Module, ISimulationNetwork
{
    private readonly TemporalConvolutionEncoder encoder;
    private readonly Linear posterior;
    private readonly TemporalConvolutionDecoder decoder;
    private double beta;

    /// <param name="steps">Time steps T of a simulation (1 for static data).</param>
    /// <param name="nodes">Values N per time step (channels x grid).</param>
    /// <param name="codeSize">The latent budget r.</param>
    public BetaVae(BetaVaeConfig config, int steps, int nodes, int codeSize) : base(nameof(BetaVae))
    {
        config.Validate();
        if (codeSize < 1) throw new ArgumentException($"the latent budget must be at least 1, got {codeSize}");
        Config = config;
        CodeSize = codeSize;
        encoder = new TemporalConvolutionEncoder(config.Backbone, steps, nodes);
        posterior = Linear(encoder.Features, 2 * codeSize);
        decoder = new TemporalConvolutionDecoder(config.Backbone, steps, nodes, codeSize);
        beta = config.Beta.At(0, 1);
        RegisterComponents();
    }

    public BetaVaeConfig Config { get; }

    public nn.Module Module => this;

    public int CodeSize { get; }

    /// <summary>The KL weight now.</summary>
    public double Beta => beta;

    /// <summary>Posterior mean and log-variance, each (B, r).</summary>
    public (Tensor Mean, Tensor LogVariance) Posterior(Tensor simulations)
    {
        using var features = encoder.forward(simulations);
        using var both = posterior.forward(features);
        return (both.narrow(1, 0, CodeSize), both.narrow(1, CodeSize, CodeSize));
    }

    public Tensor Encode(Tensor simulations)
    {
        var (mean, logVariance) = Posterior(simulations);
        logVariance.Dispose();
        return mean;
    }

    public Tensor Decode(Tensor codes) => decoder.forward(codes);

    public void BeginEpoch(int epoch, int epochs) => beta = Config.Beta.At(epoch, epochs);

    public IReadOnlyDictionary<string, double> Schedule => new Dictionary<string, double> { ["beta"] = beta };

    public void RestoreSchedule(IReadOnlyDictionary<string, double> values) => beta = values.GetValueOrDefault("beta", beta);

    public StepLoss Loss(Tensor simulations)
    {
        using var scope = NewDisposeScope();
        var (mean, logVariance) = Posterior(simulations);
        Tensor z = mean.Plus(logVariance.Times(0.5).exp() * randn_like(mean));
        Tensor squared = (Decode(z) - simulations).Squared().sum([1, 2]).mean();
        Tensor kl = mean.Squared().Plus(logVariance.exp()).sub(HeldScalar.One).sub(logVariance).Times(0.5).sum(1).mean();
        Tensor total = squared.Plus(kl.Times(beta));
        long values = simulations.shape[1] * simulations.shape[2];
        var parts = new Dictionary<string, double> { ["mse"] = squared.item<float>() / values, ["kl"] = kl.item<float>() };
        return new StepLoss(total.MoveToOuterDisposeScope(), parts);
    }
}
