using System.Diagnostics;
using DeepRom.Models.Rom.Reductions;
using DeepRom.Models.Rom.Reductions.Convolutional;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Bench;

/// <summary>
/// Milliseconds per Adam step of the neural ROM baselines on Burgers-sized minibatches (16 simulations of 501 steps x
/// 256 values) and the forward passes of their halves, for a few backbone widths: what an epoch of the 80 training
/// simulations (5 steps) costs, to size the default number of epochs. The processor time (all threads) is reported beside
/// the wall time because a shared machine inflates the wall time; run with OMP_NUM_THREADS=1 for a per-core figure.
/// </summary>
public static class RomStepBench
{
    public static string Run(int steps, string? only = null)
    {
        var lines = new List<string> { $"libtorch threads {torch.get_num_threads()}, {steps} steps each, batch 16 x 501 x 256" };
        foreach (int width in new[] { 32, 64 })
            foreach (string kind in new[] { "cae", "beta-vae" })
            {
                if (only is not null && only != $"{kind}-{width}") continue;
                var backbone = new TemporalConvolutionConfig { Width = width };
                manual_seed(1);
                ISimulationNetwork network = kind == "cae"
                    ? new ConvolutionalAutoencoder(new ConvolutionalAutoencoderConfig { Backbone = backbone }, 501, 256, 20)
                    : new BetaVae(new BetaVaeConfig { Backbone = backbone }, 501, 256, 20);
                using var module = network.Module;
                module.train();
                var optimizer = new DeepRom.Training.Optimisers.Adam(module.parameters(), 1e-3);
                using var x = randn(16, 501, 256);
                void Step()
                {
                    using var scope = NewDisposeScope();
                    using var loss = network.Loss(x);
                    optimizer.zero_grad();
                    loss.Total.backward();
                    optimizer.step();
                }
                double cpu = 0;
                double Time(Action action)
                {
                    for (int w = 0; w < 2; w++) action();
                    var process = Process.GetCurrentProcess();
                    TimeSpan before = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    for (int s = 0; s < steps; s++) action();
                    double wall = clock.Elapsed.TotalMilliseconds / steps;
                    process.Refresh();
                    cpu = (process.TotalProcessorTime - before).TotalMilliseconds / steps;
                    return wall;
                }
                double step = Time(Step);
                double stepCpu = cpu;
                using var codes = randn(16, 20);
                double encode, decode;
                using (no_grad())
                {
                    encode = Time(() => { using var scope = NewDisposeScope(); network.Encode(x); });
                    decode = Time(() => { using var scope = NewDisposeScope(); network.Decode(codes); });
                }
                long weights = module.parameters().Sum(p => p.numel());
                lines.Add($"{kind}, width {width} ({weights} weights): {step:F1} ms/step wall, {stepCpu:F1} ms processor time ({5 * step / 1000:F2} s/epoch of 80); forward only: encode {encode:F1} ms, decode {decode:F1} ms");
            }
        return string.Join('\n', lines);
    }
}
