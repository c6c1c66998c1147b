using DeepRom.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// A latent vector (B, d) spread to features (B, C, L) by a spectrally normalised Linear layer and a fixed gain
/// sqrt(C L / d).
/// </summary>
/// <remarks>
/// Spectral normalisation bounds the layer's 2-norm gain by 1, so a d-dimensional code of norm ~sqrt(d) would reach
/// C x L features at a scale of ~sqrt(d / (C L)) each (0.02 for 8 values spread over 48 x 501), far below the unit-scale
/// features it is added to, and the group latents could hardly steer the decoder. The fixed gain restores unit scale;
/// the layer stays Lipschitz with a known constant.
/// </remarks>
public sealed class LshVaeExpansion : nn.Module<Tensor, Tensor>
{
    private readonly SpectralNorm linear;
    private readonly long channels;
    private readonly long length;
    private readonly double gain;

    public LshVaeExpansion(long latents, long channels, long length) : base(nameof(LshVaeExpansion))
    {
        this.channels = channels;
        this.length = length;
        gain = Math.Sqrt(channels * length / (double)latents);
        linear = SpectralNorm.Linear(latents, channels * length);
        RegisterComponents();
    }

    public override Tensor forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        return linear.forward(z).Times(gain).view(z.shape[0], channels, length).MoveToOuterDisposeScope();
    }
}
