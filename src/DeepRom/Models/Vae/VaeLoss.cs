using static TorchSharp.torch;

namespace DeepRom.Models.Vae;

/// <summary>
/// One minibatch's VAE loss: the differentiable total and its parts as numbers, all per pixel as the reference
/// reports them (reconstruction NLL per pixel, regulariser per latent dimension, semi-supervised term per sample).
/// </summary>
public sealed record VaeLoss(Tensor Total, double Reconstruction, double Regularisation, double Supervision) : IDisposable
{
    public void Dispose() => Total.Dispose();
}
