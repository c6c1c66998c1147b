using System.CommandLine;
using System.Text.Json.Nodes;
using DeepRom.Metrics;
using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using DeepRom.Runs;
using DeepRom.Training;

namespace DeepRom.Cli;

/// <summary><c>deeprom vae train|evaluate</c>: disentangling VAEs on any static 2-D snapshot file.</summary>
public static class VaeCommands
{
    public static Command Build(CliConsole console)
    {
        var vae = new Command("vae", "Disentangling VAEs (seed 001): DenseVAE with standard, scaled or hierarchical prior, optional semi-supervision.");
        vae.Add(BuildTrain(console));
        vae.Add(BuildEvaluate(console));
        return vae;
    }

    private static Command BuildTrain(CliConsole console)
    {
        var options = new VaeTrainOptions();
        var run = RunOptions.Create("Run folder to write (config.json, metrics.json, checkpoints, plots, report.html).");
        var command = new Command("train", "Train a DenseVAE, evaluate it on the test set and write a run folder with metrics, plots and report.html.");
        options.AddTo(command);
        run.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            VaeRunConfig config = options.ToConfig(r);
            var (folder, json) = run.Open(r);
            VaeRunResult result = TrainWithProgress(console, config, folder, run.IsResume(r), ct, run.IsResume(r) ? r.GetValue(options.Epochs) : null);
            Print(console, json, result, "trained");
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    private static Command BuildEvaluate(CliConsole console)
    {
        var runOption = new Option<string>("--run") { Description = "Run folder written by 'deeprom vae train'.", Required = true };
        var data = new Option<string>("--data") { Description = "Snapshot file to evaluate on (same channels and grid as the training data).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var command = new Command("evaluate", "Re-evaluate a trained VAE on any snapshot file; writes RUN/evaluate-NAME/ with metrics, plots and report.html.");
        command.Add(runOption);
        command.Add(data);
        command.Add(json);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var folder = RunFolder.Existing(r.GetValue(runOption)!);
            VaeRunResult result = console.WithProgress("evaluating", 1, p =>
            {
                var value = VaeRun.Evaluate(folder, r.GetValue(data)!, ct, console.Log);
                p.Report(1);
                return value;
            });
            Print(console, r.GetValue(json), result, "evaluated");
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    internal static VaeRunResult TrainWithProgress(CliConsole console, VaeRunConfig config, RunFolder folder, bool resume, CancellationToken ct, int? extendTo = null)
    {
        int epochs = extendTo ?? config.Trainer.Epochs;
        return console.WithTrainingProgress($"training ({config.Prior}, {config.Preset})", epochs,
            progress => VaeRun.Train(config, folder, resume, progress, console.Log, ct, extendTo));
    }

    internal static void Print(CliConsole console, bool json, VaeRunResult result, string verb, string? experiment = null)
    {
        var metrics = new JsonObject();
        foreach (var (k, v) in result.Metrics) metrics[k] = v is { } x && double.IsFinite(x) ? x : null;
        var verdict = DisentanglementVerdict.From(result.Metrics);
        var output = new JsonObject { ["run"] = result.Folder, ["report"] = Path.Combine(result.Folder, "report.html"), ["metrics"] = metrics };
        if (verdict is not null) output["latent_space"] = ChoiceName.Of(verdict.Kind);
        string F(string key) => result.Metrics.GetValueOrDefault(key) is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
        string[] lines =
        [
            $"{verb}: {result.Folder}",
            $"S_D (posterior means) {F("sd_mean")}, S_D (samples) {F("sd_samples")}, S_KL {F("s_kl")}, MIG {F("mig")}",
            $"S_D of the true parameters themselves on this test set {F("sd_theta")} (finite-sample correlation keeps it below 1)",
            $"reconstruction NLL/pixel {F("rec_nll")}, KL {F("kl")}, relative L2 {F("rel_l2")}",
            .. (verdict is null ? Array.Empty<string>() : [$"latent space {verdict.Describe()}"]),
            .. LabelErrorLines(result.Metrics),
            $"report: {Path.Combine(result.Folder, "report.html")}",
            .. (experiment is null ? Array.Empty<string>() : [$"experiment: {experiment}"]),
        ];
        if (experiment is not null) output["experiment"] = experiment;
        console.Result(json, output, lines);
    }

    /// <summary>A semi-supervised run's parameters read off its latents, as errors in the user's units.</summary>
    private static IEnumerable<string> LabelErrorLines(Dictionary<string, double?> metrics)
    {
        var errors = metrics.Where(m => m.Key.StartsWith(VaeEvaluation.LabelRmsePrefix, StringComparison.Ordinal) && m.Value is not null)
            .Select(m => $"{m.Key[VaeEvaluation.LabelRmsePrefix.Length..]} {m.Value!.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}")
            .ToArray();
        if (errors.Length > 0) yield return $"parameters read off the posterior means, RMS error in the data's units: {string.Join(", ", errors)}";
    }
}
