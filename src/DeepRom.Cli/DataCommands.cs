using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Physics.Darcy;

namespace DeepRom.Cli;

/// <summary><c>deeprom data ...</c>: full-order models that write snapshot datasets.</summary>
public static class DataCommands
{
    public static Command Build(CliConsole console)
    {
        var data = new Command("data", "Generate datasets with the full-order models (snapshots/1 and trajectories/1 files, HDF5 or NPZ).");
        data.Add(BuildDarcy(console));
        data.Add(DataPuffCommand.Build(console));
        data.Add(DataBurgersCommand.Build(console));
        data.Add(DataLcoCommand.Build(console));
        data.Add(DataOdeCommand.Build(console));
        data.Add(DataKsCommand.Build(console));
        data.Add(DataCylinderCommand.Build(console));
        data.Add(DataPodCoefficientsCommand.Build(console));
        return data;
    }

    private static Command BuildDarcy(CliConsole console)
    {
        var kle = new Option<int>("--kle") { Description = "Number of KLE modes S of log-permeability (generative parameters theta_1..theta_S).", DefaultValueFactory = _ => 2 };
        var theta = new Option<string>("--theta") { Description = "Distribution of theta: normal = N(0,I); scaled = N(1, 0.5 I); gmm4 = +-1 with prob 1/2 plus N(0, 0.25^2) per component.", DefaultValueFactory = _ => "normal" };
        theta.AcceptOnlyFromAmong([.. ChoiceName.All<ThetaDistribution>()]);
        var count = new Option<int>("--count") { Description = "Number of samples N.", DefaultValueFactory = _ => 1024 };
        var seed = new Option<int>("--seed") { Description = "Random seed for theta (same seed, same data).", DefaultValueFactory = _ => 0 };
        var nodes = new Option<int>("--nodes") { Description = "Grid nodes per side on [0,1]^2 (65 in the paper).", DefaultValueFactory = _ => 65 };
        var length = new Option<double>("--length-scale") { Description = "Correlation length l of the exponential covariance exp(-|x-x'|/l).", DefaultValueFactory = _ => 0.1 };
        var io = new OutputOptions("Dataset file to write (.h5 or .npz).");
        var command = new Command("darcy", "Darcy flow -div(K grad p) = f with KLE log-permeability (seed 001); writes fields [p, u_x, u_y], theta and aux/permeability.");
        foreach (Option o in new Option[] { kle, theta, count, seed, nodes, length }) command.Add(o);
        io.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var config = new DarcyConfig
            {
                Nodes = r.GetValue(nodes),
                CorrelationLength = r.GetValue(length),
                KleModes = r.GetValue(kle),
                Theta = ChoiceName.Parse<ThetaDistribution>(r.GetValue(theta)!, "--theta", "value"),
                Count = r.GetValue(count),
                Seed = r.GetValue(seed),
            };
            GeneratedFile.ValidateAsOptions(() => config.Validate(), OptionFor);
            var (path, format, force, json) = io.Resolve(r);
            AtomicFile.EnsureWritable(path, force);

            var clock = Stopwatch.StartNew();
            var cache = new KleCache(KleCache.DefaultFolder());
            KleExpansion expansion = console.WithProgress($"KLE modes (S = {config.KleModes})", 1, p =>
            {
                var e = cache.GetOrCompute(config.Nodes, config.CorrelationLength, config.KleModes, ct);
                p.Report(1);
                return e;
            });
            double kleSeconds = clock.Elapsed.TotalSeconds;
            SnapshotSet set = console.WithProgress($"Darcy solves ({config.Count} samples)", config.Count,
                p => DarcyGenerator.Generate(config, expansion, new SyncProgress<int>(n => p.Report(n)), ct));
            double solveSeconds = clock.Elapsed.TotalSeconds - kleSeconds;
            ct.ThrowIfCancellationRequested();
            SnapshotFile.Write(path, set, force, format, ct);
            double total = clock.Elapsed.TotalSeconds;

            var result = GeneratedFile.Describe(path, format, set, config.Count);
            result["kle_seconds"] = Math.Round(kleSeconds, 3);
            result["solve_seconds"] = Math.Round(solveSeconds, 3);
            result["ms_per_sample"] = Math.Round(1000 * solveSeconds / config.Count, 3);
            result["total_seconds"] = Math.Round(total, 3);
            console.Result(json, result, new[]
            {
                $"wrote {config.Count} Darcy samples (KLE S = {config.KleModes}, theta {r.GetValue(theta)}) to {path}",
                $"KLE {kleSeconds:0.00} s, solves {solveSeconds:0.00} s ({1000 * solveSeconds / config.Count:0.00} ms/sample), total {total:0.00} s",
            });
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    // The generator's own rules, reported under the option the user typed rather than the config field.
    private static readonly Dictionary<string, string> OptionFor = new()
    {
        [nameof(DarcyConfig.Nodes)] = "--nodes",
        [nameof(DarcyConfig.CorrelationLength)] = "--length-scale",
        [nameof(DarcyConfig.KleModes)] = "--kle",
        [nameof(DarcyConfig.Count)] = "--count",
    };
}
