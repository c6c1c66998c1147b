using System.CommandLine;
using System.Text.Json.Nodes;
using DeepRom.Runs;
using DeepRom.Runs.Hits.Benchmark;

namespace DeepRom.Cli;

/// <summary><c>deeprom hits benchmark</c>: HiTS against the LSTM, echo-state and clockwork-RNN baselines on one sequence.</summary>
public static class HitsBenchmarkCommand
{
    public static Command Build(CliConsole console)
    {
        var defaults = new SequenceBenchmarkConfig { Data = "" };
        var data = new Option<string>("--data") { Description = "One sequence: a trajectories/1 file with states (1, S, d) on a uniform time axis.", Required = true };
        var models = new Option<string>("--models")
        {
            Description = $"Comma-separated models to compare: {string.Join(", ", ChoiceName.All<SequenceModelKind>())}.",
            DefaultValueFactory = _ => string.Join(",", defaults.Models.Select(ChoiceName.Of)),
        };
        var minutes = new Option<double>("--minutes") { Description = "Training wall time of each model, in minutes.", DefaultValueFactory = _ => defaults.Minutes };
        var protocol = new Option<string>("--protocol")
        {
            Description = "forecast: train on the first 80 % and generate the rest from the last training state; reproduce: the reference's protocol, " +
                          "train on the whole sequence and generate it again from x0.",
            DefaultValueFactory = _ => ChoiceName.Of(defaults.Protocol),
        };
        protocol.AcceptOnlyFromAmong([.. ChoiceName.All<BenchmarkProtocol>()]);
        var seed = new Option<int>("--seed") { Description = "Seed for the weights, reservoirs and windows.", DefaultValueFactory = _ => 0 };
        var ridge = new Option<double>("--esn-ridge") { Description = "Ridge regulariser of the echo-state readout (0: the pseudo-inverse, as the reference).", DefaultValueFactory = _ => defaults.EsnRidge };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (0 = one per core; the default 1 is fastest on a machine busy with other work).", DefaultValueFactory = _ => defaults.Threads };
        var output = new Option<string?>("--out") { Description = "Run folder (default: runs/hits-benchmark-DATE-TIME in the current folder): config.json, metrics.json, plots, report.html." };
        var force = new Option<bool>("--force") { Description = "Delete an existing run folder and start over." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout (progress goes to stderr)." };
        var command = new Command("benchmark", "Train HiTS and the sequence baselines (LSTM, echo-state network, clockwork RNN) on one sequence for equal wall time and compare what they generate.");
        foreach (Option o in new Option[] { data, models, minutes, protocol, seed, ridge, threads, output, force, json }) command.Add(o);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var config = defaults with
            {
                Data = Path.GetFullPath(r.GetValue(data)!),
                Models = ParseModels(r.GetValue(models)!),
                Minutes = r.GetValue(minutes),
                Protocol = ChoiceName.Parse<BenchmarkProtocol>(r.GetValue(protocol)!, "--protocol", "value"),
                Seed = r.GetValue(seed),
                Threads = r.GetValue(threads),
                EsnRidge = r.GetValue(ridge),
            };
            config.Validate();
            string path = r.GetValue(output) ?? Path.Combine("runs", $"hits-benchmark-{DateTime.Now:yyyyMMdd-HHmmss}");
            RunFolder OpenFolder()
            {
                if (r.GetValue(output) is null) Directory.CreateDirectory("runs");
                return RunFolder.Open(path, resume: false, force: r.GetValue(force));
            }
            SequenceBenchmarkResult result = console.WithProgress("benchmark (models done)", config.Models.Count,
                p => SequenceBenchmark.Run(config, OpenFolder, console.Log, p, ct));
            Print(console, r.GetValue(json), result);
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    private static IReadOnlyList<SequenceModelKind> ParseModels(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries).Select(name => ChoiceName.Parse<SequenceModelKind>(name, "--models", "value")).ToArray();

    private static void Print(CliConsole console, bool json, SequenceBenchmarkResult result)
    {
        var output = result.Metrics.DeepClone().AsObject();
        output["out"] = result.Folder;
        output["report"] = Path.Combine(result.Folder, "report.html");
        bool forecast = result.Config.Protocol == BenchmarkProtocol.Forecast;
        var lines = new List<string> { $"benchmark ({ChoiceName.Of(result.Config.Protocol)}): {result.Folder}" };
        foreach (var m in result.Models)
            lines.Add($"{ChoiceName.Of(m.Model)}: MSE {Format(m.Mse)}" + (forecast ? $", valid time {Format(m.Valid.Time)}" : "") +
                      $"; trained {Format(m.TrainSeconds)} s ({m.Epochs} epochs, {m.OptimizerSteps} steps), generated in {Format(m.GenerateSeconds)} s" +
                      (m.Levels is { } levels ? $"; levels {levels}" : ""));
        lines.Add($"report: {Path.Combine(result.Folder, "report.html")}");
        console.Result(json, output, lines);
    }

    private static string Format(double v) => Reporting.NumberText.Format(v);
}
