using System.Diagnostics;
using System.Text;
using DeepRom.Data;
using DeepRom.Models.Rom.Reductions;
using DeepRom.Runs.Rom;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Bench;

/// <summary>
/// Encode-decode relative L2 of LSH-VAE variants trained on real simulations (<c>--train FILE --test FILE</c>, every
/// <c>--every k</c>-th time step to shorten them), so that architecture and training choices can be compared on a
/// reduced problem: <c>--latent N</c>, <c>--lr X</c>, <c>--decay cosine|none</c>, <c>--aug on|off</c>,
/// <c>--beta X</c> (target), <c>--axis time|space</c>, <c>--widths W1,W2,...</c>, <c>--batch B</c>, <c>--downsample true|false</c>,
/// <c>--loss mse|relative</c>, <c>--kernel K</c>, <c>--optimiser adam|adamax</c>, <c>--drop E</c> (learning rate a tenth from epoch E),
/// <c>--seed K</c>. Prints the test error of every test simulation at the end, in the file's order.
/// </summary>
public static class LshVaeVariantsBench
{
    public static string Run(int epochs, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int every = int.Parse(Option("--every") ?? "4");
        var (train, t, n) = Load(Option("--train") ?? throw new ArgumentException("lsh-variants needs --train FILE"), every);
        var (test, _, _) = Load(Option("--test") ?? throw new ArgumentException("lsh-variants needs --test FILE"), every);
        var config = new LshVaeConfig().WithCodeSize(int.Parse(Option("--latent") ?? "20"));
        if (Option("--kernel") is { } kernel) config = config with { KernelSize = int.Parse(kernel) };
        if (Option("--lr") is { } lr) config = config with { LearningRate = double.Parse(lr) };
        if (Option("--aug") == "off") config = config with { Augmentation = LshVaeAugmentation.Off };
        if (Option("--beta") is { } b) config = config with { Annealing = config.Annealing with { Target = double.Parse(b) } };
        if (Option("--axis") is { } a) config = config with { Axis = Enum.Parse<LshVaeAxis>(a, ignoreCase: true) };
        if (Option("--widths") is { } w) config = config with { Widths = w.Split(',').Select(int.Parse).ToArray() };
        if (Option("--batch") is { } size) config = config with { BatchSize = int.Parse(size) };
        if (Option("--downsample") is { } down) config = config with { Downsample = bool.Parse(down) };
        if (Option("--loss") == "relative") config = config with { Reconstruction = LshVaeReconstruction.RelativeError };
        bool cosine = Option("--decay") == "cosine";
        int drop = int.Parse(Option("--drop") ?? "-1");
        double Rate(int epoch)
        {
            if (drop >= 0 && epoch >= drop) return config.LearningRate / 10;
            return cosine ? config.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / epochs)) : config.LearningRate;
        }
        set_num_threads(1);
        manual_seed(int.Parse(Option("--seed") ?? "0"));
        using var vae = new LshVae(config, t, n);
        ((ISimulationNetwork)vae).Prepare(train);
        using TorchSharp.Modules.OptimizerHelper optimizer = Option("--optimiser") == "adamax"
            ? new DeepRom.Training.Optimisers.Adamax(vae.parameters(), config.LearningRate)
            : new DeepRom.Training.Optimisers.Adam(vae.parameters(), config.LearningRate);
        long p = train.shape[0];
        var text = new StringBuilder($"variant {string.Join(' ', args)}: data {p} x {t} x {n}, code {config.CodeSize}\n");
        var clock = Stopwatch.StartNew();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            vae.train();
            ((ISimulationNetwork)vae).BeginEpoch(epoch, epochs);
            double rate = Rate(epoch);
            foreach (var g in optimizer.ParamGroups) g.LearningRate = rate;
            using var order = randperm(p);
            double mse = 0;
            for (int start = 0; start < p; start += config.BatchSize)
            {
                using var scope = NewDisposeScope();
                Tensor batch = train.index_select(0, order.narrow(0, start, Math.Min(config.BatchSize, p - start)));
                var loss = vae.Loss(batch);
                optimizer.zero_grad();
                loss.Total.backward();
                optimizer.step();
                mse += loss.Parts["mse"];
            }
            if ((epoch + 1) % Math.Max(1, epochs / 6) == 0 || epoch == epochs - 1)
                text.AppendLine($"epoch {epoch + 1}: train mse {mse / Math.Ceiling(p / (double)config.BatchSize):E3}, train rel {Error(vae, train):F4}, test rel {Error(vae, test):F4}, {clock.Elapsed.TotalSeconds:F0} s");
        }
        text.AppendLine("test error per simulation: " + string.Join(" ", PerSimulation(vae, test).Select(e => e.ToString("F4"))));
        text.AppendLine($"batch-statistics normalisation (train mode, no augmentation or sampling): train rel {Error(vae, train, batchStatistics: true):F4}, test rel {Error(vae, test, batchStatistics: true):F4}");
        return text.ToString().TrimEnd();
    }

    /// <summary>Mean over simulations of the encode-decode relative L2 in physical units, in eval mode.</summary>
    private static double Error(LshVae vae, Tensor data, bool batchStatistics = false) => PerSimulation(vae, data, batchStatistics).Average();

    /// <summary>The encode-decode relative L2 of each simulation in physical units, in eval mode.</summary>
    private static double[] PerSimulation(LshVae vae, Tensor data, bool batchStatistics = false)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        vae.eval();
        // Batch norms in training mode normalise with this batch's statistics (and update their running ones: a last use).
        if (batchStatistics)
            foreach (var m in vae.modules().OfType<TorchSharp.Modules.BatchNorm1d>()) m.train();
        Tensor back = vae.Decode(vae.Encode(data));
        Tensor rel = (back - data).flatten(1).norm(1) / data.flatten(1).norm(1);
        return rel.to_type(ScalarType.Float64).data<double>().ToArray();
    }

    private static (Tensor Data, int Steps, int Values) Load(string path, int every)
    {
        var set = SnapshotFile.Read(path);
        var sims = RomData.Simulations(set);
        int steps = RomData.Steps(set), values = sims[0].Length / steps;
        int kept = (steps + every - 1) / every;
        var all = new float[sims.Length * kept * values];
        for (int s = 0; s < sims.Length; s++)
            for (int k = 0; k < kept; k++)
                sims[s].Span.Slice(k * every * values, values).CopyTo(all.AsSpan((s * kept + k) * values, values));
        return (tensor(all, new long[] { sims.Length, kept, values }), kept, values);
    }
}
