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

    /// <summary>
    /// A 1-D convolution (or transposed convolution) of <paramref name="x"/> (N, C, L) with <paramref name="weight"/>
    /// ((out, in, k), transposed (in, out, k)), one group and zero padding, run as a 2-D convolution of (N, C, 1, L)
    /// through the channels-last kernels; the result is (N, out, L') in the default layout.
    /// </summary>
    /// <remarks>
    /// libtorch routes 1-D convolutions to the same oneDNN kernels, and on the processor above their input gradients
    /// (and transposed outputs) were wrong even for 8 to 48 channels (relative errors 0.1 to 1 against float64). Besides
    /// the single channels, a length of 1 also makes NHWC strides look like NCHW, so such an input gets a zero column
    /// appended: with zero padding, outputs within the original length never see it, and the extra outputs are cut off.
    /// </remarks>
    public static Tensor Convolve1d(Tensor x, Tensor weight, Tensor? bias, bool transposed, long stride, long padding,
        long outputPadding = 0, long dilation = 1)
    {
        if (x.dim() != 3 || weight.dim() != 3) throw new ArgumentException("expected (N, C, L) input and (out, in, k) weights");
        using var scope = NewDisposeScope();
        int inDim = transposed ? 0 : 1, outDim = transposed ? 1 : 0;
        long length = x.shape[2], kernel = weight.shape[2], outputs = weight.shape[outDim];
        long outLength = transposed
            ? (length - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1
            : (length + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
        Tensor input = x;
        if (length == 1) input = cat(new[] { input, zeros_like(input) }, 2);
        if (x.shape[1] == 1)
        {
            input = cat(new[] { input, zeros_like(input) }, 1);
            weight = cat(new[] { weight, zeros_like(weight) }, inDim);
        }
        if (outputs == 1)
        {
            weight = cat(new[] { weight, zeros_like(weight) }, outDim);
            if (bias is not null) bias = cat(new[] { bias, zeros_like(bias) }, 0);
        }
        Tensor packed = Of(input.unsqueeze(2));
        Tensor kernel2d = weight.unsqueeze(2);
        Tensor y = transposed
            ? nn.functional.conv_transpose2d(packed, kernel2d, bias, [1, stride], [0, padding], [0, outputPadding], [1, dilation], 1)
            : nn.functional.conv2d(packed, kernel2d, bias, [1, stride], [0, padding], [1, dilation], 1);
        y = y.squeeze(2);
        if (outputs == 1) y = y.narrow(1, 0, 1);
        if (y.shape[2] != outLength) y = y.narrow(2, 0, outLength);
        return y.contiguous().MoveToOuterDisposeScope();
    }
}
