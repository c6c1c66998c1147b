using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Physics.Aeroelastic;

namespace DeepRom.Cli;

/// <summary><c>deeprom data lco</c>: limit-cycle oscillations of the pitch-plunge airfoil of Lee, Price &amp; Wong, one run per reduced speed U*.</summary>
public static class DataLcoCommand
{
    public static Command Build(CliConsole console)
    {
        var defaults = new LcoDataConfig();
        var flutter = new Option<bool>("--flutter-speed")
        {
            Description = "Print the linear flutter speed U*_L (where the linearised system's largest eigenvalue real part crosses zero) and " +
                          "the flutter frequency w/w_alpha, and write nothing.",
        };
        var set = new Option<string>("--set")
        {
            Description = $"Speed set: train = U* {LcoSpeedSets.TrainFirst} to {LcoSpeedSets.TrainLast} in steps of {LcoSpeedSets.TrainStep} " +
                          $"({LcoSpeedSets.TrainCount} speeds); test = the {LcoSpeedSets.TestCount} midpoints {LcoSpeedSets.TestFirst}, " +
                          $"{LcoSpeedSets.TestFirst + LcoSpeedSets.TestStep}, ... (flutter at U* = 6.2851).",
            DefaultValueFactory = _ => "train",
        };
        set.AcceptOnlyFromAmong("train", "test");
        var speeds = new Option<string?>("--speeds") { Description = "Any reduced speeds U* instead of --set: comma-separated, e.g. \"5,6.5,8\" (positive, no speed twice)." };
        var duration = new Option<double>("--duration")
        {
            Description = $"Simulated span in tau = U t / b (at least {LcoDataConfig.MinimumDuration}).",
            DefaultValueFactory = _ => defaults.Duration,
        };
        var samples = new Option<int>("--samples")
        {
            Description = $"Samples over the span, both ends included (at least {LcoDataConfig.SamplesPerPitchPeriod} per pitch period 2 pi U* at the slowest speed).",
            DefaultValueFactory = _ => defaults.Samples,
        };
        var pitch = new Option<string>("--initial-pitch")
        {
            Description = "Initial pitch alpha(0), the other states starting at rest: degrees (1, 1deg) or radians with 'rad' (0.02rad).",
            DefaultValueFactory = _ => "1",
        };
        var settle = new Option<double>("--settle")
        {
            Description = "Integrate this many tau first and start the record at the next upward zero crossing of the pitch, time counted from it " +
                          "(phase-aligned settled cycles, as the ROM benchmark uses: --settle 3000 --duration 400 --samples 401); 0 records from the start.",
            DefaultValueFactory = _ => defaults.Settle,
        };
        var cubic = new Option<double>("--cubic-stiffness")
        {
            Description = "beta_a in the pitch spring's moment alpha + beta_a alpha^3 (alpha in radians; >= 0, hardening). The standard set leaves it " +
                          "open; the limit-cycle amplitude scales exactly as 1/sqrt(beta_a).",
            DefaultValueFactory = _ => defaults.Airfoil.CubicPitchStiffness,
        };
        var io = new OutputOptions("Dataset file to write (.h5 or .npz).");
        io.Out.Required = false;
        var command = new Command("lco",
            "Pitch-plunge airfoil with a hardening cubic pitch spring in incompressible flow with Wagner's lift (Lee, Price & Wong 1999; " +
            "mu 100, a_h -0.5, x_a 0.25, r_a 0.5, w_bar 0.2, beta_a 3 unless --cubic-stiffness): from a small initial pitch, the motion decays below the flutter speed " +
            "and settles on a limit cycle above it; writes fields (P, samples, 4) [plunge, pitch, plunge_rate, pitch_rate], time in tau, " +
            "params u_star, aux/lag_states and aux/solver_seconds.");
        foreach (Option o in new Option[] { flutter, set, speeds, duration, samples, pitch, settle, cubic }) command.Add(o);
        io.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            bool Given(Option option) => r.GetResult(option) is { Implicit: false };
            if (r.GetValue(flutter))
            {
                if (Given(io.Out)) throw new InputException("--flutter-speed", "value", "writes no file; give it without --out");
                if (new Option[] { set, speeds, duration, samples, pitch, settle, cubic, io.Format, io.Force }.FirstOrDefault(Given) is { } extra)
                    throw new InputException("--flutter-speed", "value", $"takes no {extra.Name}");
                return Task.FromResult(PrintFlutter(console, defaults.Airfoil, r.GetValue(io.Json)));
            }
            if (!Given(io.Out)) throw new InputException("--out", "value", "is required (or give --flutter-speed)");

            var config = defaults with { Duration = r.GetValue(duration), Samples = r.GetValue(samples), InitialPitch = ParseAngle(r.GetValue(pitch)!), Settle = r.GetValue(settle),
                Airfoil = defaults.Airfoil with { CubicPitchStiffness = r.GetValue(cubic) } };
            GeneratedFile.ValidateAsOptions(() => config.Validate(), OptionFor);
            string? listText = r.GetValue(speeds);
            if (listText is not null && Given(set)) throw new InputException("--speeds", "value", "give either --set or --speeds, not both");
            string setName = listText is null ? r.GetValue(set)! : "speeds";
            IReadOnlyList<double> list = setName switch
            {
                "speeds" => ParseSpeeds(listText!),
                "test" => LcoSpeedSets.Test(),
                _ => LcoSpeedSets.Train(),
            };
            GeneratedFile.ValidateAsOptions(() => config.ValidateSpeeds(list), OptionFor);
            var (path, format, force, json) = io.Resolve(r);
            AtomicFile.EnsureWritable(path, force);

            var clock = Stopwatch.StartNew();
            FlutterPoint point = FlutterAnalysis.Find(config.Airfoil);
            SnapshotSet data = console.WithProgress($"LCO runs ({list.Count} speeds, {config.Duration} tau)", list.Count,
                p => LcoGenerator.Generate(config, list, new SyncProgress<int>(n => p.Report(n)), ct));
            double simulateSeconds = clock.Elapsed.TotalSeconds;
            ct.ThrowIfCancellationRequested();
            data = data with { GeneratorConfig = LcoGenerator.Describe(config, setName, point) };
            SnapshotFile.Write(path, data, force, format, ct);
            double total = clock.Elapsed.TotalSeconds;

            var solverSeconds = (double[])data.Aux[LcoGenerator.SolverSeconds].Data;
            int row = config.Samples * PitchPlungeState.Mechanical;
            var amplitude = Enumerable.Range(0, list.Count)
                .Select(p => LimitCycleAmplitude.Pitch(data.Fields.AsSpan(p * row, row), PitchPlungeState.Mechanical)).ToArray();
            double solverTotal = solverSeconds.Sum();
            var result = new JsonObject
            {
                ["file"] = Path.GetFullPath(path),
                ["format"] = SnapshotFile.FormatFor(path, format).ToString(),
                ["set"] = setName,
                ["simulations"] = list.Count,
                ["fields_shape"] = new JsonArray(data.FieldShape.Select(v => (JsonNode)v).ToArray()),
            };
            result["speeds"] = Numbers(list);
            result["flutter_speed"] = point.Speed;
            result["pitch_amplitude_rad"] = Numbers(amplitude.Select(a => Math.Round(a, 8)));
            result["solver_seconds_total"] = Math.Round(solverTotal, 6);
            result["solver_seconds"] = Numbers(solverSeconds.Select(s => Math.Round(s, 6)));
            result["simulate_seconds"] = Math.Round(simulateSeconds, 3);
            result["total_seconds"] = Math.Round(total, 3);
            console.Result(json, result, new[]
            {
                $"wrote {list.Count} LCO runs ({setName}, {config.Samples} samples over {config.Duration} tau) to {path}",
                $"flutter speed U*_L = {point.Speed:0.0000}; pitch amplitude in the last quarter (degrees): " +
                string.Join(", ", list.Select((u, p) => string.Create(CultureInfo.InvariantCulture, $"U* {u}: {amplitude[p] * 180 / Math.PI:0.###}"))),
                $"solver {solverTotal:0.000} s in total ({1000 * solverTotal / list.Count:0.00} ms per run), " +
                $"runs {simulateSeconds:0.00} s wall, total {total:0.00} s",
            });
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    private static int PrintFlutter(CliConsole console, PitchPlungeConfig airfoil, bool json)
    {
        var clock = Stopwatch.StartNew();
        FlutterPoint point = FlutterAnalysis.Find(airfoil);
        var result = new JsonObject
        {
            ["flutter_speed"] = point.Speed,
            ["flutter_frequency"] = point.FrequencyRatio,
            ["tolerance"] = point.Tolerance,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 4),
        };
        console.Result(json, result, new[]
        {
            $"linear flutter speed U*_L = {point.Speed:0.000000} (to {point.Tolerance:G1}), flutter frequency w/w_alpha = {point.FrequencyRatio:0.0000}",
        });
        return DeepRomCli.Success;
    }

