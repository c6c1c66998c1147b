using TorchSharp;
using TorchSharp.Modules;
using DeepRom.Models.Priors;
using static TorchSharp.torch;

namespace DeepRom.Models.Vae;

/// <summary>
/// The DenseVAE of seed 001: dense convolutional encoder(s) for q(z|y) = N(mu(y), exp(logvar(y))), dense decoder
/// for the mean of a Gaussian p(y|z) with one learned log-variance per pixel (shared by channels and samples; per
/// channel and pixel with <see cref="OutputVariance.CalibratedPerChannel"/>), and a latent prior. Accepts any
/// channel count, any grid of at least 16 x 16 and any latent size.
/// </summary>
public sealed class DenseVae : nn.Module
{
    private readonly DenseEncoder meanEncoder;
    private readonly DenseEncoder? logVarEncoder;
    private readonly DenseDecoder decoder;
    private readonly Parameter outputLogVar;
    private readonly LatentPrior prior;

    public DenseVae(DenseVaeConfig config, LatentPrior prior) : base(nameof(DenseVae))
    {
        config.Validate();
        if (prior.Latents != config.Latents) throw new ArgumentException($"prior has {prior.Latents} latents, model {config.Latents}");
        Config = config;
        meanEncoder = new DenseEncoder(config, config.SeparateEncoders ? config.Latents : 2 * config.Latents);
        logVarEncoder = config.SeparateEncoders ? new DenseEncoder(config, config.Latents) : null;
        decoder = new DenseDecoder(config);
        outputLogVar = new Parameter(config.OutputVariance == OutputVariance.CalibratedPerChannel
            ? zeros(config.Channels, config.Height, config.Width)
            : zeros(config.Height, config.Width));
        this.prior = prior;
        RegisterComponents();
    }

    public DenseVaeConfig Config { get; }

    public LatentPrior Prior => prior;

    /// <summary>The log-variance of p(y|z), shape (H, W), or (C, H, W) when calibrated per channel.</summary>
    public Tensor OutputLogVariance => outputLogVar;

    /// <summary>Posterior mean and log-variance, each (N, d).</summary>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor y)
    {
        if (logVarEncoder is not null) return (meanEncoder.forward(y), logVarEncoder.forward(y));
        using var both = meanEncoder.forward(y);
        Tensor[] halves = both.chunk(2, 1);
        return (halves[0], halves[1]);
    }

    /// <summary>Mean of p(y|z), (N, C, H, W).</summary>
    public Tensor Decode(Tensor z) => decoder.forward(z);

    /// <summary>
    /// The loss on a minibatch <paramref name="y"/>. The regulariser is weighted by <paramref name="beta"/> and is
    /// absent when <paramref name="regularise"/> is false (the reconstruction-only phase). When
    /// <paramref name="labels"/> are given for the rows in <paramref name="labelled"/>, the semi-supervised term
    /// -log q(z = theta | y) (seed 001, eq 28) is added with weight <paramref name="labelWeight"/>.
    /// </summary>
    public VaeLoss Loss(Tensor y, double beta, bool regularise, LossNormalisation normalisation,
        Tensor? labels = null, Tensor? labelled = null, double labelWeight = 1.0)
    {
        using var scope = NewDisposeScope();
        var (mu, logVar) = Encode(y);
        Tensor z = mu + (0.5 * logVar).exp() * randn_like(mu);
        Tensor mean = Decode(z);
        Tensor logVar2 = OutputLogVarianceFor(y, mean);
        Tensor nll = 0.5 * ((y - mean).square() * (-logVar2).exp() + logVar2 + Math.Log(2 * Math.PI));
        Tensor reconstruction = nll.sum(1).mean();
        Tensor total = reconstruction;
        double regularisation = double.NaN;
        if (regularise)
        {
            Tensor perLatent = prior.Regularisation(mu, logVar, z).mean() / Config.Latents;
            double weight = normalisation == LossNormalisation.PerPixelMean
                ? beta
                : beta * Config.Latents / (double)(Config.Height * Config.Width);
            total = total + weight * perLatent;
            regularisation = perLatent.item<float>();
        }
        double supervision = double.NaN;
        if (labels is not null && labelled is not null && labelled.shape[0] > 0)
        {
            Tensor logQ = LatentPrior.GaussianLogDensity(labels, mu.index_select(0, labelled), logVar.index_select(0, labelled));
            Tensor ss = -logQ.mean();
            total = total + labelWeight * ss;
            supervision = ss.item<float>();
        }
        return new VaeLoss(total.MoveToOuterDisposeScope(), reconstruction.item<float>(), regularisation, supervision);
    }

    /// <summary>The learned log-variance, or (calibrated, in training) the ML value for these means, stored for evaluation.</summary>
    private Tensor OutputLogVarianceFor(Tensor y, Tensor mean)
    {
        if (Config.OutputVariance == OutputVariance.Learned || !training) return outputLogVar;
        using var noGrad = no_grad();
        long[] pooled = Config.OutputVariance == OutputVariance.CalibratedPerChannel ? [0] : [0, 1];
        Tensor variance = Floored((y - mean).square().mean(pooled), Config.OutputVarianceFloor);
        Tensor calibrated = variance.clamp_min(1e-12).log();
        outputLogVar.copy_(calibrated);
        return calibrated;
    }

    /// <summary>
    /// A per-pixel variance map, (H, W) or (C, H, W), raised to at least <paramref name="floor"/> times its mean over
    /// the pixels (per channel for a (C, H, W) map); unchanged when the floor is 0.
    /// </summary>
    internal static Tensor Floored(Tensor variance, double floor)
    {
        if (floor <= 0) return variance;
        long[] pixels = variance.dim() == 3 ? [1, 2] : [0, 1];
        using var mean = variance.mean(pixels, keepdim: true);
        return variance.maximum(floor * mean);
    }

    /// <summary>Posterior means, a posterior sample and the mean reconstruction, without gradients.</summary>
    public (Tensor Mu, Tensor LogVar, Tensor Reconstruction) Reconstruct(Tensor y)
    {
        using var noGrad = no_grad();
        var (mu, logVar) = Encode(y);
        return (mu, logVar, Decode(mu));
    }
}
