using System.Diagnostics;
using DeepRom.Models.Vae;
using DeepRom.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Bench;

/// <summary>Forward and forward+backward time of the DenseVAE's parts, to find where a step's time goes.</summary>
public static class VaeProfile
{
    public static string Run(int repeats)
    {
        var lines = new List<string>();
        var config = new DenseVaeConfig { HiddenWidth = 64 };
        using var encoder = new DenseEncoder(config, 2);
        using var decoder = new DenseDecoder(config);
        encoder.train(); decoder.train();
        using var y = randn(64, 3, 65, 65);
        using var z = randn(64, 2);
        lines.Add(Time("encoder", repeats, () => encoder.forward(y)));
        lines.Add(Time("decoder", repeats, () => decoder.forward(z)));
        var pieces = new (string, nn.Module<Tensor, Tensor>, long[])[]
        {
            ("dense block 6 @16x16 (9 ch)", new DenseBlock(6, 9, 4), [64, 9, 16, 16]),
            ("transition up 33->16 k3 16->32", Transition.Up(33, 16, 16, 3, (16, 16), (32, 32)), [64, 33, 16, 16]),
            ("dense block 4 @32x32 (16 ch)", new DenseBlock(4, 16, 4), [64, 16, 32, 32]),
            ("transition up 32->16->3 k4 32->65", Transition.Up(32, 16, 3, 4, (32, 32), (65, 65)), [64, 32, 32, 32]),
            ("conv5x5 3->3 @65", nn.Conv2d(3, 3, 5, padding: 2, bias: false), [64, 3, 65, 65]),
            ("convT k4 16->3 only", nn.ConvTranspose2d(16, 3, 4, stride: 2, padding: 1, output_padding: 1, bias: false), [64, 16, 32, 32]),
            ("batchnorm 16 @32", nn.BatchNorm2d(16), [64, 16, 32, 32]),
        };
        foreach (var (name, module, shape) in pieces)
        {
            module.train();
            using var x = randn(shape, requires_grad: true);
            lines.Add(Time(name, repeats, () => module.forward(x)));
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static string Time(string what, int repeats, Func<Tensor> forward)
    {
        double fwd = 0, both = 0;
        for (int i = 0; i <= repeats; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var output = forward();
            double f = clock.Elapsed.TotalMilliseconds;
            output.sum().backward();
            double b = clock.Elapsed.TotalMilliseconds;
            if (i > 0) { fwd += f; both += b; }
        }
        return $"{what}: forward {fwd / repeats:F1} ms, forward+backward {both / repeats:F1} ms";
    }
}
