using DeepRom.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>The LSH-VAE's KL terms, each summed over the latent dimensions: one value per sample.</summary>
public static class LshVaeKl
{
    /// <summary>
    /// KL of a residual-normal posterior N(mu_p + dmu, var_p r), r = exp(dlogvar), from its prior N(mu_p, var_p), in
    /// NVAE's residual form 0.5 sum(dmu^2 / var_p + r - log r - 1): it needs only the residuals and the prior variance.
    /// </summary>
    public static Tensor ResidualNormal(Tensor deltaMu, Tensor deltaLogVar, Tensor priorLogVar)
    {
        using var scope = NewDisposeScope();
        Tensor terms = (deltaMu.Squared() * (-priorLogVar).exp()).Plus(deltaLogVar.exp()).sub(deltaLogVar).sub(HeldScalar.One);
        return terms.sum(1).Times(0.5).MoveToOuterDisposeScope();
    }

    /// <summary>KL of N(mu, exp(logvar)) from N(0, I): 0.5 sum(mu^2 + var - logvar - 1).</summary>
    public static Tensor StandardNormal(Tensor mu, Tensor logVar)
    {
        using var scope = NewDisposeScope();
        return mu.Squared().Plus(logVar.exp()).sub(logVar).sub(HeldScalar.One).sum(1).Times(0.5).MoveToOuterDisposeScope();
    }
}
