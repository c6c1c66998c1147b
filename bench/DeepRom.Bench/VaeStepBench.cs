using System.Diagnostics;
using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Bench;

/// <summary>
/// Milliseconds per Adam step of the DenseVAE on 65 x 65 x 3 fields: the reference network and the fast variant,
/// at batch 64 and at batch 1. At batch 1 the arithmetic is tiny, so that time bounds what TorchSharp adds to a
/// step on top of libtorch's own kernels (dispatch, marshalling, dispose scopes). Also reports the process's
/// resident memory before and after. Growth there is glibc's allocator keeping freed blocks unless it also shows
/// under jemalloc (LD_PRELOAD), where a loop that disposes every tensor stays flat.
/// </summary>
public static class VaeStepBench
{
    public static string Run(int steps, string? only = null)
    {
        var lines = new List<string> { $"libtorch threads {torch.get_num_threads()}, {steps} steps each" };
        foreach (var (name, config) in new[]
                 {
                     ("reference (hidden 1152, learned variance)", new DenseVaeConfig()),
                     ("fast (hidden 64, one encoder trunk, calibrated variance)", new DenseVaeConfig { HiddenWidth = 64, SeparateEncoders = false, OutputVariance = OutputVariance.Calibrated }),
                 })
        {
            // --only reference|fast runs that network at batch 64 alone, e.g. to attach a sampling profiler.
            if (only is not null && !name.StartsWith(only, StringComparison.Ordinal)) continue;
            foreach (int batch in only is null ? new[] { 64, 1 } : new[] { 64 })
            {
                manual_seed(1);
                using var vae = new DenseVae(config, new StandardNormalPrior(2));
                vae.train();
                var optimizer = new DeepRom.Training.Optimisers.Adam(vae.parameters(), 1e-4);
                using var y = randn(batch, 3, 65, 65) * 0.1;
                void Step()
                {
                    using var scope = NewDisposeScope();
                    var loss = vae.Loss(y, 1.0, true, LossNormalisation.PerPixelMean);
                    optimizer.zero_grad();
                    loss.Total.backward();
                    optimizer.step();
                }
                for (int w = 0; w < 3; w++) Step();
                long before = Process.GetCurrentProcess().WorkingSet64;
                var clock = Stopwatch.StartNew();
                for (int s = 0; s < steps; s++) Step();
                double ms = clock.Elapsed.TotalMilliseconds / steps;
                long after = Process.GetCurrentProcess().WorkingSet64;
                lines.Add($"{name}, batch {batch}: {ms:F1} ms/step; resident memory {before / 1048576} -> {after / 1048576} MB");
                optimizer.Dispose();
            }
        }
        return string.Join(Environment.NewLine, lines);
    }
}
