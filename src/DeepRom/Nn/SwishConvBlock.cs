using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Nn;

/// <summary>The LSH-VAE block of seed 000: Swish -> spectrally normalised Conv1d (or ConvTranspose1d) -> ELU -> BatchNorm1d.</summary>
public sealed class SwishConvBlock : Module<Tensor, Tensor>
{
    private readonly SpectralNorm conv;
    private readonly BatchNorm1d norm;

    /// <summary>A block around <paramref name="convolution"/>, a spectrally normalised 1-D (transposed) convolution.</summary>
    public SwishConvBlock(SpectralNorm convolution, long outChannels) : base(nameof(SwishConvBlock))
    {
        conv = convolution;
        norm = BatchNorm1d(outChannels);
        RegisterComponents();
    }

    /// <summary>A same-length block: kernel <paramref name="kernelSize"/> (odd), stride 1.</summary>
    public static SwishConvBlock Same(long inChannels, long outChannels, long kernelSize = 3) =>
        new(SpectralNorm.Conv1d(inChannels, outChannels, kernelSize, padding: kernelSize / 2), outChannels);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor y = conv.forward(functional.silu(x)).Elu();
        return Normalise(norm, y, training).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Batch norm of (B, C, L) that also takes a single value per channel in training (one static sample, B = L = 1,
    /// as the last minibatch of a tiny data set can be): that has no batch statistics, so the running ones are used.
    /// </summary>
    internal static Tensor Normalise(BatchNorm1d norm, Tensor x, bool training)
    {
        if (!training) return norm.forward(x);
        if (x.shape[0] * x.shape[2] > 1)
        {
            // BatchNorm1d's own training step, its batch count advanced with a held scalar: TorchSharp's add_(1) there
            // makes two implicit ones per block per step, a large share of what the garbage collector can free mid-call.
            norm.num_batches_tracked?.add_(HeldScalar.One, HeldScalar.One);
            return functional.batch_norm(x, norm.running_mean, norm.running_var, norm.weight, norm.bias, training: true, momentum: norm.momentum ?? 0.1, eps: norm.eps);
        }
        return functional.batch_norm(x, norm.running_mean, norm.running_var, norm.weight, norm.bias, training: false, eps: norm.eps);
    }
}
