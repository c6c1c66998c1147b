using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Physics.Burgers;

namespace DeepRom.Cli;

/// <summary><c>deeprom data burgers</c>: the parametric inviscid Burgers problem of Lee &amp; Carlberg, one simulation per (mu1, mu2).</summary>
public static class DataBurgersCommand
{
    public static Command Build(CliConsole console)
    {
        var set = new Option<string>("--set")
        {
            Description = $"Parameter set: train = the 10 x 8 grid over the box ({BurgersParameterSets.Describe()}, ends included); " +
                          "test = (4.3, 0.021), (5.15, 0.0285) and 8 seeded random interior points.",
            DefaultValueFactory = _ => "train",
        };
        set.AcceptOnlyFromAmong("train", "test");
        var list = new Option<string?>("--params")
        {
            Description = "Any parameter points instead of --set: comma-separated mu1:mu2 pairs, e.g. \"4.3:0.021,5.15:0.0285\" " +
                          "(decimal point, inside the box, no point twice).",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the 8 random points of --set test (same seed, same points).", DefaultValueFactory = _ => 0 };
        var cells = new Option<int>("--cells") { Description = "Number of finite volumes on [0, 100] (256 in the paper).", DefaultValueFactory = _ => 256 };
        var io = new OutputOptions("Dataset file to write (.h5 or .npz).");
        var command = new Command("burgers",
            "Inviscid Burgers w_t + (w^2/2)_x = 0.02 exp(mu2 x), w(0,t) = mu1, w(x,0) = 1 (Lee & Carlberg 2020): Godunov finite volumes, " +
            "backward Euler dt 0.07, 500 steps; writes fields (P, 501, 1, cells), time, params mu1, mu2 and aux/solver_seconds.");
        foreach (Option o in new Option[] { set, list, seed, cells }) command.Add(o);
        io.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var config = new BurgersConfig { Cells = r.GetValue(cells) };
            try
            {
                config.Validate();
            }
            catch (InputException e) when (e.Item == nameof(BurgersConfig.Cells))
            {
                throw new InputException("--cells", "value", e.Problem, e);
            }
            string? listText = r.GetValue(list);
            bool setGiven = r.GetResult(set) is { Implicit: false }, seedGiven = r.GetResult(seed) is { Implicit: false };
            if (listText is not null && setGiven) throw new InputException("--params", "value", "give either --set or --params, not both");
            string setName = listText is null ? r.GetValue(set)! : "params";
            if (seedGiven && setName != "test") throw new InputException("--seed", "value", "is used only by --set test");
            IReadOnlyList<BurgersParameters> parameters = setName switch
            {
                "params" => ParseList(listText!),
                "test" => BurgersParameterSets.Test(r.GetValue(seed)),
                _ => BurgersParameterSets.Train(),
            };
            var (path, format, force, json) = io.Resolve(r);
            AtomicFile.EnsureWritable(path, force);

            var clock = Stopwatch.StartNew();
            SnapshotSet data = console.WithProgress($"Burgers simulations ({parameters.Count}, {config.Cells} cells)", parameters.Count,
                p => BurgersGenerator.Generate(config, parameters, new SyncProgress<int>(n => p.Report(n)), ct));
            double simulateSeconds = clock.Elapsed.TotalSeconds;
            ct.ThrowIfCancellationRequested();
            data = data with { GeneratorConfig = BurgersGenerator.Describe(config, setName, setName == "test" ? r.GetValue(seed) : null) };
            SnapshotFile.Write(path, data, force, format, ct);
            double total = clock.Elapsed.TotalSeconds;

            var solverSeconds = (double[])data.Aux["solver_seconds"].Data;
            double solverTotal = solverSeconds.Sum();
            var result = new JsonObject
            {
                ["file"] = Path.GetFullPath(path),
                ["format"] = SnapshotFile.FormatFor(path, format).ToString(),
                ["set"] = setName,
                ["simulations"] = parameters.Count,
                ["fields_shape"] = new JsonArray(data.FieldShape.Select(v => (JsonNode)v).ToArray()),
                ["solver_seconds_total"] = Math.Round(solverTotal, 6),
                ["solver_seconds"] = new JsonArray(solverSeconds.Select(s => (JsonNode)Math.Round(s, 6)).ToArray()),
                ["simulate_seconds"] = Math.Round(simulateSeconds, 3),
                ["total_seconds"] = Math.Round(total, 3),
            };
            console.Result(json, result, new[]
            {
                $"wrote {parameters.Count} Burgers simulations ({setName}, {config.Cells} cells, {config.Snapshots} snapshots) to {path}",
                $"solver {solverTotal:0.000} s in total ({1000 * solverTotal / parameters.Count:0.00} ms per simulation), " +
                $"simulations {simulateSeconds:0.00} s wall, total {total:0.00} s",
            });
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    /// <summary>Parses "mu1:mu2,mu1:mu2,..." and refuses malformed pairs, points outside the box and repeated points.</summary>
    private static List<BurgersParameters> ParseList(string text)
    {
        var points = new List<BurgersParameters>();
        var seen = new HashSet<BurgersParameters>();
        if (string.IsNullOrWhiteSpace(text)) throw new InputException("--params", "value", "is empty (expected mu1:mu2 pairs separated by commas)");
        foreach (string raw in text.Split(','))
        {
            string item = raw.Trim();
            string[] parts = item.Split(':');
            if (parts.Length != 2 || !TryNumber(parts[0], out double mu1) || !TryNumber(parts[1], out double mu2))
                throw new InputException("--params", $"'{item}'", "expected mu1:mu2 with two decimal numbers, e.g. 4.3:0.021");
            var point = new BurgersParameters(mu1, mu2);
            if (!BurgersParameterSets.Contains(point))
                throw new InputException("--params", $"'{item}'", $"outside the parameter box {BurgersParameterSets.Describe()}");
            if (!seen.Add(point)) throw new InputException("--params", $"'{item}'", "appears more than once");
            points.Add(point);
        }
        return points;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
