namespace DeepRom.Models.Vae;

/// <summary>How the VAE loss terms are normalised, which fixes what beta means.</summary>
public enum LossNormalisation
{
    /// <summary>
    /// The reference's: reconstruction NLL summed over channels and averaged over pixels and samples; KL averaged
    /// over latent dimensions and samples. Relative to the true ELBO, beta then weighs the KL (pixels / latents)
    /// times more strongly: 4225 / 2 = 2112.5 for 65 x 65 fields and 2 latents.
    /// </summary>
    PerPixelMean,

    /// <summary>
    /// True ELBO per sample: the KL is weighted against the NLL summed over all pixels, so beta = 1 is the ELBO.
    /// (The loss is still reported per pixel; Adam does not care about the overall scale.)
    /// </summary>
    Elbo,
}
