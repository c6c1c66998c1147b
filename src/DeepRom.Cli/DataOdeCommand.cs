using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Physics.Ode;
using DeepRom.Physics.Ode.Systems;

namespace DeepRom.Cli;

/// <summary><c>deeprom data ode</c>: HiTS's five ODE benchmarks as train/val/test trajectory files with tight-tolerance ground truth.</summary>
public static class DataOdeCommand
{
    public static Command Build(CliConsole console)
    {
        var system = new Option<string>("--system")
        {
            Description = "The system: hyperbolic (x' = mu x, y' = lambda (y - x^2)), cubic (damped cubic oscillator), vdp (Van der Pol, mu = 2), " +
                          "hopf (Hopf normal form with mu as a state), lorenz (sigma 10, rho 28, beta 8/3).",
            Required = true,
        };
        system.AcceptOnlyFromAmong([.. ChoiceName.All<OdeSystemKind>()]);
        var noise = new Option<double>("--noise")
        {
            Description = "Measurement noise as a fraction of each component's standard deviation (0.01, 0.02 in the paper), added to every " +
                          "split; the clean states are kept in aux/clean_states.",
            DefaultValueFactory = _ => 0,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the initial states, warm-up starts and noise (same seed, same files).", DefaultValueFactory = _ => 0 };
        var train = new Option<int?>("--train") { Description = "Training trajectories (default: the reference's count for the system)." };
        var val = new Option<int?>("--val") { Description = "Validation trajectories (default: the reference's count)." };
        var test = new Option<int?>("--test") { Description = "Test trajectories (default: the reference's count)." };
        var points = new Option<int>("--points") { Description = "Samples per trajectory, t = 0 .. (points - 1) dt (5121 in the paper).", DefaultValueFactory = _ => OdeDataConfig.ReferencePoints };
        var outDir = new Option<string>("--out-dir") { Description = "Folder for train, val and test files (created if missing; its parent must exist).", Required = true };
        var format = new Option<string>("--format") { Description = "File format: h5 or npz.", DefaultValueFactory = _ => "h5" };
        format.AcceptOnlyFromAmong("h5", "npz");
        var force = new Option<bool>("--force") { Description = "Overwrite existing train/val/test files." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout (progress goes to stderr)." };
        var command = new Command("ode",
            "The ODE benchmarks of HiTS (Liu, Kutz & Brunton 2020) with the reference's equations, parameters, initial states, dt and counts, " +
            "integrated by DOP853 at rtol 1e-10 (the reference used scipy's loose defaults); writes DIR/train, DIR/val and DIR/test " +
            "(trajectories/1: states (M, points, d), time).");
        foreach (Option o in new Option[] { system, noise, seed, train, val, test, points, outDir, format, force, json }) command.Add(o);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var config = new OdeDataConfig(
                System: ChoiceName.Parse<OdeSystemKind>(r.GetValue(system)!, "--system", "value"),
                Points: r.GetValue(points),
                Train: r.GetValue(train),
                Validation: r.GetValue(val),
                Test: r.GetValue(test),
                Noise: r.GetValue(noise),
                Seed: r.GetValue(seed));
            GeneratedFile.ValidateAsOptions(() => config.Validate(), OptionFor);
            DataFileFormat fileFormat = r.GetValue(format) == "npz" ? DataFileFormat.Npz : DataFileFormat.Hdf5;
            bool overwrite = r.GetValue(force), asJson = r.GetValue(json);
            string folder = r.GetValue(outDir)!;
            string extension = fileFormat == DataFileFormat.Npz ? ".npz" : ".h5";
            var files = DataSplits.All.ToDictionary(s => s, s => Path.Combine(folder, s.FileStem() + extension));
            CheckOutputs(folder, files.Values, overwrite);

            var model = DynamicalSystems.Create(config.System);
            var counts = config.CountsFor(model);
            var clock = Stopwatch.StartNew();
            OdeDataSets sets = console.WithProgress($"{model.Title} trajectories ({counts.Total}, {config.Points} points)", counts.Total,
                p => OdeDataGenerator.Generate(config, new SyncProgress<int>(n => p.Report(n)), ct));
            double integrateSeconds = clock.Elapsed.TotalSeconds;
            ct.ThrowIfCancellationRequested();
            Directory.CreateDirectory(folder);
            TrajectoryFile.WriteAll(DataSplits.All.Select(s => (files[s], sets[s])).ToList(), overwrite, fileFormat, ct);
            double total = clock.Elapsed.TotalSeconds;

            var result = new JsonObject
            {
                ["out_dir"] = Path.GetFullPath(folder),
                ["format"] = fileFormat.ToString(),
                ["system"] = model.Name,
                ["files"] = Split(s => Path.GetFullPath(files[s])),
                ["trajectories"] = Split(s => counts[s]),
                ["states_shape"] = Split(s => new JsonArray(sets[s].StateShape.Select(v => (JsonNode)v).ToArray())),
                ["time_step"] = model.TimeStep,
                ["noise"] = config.Noise,
                ["seed"] = config.Seed,
                ["relative_tolerance"] = config.RelativeTolerance,
                ["accepted_steps"] = sets.Work.Accepted,
                ["rejected_steps"] = sets.Work.Rejected,
                ["evaluations"] = sets.Work.Evaluations,
                ["integrate_seconds"] = Math.Round(integrateSeconds, 3),
                ["total_seconds"] = Math.Round(total, 3),
            };
            console.Result(asJson, result, new[]
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"wrote {model.Title} trajectories (train {counts.Train}, val {counts.Validation}, test {counts.Test}; {config.Points} points, " +
                    $"dt {model.TimeStep}, noise {config.Noise}) to {Path.Combine(folder, "{train,val,test}" + extension)}"),
                string.Create(CultureInfo.InvariantCulture,
                    $"DOP853 at rtol {config.RelativeTolerance:0e0}: {sets.Work.Accepted} steps ({sets.Work.Rejected} rejected), " +
                    $"{sets.Work.Evaluations} evaluations; integration {integrateSeconds:0.00} s wall, total {total:0.00} s"),
            });
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    private static JsonObject Split(Func<DataSplit, JsonNode> value) =>
        new(DataSplits.All.Select(s => KeyValuePair.Create(s.FileStem(), (JsonNode?)value(s))));

    /// <summary>Refuses, before any work, an output folder that cannot be made or written and existing files without --force.</summary>
    private static void CheckOutputs(string folder, IEnumerable<string> files, bool force)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new InputException("--out-dir", "value", "is empty");
        if (File.Exists(folder)) throw new InputException("--out-dir", $"'{folder}'", "is a file, expected a folder");
        if (!Directory.Exists(folder))
        {
            string? parent = Path.GetDirectoryName(Path.GetFullPath(folder));
            if (parent is null || !Directory.Exists(parent))
                throw new InputException("--out-dir", $"'{folder}'", $"its parent folder '{parent}' does not exist");
            try
            {
                // The folder itself is made only when the data are ready; until then its parent must take it.
                AtomicFile.EnsureWritable(folder, force: false);
            }
            catch (InputException e)
            {
                throw new InputException("--out-dir", $"'{folder}'", e.Problem, e);
            }
            return;
        }
        foreach (string file in files) AtomicFile.EnsureWritable(file, force);
    }

    // The generator's own rules, reported under the option the user typed rather than the config field.
    private static readonly Dictionary<string, string> OptionFor = new()
    {
        [nameof(OdeDataConfig.Points)] = "--points",
        [nameof(OdeDataConfig.Train)] = "--train",
        [nameof(OdeDataConfig.Validation)] = "--val",
        [nameof(OdeDataConfig.Test)] = "--test",
        [nameof(OdeDataConfig.Noise)] = "--noise",
    };
}
