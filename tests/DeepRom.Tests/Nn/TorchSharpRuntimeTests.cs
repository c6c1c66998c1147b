using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Nn;

/// <summary>libtorch loads on this machine and a conv net's autograd gradient matches finite differences.</summary>
public class TorchSharpRuntimeTests
{
    [Fact]
    public void Tensor_arithmetic_runs_in_libtorch()
    {
        using var a = arange(6, dtype: float32).reshape(2, 3);
        using var s = (a * 2).sum();
        Assert.Equal(30f, s.item<float>());
    }

    [Fact]
    public void Conv_net_gradient_matches_central_differences()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var net = nn.Sequential(
            nn.Conv2d(2, 4, kernel_size: 3, padding: 1, dtype: float64),
            nn.Tanh(),
            nn.Conv2d(4, 1, kernel_size: 3, stride: 2, dtype: float64));
        var x = randn(3, 2, 9, 9, dtype: float64);
        Tensor Loss() => net.forward(x).square().mean();
        Loss().backward();
        var weight = net.parameters().First();
        var analytic = weight.grad!.clone();
        const double h = 1e-6;
        using var noGrad = no_grad();
        var flat = weight.view(-1);
        var grad = analytic.view(-1);
        foreach (long i in new long[] { 0, 7, 23, flat.shape[0] - 1 })
        {
            double original = flat[i].item<double>();
            flat[i] = original + h;
            double plus = Loss().item<double>();
            flat[i] = original - h;
            double minus = Loss().item<double>();
            flat[i] = original;
            double numeric = (plus - minus) / (2 * h);
            Assert.Equal(numeric, grad[i].item<double>(), 1e-7);
        }
    }
}
