using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Priors;

/// <summary>
/// Learned hierarchical prior p(z) = integral p(z|xi) p(xi) dxi of seed 001 (eqs 10-15): prior encoder q(xi|z),
/// prior decoder p(z|xi), sub-prior p(xi) = N(0, I). Its loss term is the single-sample estimate
/// log q(z|y) + KL(q(xi|z) || p(xi)) - log p(z|xi) at the z drawn from q(z|y).
/// </summary>
/// <remarks>
/// Both MLPs are d -> 16 -> 16 -> d with ReLU hidden layers, a linear output for the mean and a learned constant
/// log-variance. Unlike the reference, the prior decoder's mean is not passed through a ReLU (which forced the
/// mean of p(z|xi) to be non-negative).
/// </remarks>
public sealed class HierarchicalPrior : LatentPrior
{
    private readonly Sequential priorEncoder;
    private readonly Parameter priorEncoderLogVar;
    private readonly Sequential priorDecoder;
    private readonly Parameter priorDecoderLogVar;

    public HierarchicalPrior(int latents, int hidden = 16) : base(nameof(HierarchicalPrior), latents)
    {
        priorEncoder = Sequential(Linear(latents, hidden), ReLU(), Linear(hidden, hidden), ReLU(), Linear(hidden, latents));
        priorDecoder = Sequential(Linear(latents, hidden), ReLU(), Linear(hidden, hidden), ReLU(), Linear(hidden, latents));
        priorEncoderLogVar = Parameter(zeros(latents));
        priorDecoderLogVar = Parameter(zeros(latents));
        RegisterComponents();
    }

    public override Tensor Regularisation(Tensor mu, Tensor logVar, Tensor z)
    {
        using var scope = NewDisposeScope();
        Tensor logQz = GaussianLogDensity(z, mu, logVar);
        Tensor xiMean = priorEncoder.forward(z);
        Tensor xiLogVar = priorEncoderLogVar.expand_as(xiMean);
        Tensor xi = xiMean + (0.5 * xiLogVar).exp() * randn_like(xiMean);
        using var zero = zeros(Latents);
        Tensor klXi = GaussianKl(xiMean, xiLogVar, zero);
        Tensor zMean = priorDecoder.forward(xi);
        Tensor logPz = GaussianLogDensity(z, zMean, priorDecoderLogVar.expand_as(zMean));
        return (logQz + klXi - logPz).MoveToOuterDisposeScope();
    }

    public override Tensor Sample(int count)
    {
        using var scope = NewDisposeScope();
        Tensor zMean = priorDecoder.forward(randn(count, Latents));
        return (zMean + (0.5 * priorDecoderLogVar).exp() * randn_like(zMean)).MoveToOuterDisposeScope();
    }
}
