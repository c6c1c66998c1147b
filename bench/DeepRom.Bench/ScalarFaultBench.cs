using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Bench;

/// <summary>
/// Counts the freed-scalar faults (<c>Training/NativeScalarFault</c>) of optimiser steps while another thread collects garbage
/// nonstop: TorchSharp's own Adam against DeepRom's, which holds its scalars through each native call, after a forward pass
/// without scalar arguments and after one with a tensor sum (<c>a + b</c> makes an implicit scalar 1), which model code has;
/// <c>--only snapshot</c> takes weight snapshots instead, whose unheld temporaries end in a segmentation fault, not a fault to count.
/// </summary>
public static class ScalarFaultBench
{
    public static string Run(int seconds, string? only)
    {
        var text = new StringBuilder();
        torch.set_num_threads(1);
        if (only == "snapshot")
        {
            var (taken, _, snapshotCollections) = StressSnapshots(seconds);
            return $"weight snapshots of an LSH-VAE (the trainer takes one per epoch): {taken} taken, {snapshotCollections} forced collections, {seconds} s, the process alive";
        }
        foreach (bool held in only == "lsh-vae" ? [] : new[] { false, true })
            foreach (bool sum in new[] { false, true })
            {
                var (steps, faults, collections) = Stress(held, sum, seconds);
                text.AppendLine($"{(held ? "DeepRom Adam (held scalars)" : "TorchSharp Adam"),-28} forward with {(sum ? "a + b" : "no scalars"),-10}: " +
                                $"{faults} faults in {steps} steps, {collections} forced collections, {seconds} s");
            }
        var (lshSteps, lshFaults, lshCollections) = StressLshVae(seconds);
        text.AppendLine($"{"DeepRom Adam (held scalars)",-28} LSH-VAE training steps   : {lshFaults} faults in {lshSteps} steps, {lshCollections} forced collections, {seconds} s");
        return text.ToString().TrimEnd();
    }

    /// <summary>The LSH-VAE's own forward and backward (16 simulations of 64 steps x 32 values, the default layout at budget 20).</summary>
    private static (long Steps, long Faults, long Collections) StressLshVae(int seconds)
    {
        torch.manual_seed(2);
        var config = new DeepRom.Models.Rom.Reductions.LshVaeConfig().WithCodeSize(20);
        using var vae = new DeepRom.Models.Rom.Reductions.LshVae(config, 64, 32);
        using Tensor data = torch.randn(16, 64, 32).cumsum(1);
        ((DeepRom.Models.Rom.Reductions.ISimulationNetwork)vae).Prepare(data);
        ((DeepRom.Models.Rom.Reductions.ISimulationNetwork)vae).BeginEpoch(200, 300);
        using var optimiser = new DeepRom.Training.Optimisers.Adam(vae.parameters(), 1e-3);
        vae.train();
        return UnderCollections(seconds, () =>
        {
            using var scope = torch.NewDisposeScope();
            var loss = vae.Loss(data);
            optimiser.zero_grad();
            loss.Total.backward();
            optimiser.step();
        });
    }

    /// <summary>
    /// <c>Training/WeightSnapshot.Take</c> outside any dispose scope, as the trainer calls it. A temporary freed under
    /// libtorch here is no exception to count: it ends the process with a segmentation fault, so surviving is the result.
    /// </summary>
    private static (long Steps, long Faults, long Collections) StressSnapshots(int seconds)
    {
        torch.manual_seed(3);
        var config = new DeepRom.Models.Rom.Reductions.LshVaeConfig().WithCodeSize(20);
        using var vae = new DeepRom.Models.Rom.Reductions.LshVae(config, 501, 256);
        return UnderCollections(seconds, () =>
        {
            using var snapshot = DeepRom.Training.WeightSnapshot.Take(vae);
        });
    }

    /// <summary>Runs <paramref name="step"/> for <paramref name="seconds"/> while another thread collects nonstop; counts libtorch's faults.</summary>
    private static (long Steps, long Faults, long Collections) UnderCollections(int seconds, Action step)
    {
        long before = GC.CollectionCount(0);
        long steps = 0, faults = 0;
        using (new CollectionPressure())
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                try
                {
                    step();
                    steps++;
                }
                catch (ExternalException e)
                {
                    faults++;
                    if (Environment.GetEnvironmentVariable("DEEPROM_FAULT_TRACE") == "1")
                        Console.Error.WriteLine(string.Join(" <- ", (e.StackTrace ?? "").Split('\n').Where(l => l.Contains("DeepRom")).Take(4).Select(l => l.Trim())));
                }
            }
        }
        return (steps, faults, GC.CollectionCount(0) - before);
    }

    private static (long Steps, long Faults, long Collections) Stress(bool held, bool sum, int seconds)
    {
        torch.manual_seed(1);
        using var net = nn.Sequential(nn.Linear(64, 256), nn.Tanh(), nn.Linear(256, 64));
        using OptimizerHelper optimiser = held ? new DeepRom.Training.Optimisers.Adam(net.parameters(), 1e-3) : torch.optim.Adam(net.parameters(), lr: 1e-3);
        using Tensor x = torch.randn(32, 64), y = torch.randn(32, 64);
        return UnderCollections(seconds, () =>
        {
            using var scope = torch.NewDisposeScope();
            optimiser.zero_grad();
            Tensor output = net.call(x);
            // square() is pow(2), another implicit scalar: the scalar-free forward squares by multiplying.
            Tensor residual = sum ? output + y : output - y;
            residual.mul(residual).mean().backward();
            optimiser.step();
        });
    }
}
