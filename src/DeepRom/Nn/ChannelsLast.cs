using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Nn;

/// <summary>
/// Runs 2-D convolutions on channels-last data (NHWC strides, NCHW shape), so that libtorch's oneDNN takes its NHWC
/// kernels.
/// </summary>
/// <remarks>
/// Why: on an AMD EPYC (Zen 5, AVX-512) libtorch 2.10's oneDNN kernels for its default blocked layout gave wrong
/// results for convolutions with few output channels (the DenseVAE's growth-rate-4 layers, its 3-channel head):
/// relative errors of 0.2 to 0.5 in the output or the input gradient, sometimes NaN, against a float64 reference, and
/// a DenseVAE there diverged in its first epoch. The NHWC kernels agree with the reference to float32 rounding
/// (<c>ChannelsLastTests</c> checks the whole DenseVAE on whatever machine runs the tests). A tensor with one channel
/// has the same strides in both layouts and libtorch takes it as NCHW, so a single input or output channel is padded
/// with a zero channel (zero weights) for the convolution and sliced off after. TorchSharp 0.107 has no memory-format
/// argument: the layout is made by permuting to NHWC, copying, and permuting the view back.
/// </remarks>
public static class ChannelsLast
{
    /// <summary>The same values as <paramref name="x"/> (N, C, H, W), stored in NHWC order; differentiable.</summary>
    public static Tensor Of(Tensor x)
    {
        if (x.dim() != 4) throw new ArgumentException($"expected a 4-D tensor (N, C, H, W), got {x.dim()}-D");
        using var nhwc = x.permute(0, 2, 3, 1);
        using var packed = nhwc.contiguous();
        return packed.permute(0, 3, 1, 2);
    }

    /// <summary>Whether <paramref name="x"/> is stored channels-last with more than one channel (channel stride 1).</summary>
    public static bool Is(Tensor x) => x.dim() == 4 && x.shape[1] > 1 && x.stride(1) == 1;

    /// <summary>
    /// <paramref name="convolution"/> (a Conv2d or ConvTranspose2d with zero padding and one group) applied to
    /// <paramref name="x"/> through the channels-last kernels; the result is in the default row-major NCHW layout.
    /// Only the convolution runs channels-last: libtorch's channels-last batch norm is slow for a handful of channels
    /// (it vectorises over them), so the layers around it stay NCHW.
    /// </summary>
    public static Tensor Convolve(Convolution convolution, Tensor x)
    {
        if (convolution.groups != 1 || convolution.padding_mode != PaddingModes.Zeros || convolution.padding_type is not null)
            throw new ArgumentException("channels-last convolution supports one group and numeric zero padding only");
        using var scope = NewDisposeScope();
        bool transposed = convolution.transposed;
        // Ordinary weights are (out, in, kH, kW), transposed ones (in, out, kH, kW).
        int inDim = transposed ? 0 : 1, outDim = transposed ? 1 : 0;
        Tensor weight = convolution.weight!;
        Tensor? bias = convolution.bias;
        long outputs = weight.shape[outDim];
        Tensor input = x;
        if (x.shape[1] == 1)
        {
            input = cat(new[] { x, zeros_like(x) }, 1);
            weight = cat(new[] { weight, zeros_like(weight) }, inDim);
        }
        if (outputs == 1)
        {
            weight = cat(new[] { weight, zeros_like(weight) }, outDim);
            if (bias is not null) bias = cat(new[] { bias, zeros_like(bias) }, 0);
        }
        Tensor packed = Of(input);
        Tensor y = transposed
            ? nn.functional.conv_transpose2d(packed, weight, bias, convolution.stride, convolution.padding, convolution.output_padding, convolution.dilation, 1)
            : nn.functional.conv2d(packed, weight, bias, convolution.stride, convolution.padding, convolution.dilation, 1);
        if (outputs == 1) y = y.narrow(1, 0, 1);
        return y.contiguous().MoveToOuterDisposeScope();
    }
}
