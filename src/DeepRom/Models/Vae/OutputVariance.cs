namespace DeepRom.Models.Vae;

/// <summary>How the DenseVAE finds the log-variance of p(y|z): one value per pixel shared by channels, or one per channel and pixel.</summary>
public enum OutputVariance
{
    /// <summary>
    /// The reference's: a parameter initialised at 0 (variance 1) and learned by gradient descent. With Adam it moves
    /// about one learning rate per step, so fields of scale 0.1 need hundreds of epochs before the NLL is calibrated.
    /// </summary>
    Learned,

    /// <summary>
    /// Calibrated decoder (Rybkin, Daniilidis &amp; Levine 2021, "sigma-VAE"): at every training step the log-variance
    /// is set to its maximum-likelihood value for the current means, log of the minibatch mean squared residual per
    /// pixel. Same loss at the optimum, reached at once instead of after many epochs.
    /// </summary>
    Calibrated,

    /// <summary>
    /// Calibrated as above, but one variance per channel and pixel (mean squared residual over the minibatch only).
    /// With a shared variance the channel with the largest residuals sets it and a quieter channel (the Darcy
    /// pressure next to the velocities) weighs little in the NLL; with its own variance every channel is fitted
    /// relative to its own error scale.
    /// </summary>
    CalibratedPerChannel,
}
