using static TorchSharp.torch;

namespace DeepRom.Models.Priors;

/// <summary>p(z) = N(0, I), the plain VAE prior (rotation invariant, so it cannot pin the latent axes).</summary>
public sealed class StandardNormalPrior : LatentPrior
{
    public StandardNormalPrior(int latents) : base(nameof(StandardNormalPrior), latents) { }

    public override Tensor Regularisation(Tensor mu, Tensor logVar, Tensor z)
    {
        using var zero = zeros(Latents);
        return GaussianKl(mu, logVar, zero);
    }

    public override Tensor Sample(int count) => randn(count, Latents);
}
