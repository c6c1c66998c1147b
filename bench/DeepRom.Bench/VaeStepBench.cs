using System.Diagnostics;
using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Bench;

/// <summary>Milliseconds per Adam step of the DenseVAE (batch 64, 65 x 65 x 3) for the reference and a narrow hidden layer.</summary>
public static class VaeStepBench
{
    public static string Run(int steps)
    {
        var lines = new List<string> { $"threads {torch.get_num_threads()}" };
        foreach (int? hidden in new int?[] { null, 64 })
        {
            torch.manual_seed(1);
            var config = new DenseVaeConfig { HiddenWidth = hidden };
            using var vae = new DenseVae(config, new StandardNormalPrior(2));
            vae.train();
            var optimizer = torch.optim.Adam(vae.parameters(), lr: 1e-4);
            using var y = randn(64, 3, 65, 65);
            double Step()
            {
                using var scope = NewDisposeScope();
                var loss = vae.Loss(y, 1.0, true, LossNormalisation.PerPixelMean);
                optimizer.zero_grad();
                loss.Total.backward();
                optimizer.step();
                return loss.Reconstruction;
            }
            for (int w = 0; w < 3; w++) Step();
            var clock = Stopwatch.StartNew();
            for (int s = 0; s < steps; s++) Step();
            double ms = clock.Elapsed.TotalMilliseconds / steps;
            long parameters = vae.parameters().Sum(p => p.numel());
            lines.Add($"DenseVAE hidden={(hidden?.ToString() ?? "1152 (reference)")} params={parameters:N0}: {ms:F1} ms/step (batch 64, {steps} steps)");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
