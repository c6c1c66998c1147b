using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Physics.Cylinder;

namespace DeepRom.Cli;

/// <summary><c>deeprom data cylinder</c>: lattice-Boltzmann flow past a cylinder, the DFG 2D-2 benchmark or the parametric wake set.</summary>
public static class DataCylinderCommand
{
    public static Command Build(CliConsole console)
    {
        var benchmark = new Option<string?>("--benchmark") { Description = $"Run a validation case instead of writing data: {DfgBenchmark.Name} (Schaefer & Turek 1996, Re 100)." };
        benchmark.AcceptOnlyFromAmong(DfgBenchmark.Name);
        var resolution = new Option<int?>("--resolution") { Description = $"Cells per cylinder diameter (default {DfgBenchmark.DefaultResolution} for the benchmark, where all three results meet their published ranges, 20 for the wake set; at least 8)." };
        var set = new Option<string>("--set")
        {
            Description = "Reynolds numbers: train = 60, 80, ..., 200; test = 70, 110, 150, 190.",
            DefaultValueFactory = _ => "train",
        };
        set.AcceptOnlyFromAmong("train", "test");
        var list = new Option<string?>("--re") { Description = "Any Reynolds numbers instead of --set, comma-separated, e.g. \"100,150\"." };
        var snapshots = new Option<int?>("--snapshots") { Description = "Wake set: snapshots per Reynolds number (default 64)." };
        var interval = new Option<double?>("--interval") { Description = "Wake set: time between snapshots in D/U, a whole number of lattice steps (default 0.25)." };
        var latticeVelocity = new Option<double?>("--lattice-velocity")
        {
            Description = $"Benchmark: mean inflow speed in lattice units (default {DfgBenchmark.DefaultLatticeVelocity}); halving it halves the Mach number and doubles the steps.",
        };
        var maxTime = new Option<double>("--max-time") { Description = "Benchmark: longest run in convective units D/U if the shedding does not settle.", DefaultValueFactory = _ => 150 };
        var io = new OutputOptions("Dataset file to write (.h5 or .npz); not with --benchmark.");
        io.Out.Required = false;
        var command = new Command("cylinder",
            "Flow past a circular cylinder by a D2Q9 two-relaxation-time lattice-Boltzmann solver. --benchmark dfg-2d-2 runs the DFG 2D-2 case and " +
            "prints the Strouhal number, max c_D and max c_L; otherwise writes the wake set (channel 8 D high, Reynolds number the parameter): " +
            "fields (P, T, 3, 64, 128) vorticity, u, v (T = --snapshots, 64 by default), time in D/U, params re, aux lift/drag coefficients and solver seconds.");
        foreach (Option o in new Option[] { benchmark, resolution, set, list, snapshots, interval, latticeVelocity, maxTime }) command.Add(o);
        io.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            int? res = r.GetValue(resolution);
            if (res is < CylinderFlowConfig.MinResolution)
                throw new InputException("--resolution", "value", $"must be at least {CylinderFlowConfig.MinResolution} cells per diameter, got {res}");
            bool isBenchmark = r.GetValue(benchmark) is not null;
            if (!isBenchmark && r.GetResult(maxTime) is { Implicit: false }) throw new InputException("--max-time", "value", "is used only by --benchmark");
            if (!isBenchmark && r.GetValue(latticeVelocity) is not null) throw new InputException("--lattice-velocity", "value", "is used only by --benchmark");
            if (isBenchmark && (r.GetValue(snapshots) is not null || r.GetValue(interval) is not null))
                throw new InputException(r.GetValue(snapshots) is not null ? "--snapshots" : "--interval", "value", "is used only by the wake set, not by --benchmark");
            if (isBenchmark && (r.GetResult(set) is { Implicit: false } || r.GetValue(list) is not null))
                throw new InputException(r.GetValue(list) is not null ? "--re" : "--set", "value", "--benchmark runs at its own Reynolds number");
            return Task.FromResult(isBenchmark
                ? RunBenchmark(console, r, res ?? DfgBenchmark.DefaultResolution, r.GetValue(latticeVelocity), r.GetValue(maxTime), io, ct)
                : WriteWakeSet(console, r, WakeConfig(res, r.GetValue(snapshots), r.GetValue(interval)), r.GetValue(list), set, io, ct));
        });
        return command;
    }

    private static int RunBenchmark(CliConsole console, ParseResult r, int resolution, double? latticeVelocity, double maxTime, OutputOptions io, CancellationToken ct)
    {
        if (r.GetResult(io.Out) is { Implicit: false }) throw new InputException("--out", "value", "--benchmark writes no file");
        if (!(maxTime > 0) || !double.IsFinite(maxTime)) throw new InputException("--max-time", "value", "must be positive and finite");
        var config = DfgBenchmark.Config(resolution, latticeVelocity ?? DfgBenchmark.DefaultLatticeVelocity);
        GeneratedFile.ValidateAsOptions(() => config.Validate(), new Dictionary<string, string>
        {
            ["Resolution"] = "--resolution", ["Reynolds"] = latticeVelocity is null ? "--resolution" : "--resolution or --lattice-velocity",
            ["LatticeVelocity"] = "--lattice-velocity",
        });
        DfgResult result = console.WithProgress($"DFG 2D-2 at {resolution} cells per diameter ({config.Nx} x {config.Ny} nodes)", (int)maxTime,
            p => DfgBenchmark.Run(config, maxTime, 0, new SyncProgress<double>(p.Report), ct));
        var json = new JsonObject
        {
            ["benchmark"] = DfgBenchmark.Name,
            ["resolution"] = resolution,
            ["nodes"] = new JsonArray(config.Nx, config.Ny),
            ["lattice_velocity"] = config.LatticeVelocity,
            ["tau"] = Math.Round(config.Tau, 6),
            ["strouhal"] = Math.Round(result.Strouhal, 5),
            ["cd_max"] = Math.Round(result.DragMax, 5),
            ["cl_max"] = Math.Round(result.LiftMax, 5),
            ["cl_min"] = Math.Round(result.LiftMin, 5),
            ["cd_mean"] = Math.Round(result.DragMean, 5),
            ["within_published_ranges"] = DfgBenchmark.WithinPublishedRanges(result),
            ["periodic"] = result.Periodic,
            ["cycles"] = result.Cycles,
            ["time"] = Math.Round(result.Time, 3),
            ["steps"] = result.Steps,
            ["mlups"] = Math.Round(result.Mlups, 2),
            ["seconds"] = Math.Round(result.Seconds, 3),
            ["published"] = new JsonObject
            {
                ["strouhal"] = new JsonArray(DfgBenchmark.StrouhalLow, DfgBenchmark.StrouhalHigh),
                ["cd_max"] = new JsonArray(DfgBenchmark.DragMaxLow, DfgBenchmark.DragMaxHigh),
                ["cl_max"] = new JsonArray(DfgBenchmark.LiftMaxLow, DfgBenchmark.LiftMaxHigh),
            },
        };
        console.Result(r.GetValue(io.Json), json, new[]
        {
            $"DFG 2D-2, {resolution} cells per diameter ({config.Nx} x {config.Ny} nodes, tau {config.Tau:0.####}): " +
            $"St {result.Strouhal:0.0000} (published {DfgBenchmark.StrouhalLow}-{DfgBenchmark.StrouhalHigh}), " +
            $"max c_D {result.DragMax:0.0000} ({DfgBenchmark.DragMaxLow}-{DfgBenchmark.DragMaxHigh}), max c_L {result.LiftMax:0.0000} ({DfgBenchmark.LiftMaxLow}-{DfgBenchmark.LiftMaxHigh})",
            $"{(DfgBenchmark.WithinPublishedRanges(result) ? "all three within" : "not all within")} the published ranges; " +
            $"{(result.Periodic ? "periodic" : "not yet periodic")} after {result.Time:0.0} D/U ({result.Steps} steps), {result.Seconds:0.0} s, {result.Mlups:0.0} MLUPS",
        });
        return DeepRomCli.Success;
    }

    private static CylinderWakeConfig WakeConfig(int? resolution, int? snapshots, double? interval)
    {
        var defaults = new CylinderWakeConfig();
        return defaults with
        {
            Resolution = resolution ?? defaults.Resolution,
            Snapshots = snapshots ?? defaults.Snapshots,
            SampleInterval = interval ?? defaults.SampleInterval,
        };
    }

    private static int WriteWakeSet(CliConsole console, ParseResult r, CylinderWakeConfig config, string? listText, Option<string> set, OutputOptions io, CancellationToken ct)
    {
        if (r.GetResult(io.Out) is not { Implicit: false }) throw new InputException("--out", "value", "is required (or give --benchmark)");
        if (listText is not null && r.GetResult(set) is { Implicit: false }) throw new InputException("--re", "value", "give either --set or --re, not both");
        string setName = listText is null ? r.GetValue(set)! : "re";
        IReadOnlyList<double> reynolds = setName switch
        {
            "re" => ParseList(listText!),
            "test" => WakeReynoldsSets.Test,
            _ => WakeReynoldsSets.Train,
        };
        int resolution = config.Resolution;
        // A default set's Reynolds numbers are fixed, so a limit they break is the resolution's.
        var optionFor = new Dictionary<string, string>
        {
            ["Reynolds"] = listText is null ? "--resolution" : "--re", ["Resolution"] = "--resolution",
            [nameof(CylinderWakeConfig.Snapshots)] = "--snapshots", [nameof(CylinderWakeConfig.SampleInterval)] = "--interval",
        };
        foreach (double re in reynolds) GeneratedFile.ValidateAsOptions(() => config.Flow(re).Validate(), optionFor);
        GeneratedFile.ValidateAsOptions(() => config.Validate(reynolds), optionFor);
        var (path, format, force, json) = io.Resolve(r);
        AtomicFile.EnsureWritable(path, force);

        var clock = Stopwatch.StartNew();
        SnapshotSet data = console.WithProgress($"cylinder wakes ({reynolds.Count}, {resolution} cells per diameter)", reynolds.Count,
            p => CylinderWakeGenerator.Generate(config, reynolds, new SyncProgress<int>(n => p.Report(n)), ct));
        double simulateSeconds = clock.Elapsed.TotalSeconds;
        ct.ThrowIfCancellationRequested();
        data = data with { GeneratorConfig = CylinderWakeGenerator.Describe(config, setName) };
        SnapshotFile.Write(path, data, force, format, ct);
        double total = clock.Elapsed.TotalSeconds;

        var seconds = (double[])data.Aux["solver_seconds"].Data;
        var strouhal = (double[])data.Aux["strouhal"].Data;
        var result = GeneratedFile.Describe(path, format, data, reynolds.Count);
        result["set"] = setName;
        result["blockage"] = config.Blockage;
        result["re"] = new JsonArray(reynolds.Select(v => (JsonNode)v).ToArray());
        result["strouhal"] = new JsonArray(strouhal.Select(v => (JsonNode)Math.Round(v, 5)).ToArray());
        result["strouhal_williamson"] = new JsonArray(reynolds.Select(v => (JsonNode)Math.Round(WakeReynoldsSets.WilliamsonStrouhal(v), 5)).ToArray());
        result["transient_time"] = new JsonArray(((double[])data.Aux["transient_time"].Data).Select(v => (JsonNode)Math.Round(v, 2)).ToArray());
        result["solver_seconds"] = new JsonArray(seconds.Select(s => (JsonNode)Math.Round(s, 3)).ToArray());
        result["solver_seconds_total"] = Math.Round(seconds.Sum(), 3);
        result["total_seconds"] = Math.Round(total, 3);
        console.Result(json, result, new[]
        {
            $"wrote {reynolds.Count} cylinder wakes ({setName}, Re {string.Join(", ", reynolds)}) to {path}",
            "Strouhal numbers: " + string.Join(", ", reynolds.Select((re, k) => $"Re {re}: {strouhal[k]:0.0000}")),
            $"solver {seconds.Sum():0.0} s in total, total {total:0.0} s",
        });
        return DeepRomCli.Success;
    }

    private static List<double> ParseList(string text)
    {
        var values = new List<double>();
        if (string.IsNullOrWhiteSpace(text)) throw new InputException("--re", "value", "is empty (expected Reynolds numbers separated by commas)");
        foreach (string raw in text.Split(','))
        {
            string item = raw.Trim();
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double re) || !double.IsFinite(re))
                throw new InputException("--re", $"'{item}'", "expected a decimal number");
            if (!(re > 0)) throw new InputException("--re", $"'{item}'", "the Reynolds number must be positive");
            if (values.Contains(re)) throw new InputException("--re", $"'{item}'", "appears more than once");
            values.Add(re);
        }
        return values;
    }
}
