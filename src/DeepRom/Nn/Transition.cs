using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Nn;

/// <summary>
/// Dense-net transition: BN-ReLU-Conv1x1 to change the feature count, then BN-ReLU and a strided convolution
/// (down) or transposed convolution (up) to change the resolution. No biases, as in the DenseED family.
/// </summary>
public sealed class Transition : Module<Tensor, Tensor>
{
    private readonly BatchNorm2d norm1;
    private readonly Conv2d squeeze;
    private readonly BatchNorm2d norm2;
    private readonly Convolution resample;
    private readonly (int H, int W)? crop;

    private Transition(int inFeatures, int outFeatures, int resampledFeatures, Convolution resample, (int H, int W)? crop = null)
        : base(nameof(Transition))
    {
        this.crop = crop;
        norm1 = BatchNorm2d(inFeatures);
        squeeze = Conv2d(inFeatures, outFeatures, kernel_size: 1, bias: false);
        norm2 = BatchNorm2d(outFeatures);
        this.resample = resample;
        OutFeatures = resampledFeatures;
        RegisterComponents();
    }

    public int OutFeatures { get; }

    /// <summary>Halves the resolution with a 3x3 stride-2 convolution (padding 1): size s -> ceil(s / 2).</summary>
    public static Transition Down(int inFeatures, int outFeatures) =>
        new(inFeatures, outFeatures, outFeatures, Conv2d(outFeatures, outFeatures, kernel_size: 3, stride: 2, padding: 1, bias: false));

    /// <summary>
    /// Doubles the resolution with a stride-2 transposed convolution of the given kernel, choosing padding and output
    /// padding per axis so that <paramref name="from"/> maps exactly onto <paramref name="to"/> (to in 2 from - 1 .. 2 from + 2).
    /// </summary>
    public static Transition Up(int inFeatures, int squeezeFeatures, int outFeatures, int kernel, (int H, int W) from, (int H, int W) to)
    {
        var (padH, outPadH) = UpsamplingPadding(kernel, from.H, to.H);
        var (padW, outPadW) = UpsamplingPadding(kernel, from.W, to.W);
        // TorchSharp 0.107 applies the first output padding to both axes, so unequal output paddings are replaced
        // by the larger one and the extra row or column is cropped.
        int outPad = Math.Max(outPadH, outPadW);
        var up = ConvTranspose2d(squeezeFeatures, outFeatures, kernel_size: (kernel, kernel), stride: (2, 2),
            padding: (padH, padW), output_padding: (outPad, outPad), bias: false);
        return new Transition(inFeatures, squeezeFeatures, outFeatures, up, outPadH == outPadW ? null : to);
    }

    /// <summary>Padding p and output padding q (q &lt; 2) with (from - 1) 2 - 2p + k + q = to.</summary>
    internal static (int Padding, int OutputPadding) UpsamplingPadding(int kernel, int from, int to)
    {
        for (int p = (kernel - 1) / 2; p >= 0; p--)
        {
            int q = to - ((from - 1) * 2 - 2 * p + kernel);
            if (q is 0 or 1) return (p, q);
        }
        for (int p = (kernel - 1) / 2 + 1; p < kernel; p++)
        {
            int q = to - ((from - 1) * 2 - 2 * p + kernel);
            if (q is 0 or 1) return (p, q);
        }
        throw new ArgumentException($"cannot upsample {from} to {to} with a stride-2 kernel of {kernel}");
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor h = ChannelsLast.Convolve(squeeze, functional.relu(norm1.forward(x)));
        Tensor y = ChannelsLast.Convolve(resample, functional.relu(norm2.forward(h)));
        if (crop is { } size) y = y.narrow(2, 0, size.H).narrow(3, 0, size.W);
        return y.MoveToOuterDisposeScope();
    }
}
