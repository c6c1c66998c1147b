using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Models.Hits;
using DeepRom.Physics.Ode.Systems;
using DeepRom.Runs;
using DeepRom.Runs.Hits;

namespace DeepRom.Cli;

/// <summary><c>deeprom hits train|forecast</c> (and <c>benchmark</c>, in <see cref="HitsBenchmarkCommand"/>): hierarchies of residual time-steppers and their multiscale forecast.</summary>
public static class HitsCommands
{
    public static Command Build(CliConsole console)
    {
        var hits = new Command("hits", "Multiscale neural time-steppers (seed 002): one residual network per step 2^k dt, coupled into one forecast.");
        hits.Add(BuildTrain(console));
        hits.Add(BuildForecast(console));
        hits.Add(HitsBenchmarkCommand.Build(console));
        return hits;
    }

    private static Command BuildTrain(CliConsole console)
    {
        var defaults = new HitsRunConfig { TrainData = "", ValidationData = "" };
        var data = new Option<string>("--data") { Description = "Training trajectories (trajectories/1, uniform time axis).", Required = true };
        var val = new Option<string>("--val") { Description = "Validation trajectories: each level keeps its best weights on them; the forecast selects levels on them.", Required = true };
        var levels = new Option<string>("--levels")
        {
            Description = $"Levels to train, A-B (level k steps 2^k dt), or auto: {defaults.Levels} without the coarsest levels the trajectories are too short for.",
            DefaultValueFactory = _ => "auto",
        };
        var width = new Option<int>("--width") { Description = "Hidden layer width.", DefaultValueFactory = _ => defaults.Width };
        var depth = new Option<int>("--depth") { Description = "Hidden layers.", DefaultValueFactory = _ => defaults.Depth };
        var iterations = new Option<int?>("--max-iterations") { Description = $"Minibatches at most (default {defaults.MaxIterations}); with --resume, raises the budget of the run." };
        var seed = new Option<int>("--seed") { Description = "Seed for the weights and the windows.", DefaultValueFactory = _ => 0 };
        var windows = new Option<string>("--windows")
        {
            Description = "Training windows: all (anywhere along the trajectories), first (only from t = 0, as the reference) or mixed (half each).",
            DefaultValueFactory = _ => ChoiceName.Of(defaults.Windows),
        };
        windows.AcceptOnlyFromAmong([.. ChoiceName.All<WindowSampling>()]);
        var batch = new Option<int>("--batch") { Description = "Trajectories per minibatch (one window per level from each).", DefaultValueFactory = _ => defaults.BatchSize };
        var rollout = new Option<int>("--rollout") { Description = "p: steps of the recurrent rollout in the loss.", DefaultValueFactory = _ => defaults.RolloutSteps };
        var lr = new Option<double>("--lr") { Description = "Adam's learning rate.", DefaultValueFactory = _ => defaults.LearningRate };
        var lrFinal = new Option<double?>("--lr-final") { Description = "Hold the learning rate for the first half of the run, then let it fall geometrically to this by the last minibatch (default: constant, as the reference)." };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (0 = one per core; the default 1 is fastest on a machine busy with other work).", DefaultValueFactory = _ => defaults.Threads };
        var stopBelow = new Option<double>("--stop-below") { Description = "Stop once every level's best validation loss (standardised units) is at or below this.", DefaultValueFactory = _ => defaults.StopBelow };
        var validateEvery = new Option<int>("--validate-every") { Description = "Minibatches between validations.", DefaultValueFactory = _ => defaults.ValidateEvery };
        var run = RunOptions.Create("Model folder to write (config.json, model.json, model.bin, metrics.json, checkpoint, plots, report.html).");
        var command = new Command("train", "Train every level of a hierarchy of residual time-steppers together and write a model folder.");
        foreach (Option o in new Option[] { data, val, levels, width, depth, iterations, seed, windows, batch, rollout, lr, lrFinal, stopBelow, validateEvery, threads }) command.Add(o);
        run.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var config = defaults with
            {
                TrainData = Path.GetFullPath(r.GetValue(data)!),
                ValidationData = Path.GetFullPath(r.GetValue(val)!),
                Levels = r.GetValue(levels) == "auto" ? defaults.Levels : LevelRange.Parse(r.GetValue(levels)!, "--levels"),
                TrimLevelsToData = r.GetValue(levels) == "auto",
                Width = r.GetValue(width),
                Depth = r.GetValue(depth),
                MaxIterations = r.GetValue(iterations) ?? defaults.MaxIterations,
                Seed = r.GetValue(seed),
                Windows = ChoiceName.Parse<WindowSampling>(r.GetValue(windows)!, "--windows", "value"),
                BatchSize = r.GetValue(batch),
                RolloutSteps = r.GetValue(rollout),
                LearningRate = r.GetValue(lr),
                FinalLearningRate = r.GetValue(lrFinal),
                Threads = r.GetValue(threads),
                StopBelow = r.GetValue(stopBelow),
                ValidateEvery = r.GetValue(validateEvery),
            };
            config.Validate();
            var (folder, json) = run.Open(r);
            bool resume = run.IsResume(r);
            HitsTrainResult result = TrainWithProgress(console, config, folder, resume, ct, resume ? r.GetValue(iterations) : null);
            PrintTraining(console, json, result, "trained");
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    private static Command BuildForecast(CliConsole console)
    {
        var models = new Option<string>("--models") { Description = "Model folder written by 'deeprom hits train'.", Required = true };
        var data = new Option<string>("--data") { Description = "Test trajectories (same state dimension and dt as the training data).", Required = true };
        var levels = new Option<string>("--levels")
        {
            Description = "Levels the multiscale forecast couples: auto (the contiguous range with the lowest MSE on the validation set) or A-B.",
            DefaultValueFactory = _ => "auto",
        };
        var hybrid = new Option<string?>("--hybrid-rk4")
        {
            Description = "The system whose vector field classical RK4 integrates, for the hybrid (network anchors, RK4 fill) and RK4 at equal accuracy: " +
                          string.Join(", ", ChoiceName.All<OdeSystemKind>()) + ".",
        };
        hybrid.AcceptOnlyFromAmong([.. ChoiceName.All<OdeSystemKind>()]);
        var threads = new Option<int>("--threads") { Description = "libtorch threads (0 = one per core; the default 1 is fastest on a machine busy with other work).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var command = new Command("forecast", "Forecast test trajectories with every level and the multiscale coupling; writes MODELDIR/forecast-NAME/ with metrics.json, plots and report.html.");
        foreach (Option o in new Option[] { models, data, levels, hybrid, threads, json }) command.Add(o);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            string levelText = r.GetValue(levels)!;
            LevelRange? fixedLevels = levelText == "auto" ? null : LevelRange.Parse(levelText, "--levels");
            OdeSystemKind? system = r.GetValue(hybrid) is { } name ? ChoiceName.Parse<OdeSystemKind>(name, "--hybrid-rk4", "value") : null;
            HitsForecastResult result = Forecast(console, RunFolder.Existing(r.GetValue(models)!), r.GetValue(data)!, fixedLevels, system, r.GetValue(threads), ct);
            PrintForecast(console, r.GetValue(json), result);
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    internal static HitsTrainResult TrainWithProgress(CliConsole console, HitsRunConfig config, RunFolder folder, bool resume, CancellationToken ct, int? extendTo = null)
    {
        // A resumed run trains with the settings in its folder.
        if (resume && File.Exists(folder.File(HitsRun.ConfigFile))) config = folder.ReadJson<HitsRunConfig>(HitsRun.ConfigFile);
        int budget = extendTo ?? config.MaxIterations;
        int rounds = (config with { MaxIterations = budget, ValidateEvery = Math.Min(config.ValidateEvery, budget) }).Rounds;
        return console.WithTrainingProgress($"training levels {config.Levels} (one epoch = {config.ValidateEvery} minibatches)", rounds,
            progress => HitsRun.Train(config, folder, resume, progress, console.Log, ct, extendTo));
    }

    internal static HitsForecastResult Forecast(CliConsole console, RunFolder folder, string data, LevelRange? levels, OdeSystemKind? system, int threads,
        CancellationToken ct) =>
        console.WithProgress("forecasting (percent)", 100, p => HitsForecast.Run(folder, data, levels, system, threads, console.Log, p, ct));

    internal static void PrintTraining(CliConsole console, bool json, HitsTrainResult result, string verb)
    {
        var output = new JsonObject { ["model"] = result.Folder, ["report"] = Path.Combine(result.Folder, "report.html"), ["metrics"] = result.Metrics.DeepClone() };
        var losses = result.Metrics[HitsMetrics.ValidationLossPerLevel]!.AsObject().Select(kv => $"{kv.Key}: {Format(kv.Value)}");
        console.Result(json, output,
        [
            $"{verb}: {result.Folder}",
            $"{result.Metrics[HitsMetrics.Iterations]} iterations in {Format(result.Metrics[HitsMetrics.TrainSeconds])} s" +
            (result.State.EarlyStop is { } stop ? $" (stopped early: {stop})" : ""),
            $"best validation loss per level (standardised): {string.Join(", ", losses)}",
            $"report: {Path.Combine(result.Folder, "report.html")}",
        ]);
    }

    internal static void PrintForecast(CliConsole console, bool json, HitsForecastResult result)
    {
        var output = result.Metrics.DeepClone().AsObject();
        output["forecast"] = result.Folder;
        output["report"] = Path.Combine(result.Folder, "report.html");
        var m = result.Metrics;
        var lines = new List<string>
        {
            $"forecast: {result.Folder}",
            $"multiscale (levels {result.Used}) MSE {Format(m[HitsMetrics.MseMultiscale])} in {Format(m[HitsMetrics.SecondsMultiscale])} s; " +
            $"best single level {m[HitsMetrics.BestSingleLevel]} MSE {Format(m[HitsMetrics.MseBestSingle])}",
            $"MSE per level: {string.Join(", ", m[HitsMetrics.MsePerLevel]!.AsObject().Select(kv => $"{kv.Key}: {Format(kv.Value)}"))}",
        };
        if (m[HitsMetrics.SecondsSingle1Dt] is { } oneDt) lines.Add($"1-dt network alone: {Format(oneDt)} s for the test set");
        if (result.Fast is { } fast && result.FastLevels is { } f)
            lines.Add($"fast multiscale (levels {f}, as accurate on validation as the best single level): MSE {Format(fast.Mse)} in {Format(fast.Seconds)} s");
        if (result.Hybrid.Count > 0)
        {
            lines.Add($"hybrid (level {result.Used.Highest} anchors, RK4 fill): " +
                      string.Join(", ", result.Hybrid.Select(h => $"h = {h.StepSamples} dt MSE {Format(h.Mse)} ({Format(h.Seconds)} s)")));
            lines.Add(result.Rk4EqualAccuracy is { } e
                ? $"RK4 alone at equal accuracy: h = {e.StepSamples} dt, MSE {Format(e.Mse)} in {Format(e.Seconds)} s"
                : "RK4 alone: no step tried was as accurate as the multiscale forecast");
            lines.Add(result.AdaptiveEqualAccuracy is { } a
                ? $"adaptive RK45 at equal accuracy: rtol {Format(a.Tolerance ?? 0)}, MSE {Format(a.Mse)} in {Format(a.Seconds)} s"
                : "adaptive RK45: no tolerance tried was as accurate as the multiscale forecast");
        }
        lines.Add($"report: {Path.Combine(result.Folder, "report.html")}");
        console.Result(json, output, lines);
    }

    private static string Format(JsonNode? node) => node is null ? "n/a" : Format(node.GetValue<double>());

    private static string Format(double v) => Reporting.NumberText.Format(v);
}
