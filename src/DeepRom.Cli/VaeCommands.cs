using System.CommandLine;
using System.Text.Json.Nodes;
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
        var data = new Option<string>("--data") { Description = "Training snapshot file (snapshots/1, static 2-D fields).", Required = true };
        var test = new Option<string?>("--test") { Description = "Test snapshot file; without it a part of --data is held back (see --held-out)." };
        var heldOut = new Option<double>("--held-out") { Description = "Fraction of --data held back for testing when --test is absent.", DefaultValueFactory = _ => 0.2 };
        var prior = new Option<string>("--prior") { Description = "Latent prior: standard = N(0,I); scaled = N(0, diag(1,2,..)); hierarchical = learned p(z|xi)p(xi).", DefaultValueFactory = _ => "standard" };
        prior.AcceptOnlyFromAmong([.. ChoiceName.All<PriorKind>()]);
        var labels = new Option<int>("--labels") { Description = "Number of labelled training samples for the semi-supervised term -log q(z = theta | y).", DefaultValueFactory = _ => 0 };
        var preset = new Option<string>("--preset") { Description = "Schedule and architecture: fast (DeepRom's) or reference (seed 001's, hours per model).", DefaultValueFactory = _ => "fast" };
        preset.AcceptOnlyFromAmong("fast", "reference");
        var epochs = new Option<int?>("--epochs") { Description = "Override the preset's number of epochs (phases keep their fractions); with --resume, extend the run to this many epochs." };
        var seed = new Option<int>("--seed") { Description = "Random seed (initialisation, minibatches, noise, label choice, split).", DefaultValueFactory = _ => 0 };
        var latents = new Option<int?>("--latents") { Description = "Latent size (default: number of generative parameters, else 2)." };
        var normalisation = new Option<string>("--loss") { Description = "Loss normalisation: per-pixel (the reference's, beta ~2112x stronger than the ELBO's) or elbo.", DefaultValueFactory = _ => "per-pixel" };
        normalisation.AcceptOnlyFromAmong("per-pixel", "elbo");
        var beta = new Option<string?>("--beta-schedule") { Description = "adaptive (reference rule), linear, cyclical or constant (default: the preset's)." };
        beta.AcceptOnlyFromAmong([.. ChoiceName.All<BetaScheduleKind>()]);
        var hidden = new Option<int?>("--hidden") { Description = "Hidden width of the encoder/decoder MLPs (preset's default; 1152 = reference)." };
        var outputVariance = new Option<string?>("--output-variance") { Description = "Variance of p(y|z): learned (reference), calibrated (ML per pixel) or calibrated-per-channel (default: the preset's)." };
        outputVariance.AcceptOnlyFromAmong([.. ChoiceName.All<OutputVariance>()]);
        var encoders = new Option<string?>("--encoders") { Description = "Posterior mean and log-variance from separate encoders (the reference's) or one shared trunk (default: the preset's)." };
        encoders.AcceptOnlyFromAmong("separate", "shared");
        var nu = new Option<double?>("--nu") { Description = "Rate nu of the adaptive beta rule (reference 0.005; default: the preset's)." };
        var reconstructionEpochs = new Option<int?>("--reconstruction-epochs") { Description = "Epochs of the reconstruction-only phase before the KL term enters (default: the preset's)." };
        var checkpointMinutes = new Option<double>("--checkpoint-minutes") { Description = "Minutes between checkpoints.", DefaultValueFactory = _ => 2.0 };
        var run = RunOptions.Create("Run folder to write (config.json, metrics.json, checkpoints, plots, report.html).");
        var command = new Command("train", "Train a DenseVAE, evaluate it on the test set and write a run folder with metrics, plots and report.html.");
        foreach (Option o in new Option[] { data, test, heldOut, prior, labels, preset, epochs, seed, latents, normalisation, beta, nu, reconstructionEpochs, hidden, encoders, outputVariance, checkpointMinutes }) command.Add(o);
        run.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            PriorKind priorKind = ChoiceName.Parse<PriorKind>(r.GetValue(prior)!, "--prior", "value");
            VaeRunConfig config = VaeRunConfig.ForPreset(r.GetValue(preset)!, priorKind);
            config = Customise(config, r.GetValue(data)!, r.GetValue(test), r.GetValue(heldOut), r.GetValue(labels), r.GetValue(epochs),
                r.GetValue(seed), r.GetValue(latents), r.GetValue(normalisation)!, r.GetValue(beta), r.GetValue(nu), r.GetValue(reconstructionEpochs), r.GetValue(hidden), r.GetValue(encoders), r.GetValue(outputVariance), r.GetValue(checkpointMinutes));
            var (folder, json) = run.Open(r);
            VaeRunResult result = TrainWithProgress(console, config, folder, run.IsResume(r), ct, run.IsResume(r) ? r.GetValue(epochs) : null);
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
                var value = VaeRun.Evaluate(folder, r.GetValue(data)!, ct);
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

    internal static VaeRunConfig Customise(VaeRunConfig config, string data, string? test, double heldOut, int labels, int? epochs,
        int seed, int? latents, string normalisation, string? beta, double? nu, int? reconstructionEpochs, int? hidden, string? encoders, string? outputVariance, double checkpointMinutes)
    {
        TrainerConfig trainer = config.Trainer with { Seed = seed, CheckpointMinutes = checkpointMinutes };
        if (epochs is { } e)
        {
            if (e < 1) throw new InputException("--epochs", "value", "must be at least 1");
            trainer = trainer.RescaledTo(e);
        }
        if (beta is not null)
            trainer = trainer with { Beta = trainer.Beta with { Kind = ChoiceName.Parse<BetaScheduleKind>(beta, "--beta-schedule", "value") } };
        if (nu is { } rate)
        {
            if (!(rate > 0) || !double.IsFinite(rate)) throw new InputException("--nu", "value", "must be a positive number");
            trainer = trainer with { Beta = trainer.Beta with { Nu = rate } };
        }
        if (reconstructionEpochs is { } r)
        {
            if (r < 0 || r >= trainer.Epochs) throw new InputException("--reconstruction-epochs", "value", $"must be in 0..{trainer.Epochs - 1} (the run has {trainer.Epochs} epochs)");
            trainer = trainer with { Beta = trainer.Beta with { ReconstructionEpochs = r } };
        }
        if (hidden is < 1) throw new InputException("--hidden", "value", "must be at least 1");
        if (latents is < 1) throw new InputException("--latents", "value", "must be at least 1");
        if (labels < 0) throw new InputException("--labels", "value", "must be at least 0");
        return config with
        {
            TrainData = data,
            TestData = test,
            HeldOutFraction = heldOut,
            Labels = labels,
            Latents = latents,
            HiddenWidth = hidden ?? config.HiddenWidth,
            SeparateEncoders = encoders is null ? config.SeparateEncoders : encoders == "separate",
            OutputVariance = outputVariance is null ? config.OutputVariance : ChoiceName.Parse<OutputVariance>(outputVariance, "--output-variance", "value"),
            Normalisation = normalisation == "elbo" ? LossNormalisation.Elbo : LossNormalisation.PerPixelMean,
            Trainer = trainer,
        };
    }

    internal static void Print(CliConsole console, bool json, VaeRunResult result, string verb)
    {
        var metrics = new JsonObject();
        foreach (var (k, v) in result.Metrics) metrics[k] = v is { } x && double.IsFinite(x) ? x : null;
        var output = new JsonObject { ["run"] = result.Folder, ["report"] = Path.Combine(result.Folder, "report.html"), ["metrics"] = metrics };
        string F(string key) => result.Metrics.GetValueOrDefault(key) is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
        console.Result(json, output, new[]
        {
            $"{verb}: {result.Folder}",
            $"S_D (posterior means) {F("sd_mean")}, S_D (samples) {F("sd_samples")}, S_KL {F("s_kl")}, MIG {F("mig")}",
            $"S_D of the true parameters themselves on this test set {F("sd_theta")} (finite-sample correlation keeps it below 1)",
            $"reconstruction NLL/pixel {F("rec_nll")}, KL {F("kl")}, relative L2 {F("rel_l2")}",
            $"report: {Path.Combine(result.Folder, "report.html")}",
        });
    }
}
