namespace DeepRom.Models.Priors;

/// <summary>The latent priors a VAE can be trained with.</summary>
public enum PriorKind
{
    /// <summary>N(0, I).</summary>
    Standard,

    /// <summary>N(0, diag(1, 2, ...)), fixed.</summary>
    Scaled,

    /// <summary>Learned p(z|xi) p(xi) with p(xi) = N(0, I).</summary>
    Hierarchical,
}

