using System.Diagnostics;
using DeepRom.Models.Rom.Reductions;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Bench;

/// <summary>
/// Seconds per training epoch of the LSH-VAE on a Burgers-shaped random data set (80 simulations, 501 steps, 256 values)
/// at the suggested batch size with Adam, for the default configuration or variants given on the command line
/// (<c>--widths 48,48,32</c>, <c>--downsample false</c>, <c>--axis space</c>, <c>--group 8</c>, <c>--batch 16</c>,
/// <c>--threads 1</c>).
/// With the default epoch count this gives the wall time of a default fit.
/// </summary>
public static class LshVaeEpochBench
{
    public static string Run(int epochs, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var config = new LshVaeConfig();
        if (Option("--widths") is { } w) config = config with { Widths = w.Split(',').Select(int.Parse).ToArray() };
        if (Option("--downsample") is { } d) config = config with { Downsample = bool.Parse(d) };
        if (Option("--axis") is { } a) config = config with { Axis = Enum.Parse<LshVaeAxis>(a, ignoreCase: true) };
        if (Option("--group") is { } g) config = config with { GroupSize = int.Parse(g) };
        if (Option("--batch") is { } b) config = config with { BatchSize = int.Parse(b) };
        if (Option("--threads") is { } threads) set_num_threads(int.Parse(threads));
        const int p = 80, t = 501, n = 256;
        manual_seed(1);
        using var data = randn(p, t, n).cumsum(2) * 0.1f;
        using var vae = new LshVae(config, t, n);
        ((ISimulationNetwork)vae).Prepare(data);
        long parameters = vae.parameters().Sum(q => q.numel());
        using var optimizer = new DeepRom.Training.Optimisers.Adam(vae.parameters(), config.LearningRate);
        var seconds = new List<double>();
        for (int epoch = 0; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            vae.train();
            ((ISimulationNetwork)vae).BeginEpoch(epoch, epochs);
            using var order = randperm(p);
            for (int start = 0; start < p; start += config.BatchSize)
            {
                using var scope = NewDisposeScope();
                Tensor batch = data.index_select(0, order.narrow(0, start, Math.Min(config.BatchSize, p - start)));
                using var loss = vae.Loss(batch);
                optimizer.zero_grad();
                loss.Total.backward();
                optimizer.step();
            }
            if (epoch > 0) seconds.Add(clock.Elapsed.TotalSeconds); // epoch 0 is warm-up
        }
        var encodeClock = Stopwatch.StartNew();
        vae.eval();
        using (no_grad())
        using (var codes = vae.Encode(data))
        using (var back = vae.Decode(codes)) { }
        double mean = seconds.Average();
        return string.Join(Environment.NewLine,
            $"LSH-VAE widths [{string.Join(", ", config.Widths)}], downsample {config.Downsample}, axis {config.Axis}, main {config.MainLatent}, group {config.GroupSize}, code {config.CodeSize}, {parameters:N0} parameters",
            $"data {p} x {t} x {n}, batch {config.BatchSize}, libtorch threads {get_num_threads()}",
            $"{mean:F2} s/epoch (mean of {seconds.Count}, min {seconds.Min():F2}, max {seconds.Max():F2}); {config.Epochs} default epochs -> {mean * config.Epochs / 60:F1} min",
            $"encode + decode of all {p}: {encodeClock.Elapsed.TotalSeconds:F2} s");
    }
}
