using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Physics.Dispersion;

namespace DeepRom.Cli;

/// <summary><c>deeprom data puff</c>: a Gaussian puff carried by a uniform wind, one localised field per release point.</summary>
public static class DataPuffCommand
{
    public static Command Build(CliConsole console)
    {
        var defaults = new PuffConfig();
        var count = new Option<int>("--count") { Description = "Number of samples N.", DefaultValueFactory = _ => defaults.Count };
        var seed = new Option<int>("--seed") { Description = "Random seed for the release points (same seed, same data).", DefaultValueFactory = _ => defaults.Seed };
        var nodes = new Option<int>("--nodes") { Description = $"Grid nodes per side on [0, {defaults.DomainLength}]^2 m (at least 16).", DefaultValueFactory = _ => defaults.Nodes };
        var io = new OutputOptions("Dataset file to write (.h5 or .npz).");
        var command = new Command("puff",
            $"Advection-diffusion of a Gaussian puff (exact solution): wind ({defaults.WindX}, {defaults.WindY}) m/s, D = {defaults.Diffusivity} m^2/s, " +
            $"sigma0 = {defaults.InitialWidth} m, seen at T = {defaults.Time} s; release point uniform on [{defaults.ReleaseMin}, {defaults.ReleaseMax}]^2 m; " +
            "writes fields [concentration] (c / c_peak) and params [release_x, release_y].");
        foreach (Option o in new Option[] { count, seed, nodes }) command.Add(o);
        io.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var config = defaults with { Nodes = r.GetValue(nodes), Count = r.GetValue(count), Seed = r.GetValue(seed) };
            GeneratedFile.ValidateAsOptions(() => config.Validate(), OptionFor);
            var (path, format, force, json) = io.Resolve(r);
            AtomicFile.EnsureWritable(path, force);

            var clock = Stopwatch.StartNew();
            SnapshotSet set = console.WithProgress($"Puff fields ({config.Count} samples)", config.Count,
                p => PuffGenerator.Generate(config, new SyncProgress<int>(k => p.Report(k)), ct));
            double generateSeconds = clock.Elapsed.TotalSeconds;
            ct.ThrowIfCancellationRequested();
            SnapshotFile.Write(path, set, force, format, ct);
            double total = clock.Elapsed.TotalSeconds;

            var result = GeneratedFile.Describe(path, format, set, config.Count);
            result["generate_seconds"] = Math.Round(generateSeconds, 3);
            result["seconds"] = Math.Round(total, 3);
            console.Result(json, result, new[]
            {
                $"wrote {config.Count} puff samples ({config.Nodes} x {config.Nodes} nodes, seed {config.Seed}) to {path}",
                $"fields {generateSeconds:0.00} s, total {total:0.00} s",
            });
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    // The generator's own rules, reported under the option the user typed rather than the config field.
    private static readonly Dictionary<string, string> OptionFor = new()
    {
        [nameof(PuffConfig.Nodes)] = "--nodes",
        [nameof(PuffConfig.Count)] = "--count",
    };
}
