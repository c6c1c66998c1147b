using static TorchSharp.torch;

namespace DeepRom.Models.Priors;

/// <summary>
/// p(z) = N(0, diag(variances)) with fixed, unequal variances (default [1, 2]): not rotation invariant, so the
/// KL term prefers latent axes aligned with the prior's (seed 001, "scaled Gaussian" prior).
/// </summary>
public sealed class ScaledGaussianPrior : LatentPrior
{
    private readonly Tensor logVariances;

    public ScaledGaussianPrior(IReadOnlyList<double> variances) : base(nameof(ScaledGaussianPrior), variances.Count)
    {
        if (variances.Any(v => !(v > 0) || !double.IsFinite(v))) throw new ArgumentException("prior variances must be positive");
        logVariances = tensor(variances.Select(v => (float)Math.Log(v)).ToArray());
        register_buffer("log_variances", logVariances);
    }

    /// <summary>The default of seed 001 for d latents: variances 1, 2, 3, ... (d = 2 gives [1, 2]).</summary>
    public static ScaledGaussianPrior Default(int latents) => new(Enumerable.Range(1, latents).Select(i => (double)i).ToArray());

    public override Tensor Regularisation(Tensor mu, Tensor logVar, Tensor z) => GaussianKl(mu, logVar, logVariances);

    public override Tensor Sample(int count)
    {
        using var scope = NewDisposeScope();
        return (randn(count, Latents) * (0.5 * logVariances).exp()).MoveToOuterDisposeScope();
    }
}
