using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Models.Priors;

/// <summary>
/// A prior p(z) over the latent code and the regularisation term it puts in the VAE loss: the KL divergence
/// KL(q(z|y) || p(z)) where it has a closed form, a single-sample estimate otherwise.
/// </summary>
public abstract class LatentPrior : nn.Module
{
    protected LatentPrior(string name, int latents) : base(name) => Latents = latents;

    public int Latents { get; }

    /// <summary>Builds the prior of the given kind for <paramref name="latents"/> latent dimensions.</summary>
    public static LatentPrior Create(PriorKind kind, int latents, IReadOnlyList<double>? scaledVariances = null) => kind switch
    {
        PriorKind.Standard => new StandardNormalPrior(latents),
        PriorKind.Scaled => scaledVariances is null ? ScaledGaussianPrior.Default(latents) : new ScaledGaussianPrior(scaledVariances),
        PriorKind.Hierarchical => new HierarchicalPrior(latents),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The regularisation term per sample, shape (N), for posterior N(mu, exp(logVar)) and a draw z from it.</summary>
    public abstract Tensor Regularisation(Tensor mu, Tensor logVar, Tensor z);

    /// <summary>Draws <paramref name="count"/> samples of p(z), shape (count, d).</summary>
    public abstract Tensor Sample(int count);

    /// <summary>log N(x; mean, exp(logVar)) summed over the last dimension.</summary>
    internal static Tensor GaussianLogDensity(Tensor x, Tensor mean, Tensor logVar)
    {
        using var scope = NewDisposeScope();
        Tensor d = (x - mean).square() * (-logVar).exp() + logVar + Math.Log(2 * Math.PI);
        return (-0.5 * d.sum(-1)).MoveToOuterDisposeScope();
    }

    /// <summary>KL(N(mu, exp(logVar)) || N(0, exp(priorLogVar))) summed over the last dimension.</summary>
    internal static Tensor GaussianKl(Tensor mu, Tensor logVar, Tensor priorLogVar)
    {
        using var scope = NewDisposeScope();
        Tensor t = priorLogVar - logVar + (logVar.exp() + mu.square()) * (-priorLogVar).exp() - 1;
        return (0.5 * t.sum(-1)).MoveToOuterDisposeScope();
    }
}
