using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using LinearLayer = TorchSharp.Modules.Linear;

namespace DeepRom.Nn;

/// <summary>
/// Spectral normalisation (Miyato et al. 2018) of a Conv1d, ConvTranspose1d or Linear layer: the layer runs with its
/// weight divided by the weight's largest singular value sigma, estimated by power iteration.
/// </summary>
/// <remarks>
/// Semantics of <c>torch.nn.utils.spectral_norm</c>: the weight is viewed as a matrix (out, in * k), with the output
/// dimension first (dimension 1 of a transposed convolution's (in, out, k) weight); the singular vectors u and v are
/// buffers, so they persist across steps and in the state dict; every forward in training mode does
/// <see cref="IterationsPerStep"/> power iterations without gradient and none in eval mode; sigma = u^T W v is
/// differentiated through W only. As in the newer <c>torch.nn.utils.parametrizations.spectral_norm</c>, u and v are
/// refined by 15 iterations when the layer is wrapped, so that sigma is already close at the first step.
/// TorchSharp has no spectral normalisation, hence this module. The wrapped layer keeps its own weight and bias
/// (state-dict names <c>layer.weight</c>, <c>layer.bias</c>); only its hyper-parameters are read, its forward is not used.
/// </remarks>
public sealed class SpectralNorm : Module<Tensor, Tensor>
{
    private const int InitialIterations = 15;
    private const double Eps = 1e-12;

    private readonly Module layer;
    private readonly Tensor u;
    private readonly Tensor v;

    /// <summary>Wraps <paramref name="layer"/> (Conv1d, ConvTranspose1d with zero padding and one group, or Linear).</summary>
    public SpectralNorm(Module layer, int iterationsPerStep = 1) : base(nameof(SpectralNorm))
    {
        if (iterationsPerStep < 1) throw new ArgumentException("spectral normalisation needs at least one power iteration per step");
        this.layer = layer;
        IterationsPerStep = iterationsPerStep;
        Parameter weight = layer switch
        {
            LinearLayer linear => linear.weight,
            Convolution { padding_mode: PaddingModes.Zeros, padding_type: null, groups: 1 } conv when conv.kernel_size.Length == 1 => conv.weight,
            _ => throw new ArgumentException($"spectral normalisation wraps Conv1d, ConvTranspose1d (numeric zero padding, one group) or Linear, not {layer.GetType().Name}"),
        };
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            Tensor matrix = WeightMatrix(weight);
            u = functional.normalize(randn(matrix.shape[0], dtype: weight.dtype), dim: 0, eps: Eps).DetachFromDisposeScope();
            v = functional.normalize(randn(matrix.shape[1], dtype: weight.dtype), dim: 0, eps: Eps).DetachFromDisposeScope();
            PowerIterations(matrix, InitialIterations);
        }
        RegisterComponents();
    }

    /// <summary>Power iterations done by every forward in training mode.</summary>
    public int IterationsPerStep { get; }

    /// <summary>The wrapped layer, whose weight is the un-normalised one being trained.</summary>
    public Module Layer => layer;

    /// <summary>The un-normalised weight.</summary>
    public Parameter Weight => layer switch { LinearLayer linear => linear.weight, Convolution conv => conv.weight, _ => throw new InvalidOperationException() };

    /// <summary>The current estimate u^T W v of the largest singular value, from the stored u and v (no iteration, no gradient).</summary>
    public double Sigma
    {
        get
        {
            using var noGrad = no_grad();
            using var matrix = WeightMatrix(Weight);
            using var wv = matrix.mv(v);
            using var sigma = u.dot(wv);
            return sigma.ToDouble();
        }
    }

    /// <summary>The weight divided by sigma (one power-iteration step first in training mode); differentiable in the weight.</summary>
    public Tensor NormalisedWeight()
    {
        using var scope = NewDisposeScope();
        Tensor weight = Weight;
        Tensor matrix = WeightMatrix(weight);
        if (training)
        {
            using var noGrad = no_grad();
            PowerIterations(matrix, IterationsPerStep);
        }
        // Clones: u and v are updated in place by the next training forward, possibly before this graph's backward.
        Tensor sigma = u.clone().dot(matrix.mv(v.clone()));
        return (weight / sigma).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor weight = NormalisedWeight();
        Tensor y = layer switch
        {
            LinearLayer linear => functional.linear(x, weight, linear.bias),
            // Through the channels-last kernels: libtorch's default ones give wrong gradients on some processors (see ChannelsLast).
            Convolution conv => ChannelsLast.Convolve1d(x, weight, conv.bias, conv.transposed, conv.stride[0], conv.padding![0],
                conv.output_padding[0], conv.dilation[0]),
            _ => throw new InvalidOperationException(),
        };
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>The weight as a matrix with the output dimension first: (out, in * k).</summary>
    private Tensor WeightMatrix(Tensor weight) => layer is Convolution { transposed: true }
        ? weight.transpose(0, 1).reshape(weight.shape[1], -1)
        : weight.reshape(weight.shape[0], -1);

    /// <summary>v = W^T u / |W^T u|, u = W v / |W v|, <paramref name="count"/> times, in place (the buffers stay registered).</summary>
    private void PowerIterations(Tensor matrix, int count)
    {
        for (int i = 0; i < count; i++)
        {
            using var scope = NewDisposeScope();
            v.copy_(functional.normalize(matrix.t().mv(u), dim: 0, eps: Eps));
            u.copy_(functional.normalize(matrix.mv(v), dim: 0, eps: Eps));
        }
    }

    /// <summary>A spectrally normalised Conv1d.</summary>
    public static SpectralNorm Conv1d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, bool bias = true) =>
        new(nn.Conv1d(inChannels, outChannels, kernelSize, stride: stride, padding: padding, bias: bias));

    /// <summary>A spectrally normalised ConvTranspose1d.</summary>
    public static SpectralNorm ConvTranspose1d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
        long outputPadding = 0, bool bias = true) =>
        new(nn.ConvTranspose1d(inChannels, outChannels, kernelSize, stride: stride, padding: padding, output_padding: outputPadding, bias: bias));

    /// <summary>A spectrally normalised Linear layer.</summary>
    public static SpectralNorm Linear(long inFeatures, long outFeatures, bool bias = true) =>
        new(nn.Linear(inFeatures, outFeatures, hasBias: bias));
}
