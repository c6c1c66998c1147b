using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using DeepRom.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Nn;

/// <summary>
/// The float32 convolutions DeepRom runs agree with a float64 copy of the same network on this machine. libtorch's
/// float64 convolutions do not go through oneDNN, so the copy is an independent reference; this is the check that
/// caught oneDNN's blocked-layout kernels giving wrong gradients for few output channels on one processor.
/// </summary>
public class ChannelsLastTests
{
    [Fact]
    public void Layout_changes_strides_not_values()
    {
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 5, 7);
        var packed = ChannelsLast.Of(x);
        Assert.True(ChannelsLast.Is(packed));
        Assert.False(ChannelsLast.Is(ChannelsLast.Of(randn(2, 1, 5, 7))));
        Assert.False(ChannelsLast.Is(x));
        Assert.Equal(x.shape, packed.shape);
        Assert.True(x.eq(packed).all().item<bool>());
    }

    [Theory]
    [InlineData(3, 65, 65)]
    [InlineData(1, 33, 40)]
    [InlineData(2, 16, 16)]
    public void DenseVae_gradients_match_a_float64_copy(int channels, int height, int width)
    {
        using var scope = NewDisposeScope();
        var config = new DenseVaeConfig { Channels = channels, Height = height, Width = width, Latents = 2, HiddenWidth = 32, SeparateEncoders = false };
        manual_seed(11);
        using var single = new DenseVae(config, new StandardNormalPrior(2));
        manual_seed(11);
        using var reference = new DenseVae(config, new StandardNormalPrior(2));
        reference.to(ScalarType.Float64);
        single.train();
        reference.train();
        manual_seed(12);
        var y = randn(8, channels, height, width);
        var weights = randn(8, channels, height, width);

        Tensor Objective(DenseVae vae, Tensor input, Tensor w)
        {
            var (mu, logVar) = vae.Encode(input);
            return (vae.Decode(mu + 0.1 * logVar) * w).sum() + mu.square().sum();
        }

        Objective(single, y, weights).backward();
        Objective(reference, y.to(float64), weights.to(float64)).backward();
        var expected = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, parameter) in single.named_parameters())
        {
            if (parameter.grad is null) continue;
            var want = expected[name];
            double scale = want.abs().max().item<double>();
            double error = (parameter.grad.to(float64) - want).abs().max().item<double>();
            Assert.True(error <= 1e-3 * scale + 1e-6, $"{name}: float32 gradient differs from the float64 copy by {error:g3} (largest {scale:g3})");
        }
    }

    [Theory]
    [InlineData(false, 3, 4, 11, 1, 3, 0)]
    [InlineData(false, 8, 8, 16, 1, 3, 0)]
    [InlineData(false, 48, 32, 40, 2, 5, 0)]
    [InlineData(false, 1, 4, 11, 1, 3, 0)]
    [InlineData(false, 4, 1, 11, 1, 3, 0)]
    [InlineData(false, 4, 3, 1, 2, 3, 0)]
    [InlineData(false, 1, 1, 1, 1, 3, 0)]
    [InlineData(true, 8, 8, 16, 1, 3, 0)]
    [InlineData(true, 8, 8, 16, 2, 3, 1)]
    [InlineData(true, 48, 32, 40, 2, 5, 0)]
    [InlineData(true, 1, 4, 11, 1, 3, 0)]
    [InlineData(true, 4, 3, 1, 2, 3, 1)]
    public void Conv1d_values_and_gradients_match_float64(bool transposed, int inputs, int outputs, int length, int stride, int kernel, int outputPadding)
    {
        // The default 1-D kernels failed this (input gradients of Conv1d, outputs of ConvTranspose1d) for 3 to 48 channels.
        using var scope = NewDisposeScope();
        manual_seed(13);
        long padding = kernel / 2;
        var x = randn(4, inputs, length, dtype: float64).requires_grad_(true);
        var w = (transposed ? randn(inputs, outputs, kernel, dtype: float64) : randn(outputs, inputs, kernel, dtype: float64)).requires_grad_(true);
        var b = randn(outputs, dtype: float64).requires_grad_(true);
        var expected = transposed
            ? nn.functional.conv_transpose1d(x, w, b, stride, padding, outputPadding)
            : nn.functional.conv1d(x, w, b, stride, padding);
        var probe = randn(expected.shape, dtype: float64);
        (expected * probe).sum().backward();
        var x32 = x.detach().to(float32).requires_grad_(true);
        var w32 = w.detach().to(float32).requires_grad_(true);
        var b32 = b.detach().to(float32).requires_grad_(true);
        var y = ChannelsLast.Convolve1d(x32, w32, b32, transposed, stride, padding, outputPadding);
        Assert.Equal(expected.shape, y.shape);
        (y * probe.to(float32)).sum().backward();
        foreach (var (name, single, reference) in new[] { ("output", y, expected), ("input gradient", x32.grad!, x.grad!), ("weight gradient", w32.grad!, w.grad!), ("bias gradient", b32.grad!, b.grad!) })
        {
            double error = (single.to(float64) - reference).abs().max().item<double>() / reference.abs().max().item<double>();
            Assert.True(error < 1e-5, $"{name}: relative error {error:g3}");
        }
    }
}