    /// <summary>Parses "u1,u2,..." and refuses malformed, non-finite, non-positive and repeated speeds.</summary>
    private static List<double> ParseSpeeds(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InputException("--speeds", "value", "is empty (expected reduced speeds separated by commas)");
        var list = new List<double>();
        foreach (string raw in text.Split(','))
        {
            string item = raw.Trim();
            // numpy's spellings of the non-finite values, which .NET does not parse, get the same answer as NaN and Infinity.
            if (item.TrimStart('+', '-').ToLowerInvariant() is "inf" or "infinity" or "nan")
                throw new InputException("--speeds", $"'{item}'", "is not finite");
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double u))
                throw new InputException("--speeds", $"'{item}'", "expected a decimal number, e.g. 6.5");
            if (!double.IsFinite(u)) throw new InputException("--speeds", $"'{item}'", "is not finite");
            if (!(u > 0)) throw new InputException("--speeds", $"'{item}'", "must be positive");
            if (list.Contains(u)) throw new InputException("--speeds", $"'{item}'", "appears more than once");
            list.Add(u);
        }
        return list;
    }

    /// <summary>An angle in degrees, or in radians when it ends in "rad"; "deg" may be written out.</summary>
    private static double ParseAngle(string text)
    {
        string trimmed = text.Trim();
        bool radians = trimmed.EndsWith("rad", StringComparison.OrdinalIgnoreCase);
        string number = radians ? trimmed[..^3] : trimmed.EndsWith("deg", StringComparison.OrdinalIgnoreCase) ? trimmed[..^3] : trimmed;
        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new InputException("--initial-pitch", $"'{text}'", "expected a finite angle in degrees (1, 1deg) or radians (0.02rad)");
        return radians ? value : value * Math.PI / 180;
    }

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode)v).ToArray());

    // The generator's own rules, reported under the option the user typed rather than the config field.
    private static readonly Dictionary<string, string> OptionFor = new()
    {
        [nameof(LcoDataConfig.Duration)] = "--duration",
        [nameof(LcoDataConfig.Samples)] = "--samples",
        [nameof(LcoDataConfig.InitialPitch)] = "--initial-pitch",
        [nameof(LcoDataConfig.Settle)] = "--settle",
        [nameof(PitchPlungeConfig.CubicPitchStiffness)] = "--cubic-stiffness",
        ["speeds"] = "--speeds",
    };
}
