using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Reductions;
using DeepRom.Runs;
using DeepRom.Runs.Rom;

namespace DeepRom.Cli;

/// <summary><c>deeprom rom fit|predict|evaluate</c>: parametric reduced-order models (a reduction plus a latent interpolation).</summary>
public static class RomCommands
{
    public static Command Build(CliConsole console)
    {
        var rom = new Command("rom", "Parametric reduced-order models (seed 000): a reduction of whole simulations plus an interpolation of their latent codes over the parameters.");
        rom.Add(BuildFit(console));
        rom.Add(BuildPredict(console));
        rom.Add(BuildEvaluate(console));
        return rom;
    }

    private static Option<string> InterpOption() => new("--interp")
    {
        Description = "How the code at a new point is obtained: slerp (spherical, pairwise over the cell's corners; on POD it acts on the centred coefficients), " +
                      "lerp (linear in the cell), rbf (thin-plate radial basis functions over all training points, exact at them) or " +
                      "conditioner (a small network from parameters to codes, trained by 'rom fit').",
        DefaultValueFactory = _ => ChoiceName.Of(InterpolationKind.Slerp),
    };

    private static Option<bool> ExtrapolationOption() => new("--allow-extrapolation")
    {
        Description = "Accept parameter points outside the hull of the training parameters, flagged as extrapolated: slerp and lerp use the code of the nearest point " +
                      "of the hull, rbf and conditioner evaluate their function there.",
    };

    private static Command BuildFit(CliConsole console)
    {
        var data = new Option<string?>("--data") { Description = "Training simulations: snapshots/1 with params (dynamic (P, T, C, *grid) with time, or static); required unless --resume." };
        var model = new Option<string>("--model")
        {
            Description = "The reduction: pod (proper orthogonal decomposition), lsh-vae (seed 000's hierarchical VAE: a main latent and one group per level, " +
                          "code size --latent), cae (convolutional autoencoder) or beta-vae (single-level VAE with annealed beta).",
            DefaultValueFactory = _ => ChoiceName.Of(ReductionKind.Pod),
        };
        var latent = new Option<int>("--latent")
        {
            Description = "The latent budget r: POD keeps at most this many modes (fewer when they capture 99.99 % of the energy); a network's code has exactly r entries.",
            DefaultValueFactory = _ => 20,
        };
        var epochs = new Option<int?>("--epochs")
        {
            Description = $"Training epochs of lsh-vae, cae or beta-vae (default {new Models.Rom.Reductions.LshVaeConfig().Epochs}, {RomRunConfig.CaeEpochs} and {RomRunConfig.BetaVaeEpochs}, sized for about 15 minutes " +
                          "on the Burgers benchmark with 2 cores; learning-rate steps and beta annealing keep their fractions); with --resume, extend the fit to this many epochs.",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of a network's initialisation and minibatches and of the conditioner's initial weights (POD itself is deterministic).", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out")
        {
            Description = "Model folder to write: config.json, model.json, metrics.json, plots, report.html and the reduction " +
                          "(pod.bin for POD; model.bin weights, codes.bin and checkpoint/ for a network), conditioner.json and .bin.",
            Required = true,
        };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted lsh-vae, cae or beta-vae fit in --out from its last checkpoint (its settings come from the folder's config.json)." };
        var force = new Option<bool>("--force") { Description = "Delete an existing model folder and write it again." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout (progress goes to stderr)." };
        var noAugmentation = new Option<bool>("--no-augmentation")
        {
            Description = "lsh-vae only: train without the public descendant's augmentation (mixup, amplitude scaling, input noise), which is on by default, " +
                          "as in the reference; on the settled limit cycles it cost accuracy (see the README).",
        };
        var timeStride = new Option<int?>("--time-stride")
        {
            Description = "lsh-vae only: the network sees every S-th time step and its output is interpolated linearly back to every step " +
                          "(default 1, every step, as in the reference). On Burgers, 4 with --epochs 900 met the 0.03 goal for every seed tried (see the README).",
        };
        var energy = new Option<double?>("--energy")
        {
            Description = "pod only: keep modes until they capture this fraction of the snapshot energy (default 0.9999), at most --latent. " +
                          "--energy 1 with a --latent of at least the number of training simulations keeps every mode, so interpolating the codes " +
                          "interpolates the training fields themselves (the no-reduction baseline).",
        };
        var command = new Command("fit", "Fit a parametric ROM to training simulations and write a model folder.");
        foreach (Option o in new Option[] { data, model, latent, epochs, seed, noAugmentation, timeStride, energy, output, resume, force, json }) command.Add(o);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            string path = r.GetValue(output)!;
            bool resuming = r.GetValue(resume);
            if (resuming && r.GetValue(force)) throw new InputException("--resume", "--force", "choose one: resume the fit or start it over");
            int? epochCount = r.GetValue(epochs);
            if (epochCount is < 1) throw new InputException("--epochs", "value", $"must be at least 1, got {epochCount}");
            RomRunConfig config;
            RunFolder folder;
            if (resuming)
            {
                foreach (var (name, isSet) in new[] { ("--no-augmentation", r.GetValue(noAugmentation)), ("--energy", r.GetValue(energy) is not null), ("--time-stride", r.GetValue(timeStride) is not null) })
                    if (isSet) throw new InputException(name, "value", "--resume continues with the settings in the folder's config.json");
                folder = RunFolder.Open(path, resume: true, force: false);
                config = RomRun.ReadConfig(folder);
                if (r.GetValue(data) is { } given && Path.GetFullPath(given) != config.TrainData)
                    throw new InputException("--data", "value", $"the fit in {path} was started on {config.TrainData}; --resume continues it on that file (leave --data out)");
            }
            else
            {
                if (r.GetValue(data) is null) throw new InputException("--data", "value", "is required (or give --resume to continue the fit in --out)");
                var kind = ChoiceName.Parse<ReductionKind>(r.GetValue(model)!, "--model", "value");
                if (epochCount is not null && !ReductionKinds.IsNeural(kind))
                    throw new InputException("--epochs", "value", $"applies to the trained reductions (lsh-vae, cae, beta-vae), not to {ChoiceName.Of(kind)}");
                int budget = r.GetValue(latent);
                if (budget < 1) throw new InputException("--latent", "value", $"must be at least 1, got {budget}");
                config = RomRunConfig.Defaults(Path.GetFullPath(r.GetValue(data)!), kind, budget, r.GetValue(seed), epochCount);
                if (r.GetValue(energy) is { } fraction)
                {
                    if (ReductionKinds.IsNeural(kind)) throw new InputException("--energy", "value", $"applies to pod, not to {ChoiceName.Of(kind)}");
                    if (!(fraction > 0 && fraction <= 1)) throw new InputException("--energy", "value", $"must be in (0, 1], got {fraction}");
                    config = config with { EnergyTarget = fraction };
                }
                if (r.GetValue(noAugmentation))
                {
                    if (config.LshVae is null) throw new InputException("--no-augmentation", "value", $"applies to lsh-vae, not to {ChoiceName.Of(kind)}");
                    config = config with { LshVae = config.LshVae with { Augmentation = LshVaeAugmentation.Off } };
                }
                if (r.GetValue(timeStride) is { } stride)
                {
                    if (config.LshVae is null) throw new InputException("--time-stride", "value", $"applies to lsh-vae, not to {ChoiceName.Of(kind)}");
                    if (stride < 1) throw new InputException("--time-stride", "value", $"must be at least 1, got {stride}");
                    config = config with { LshVae = config.LshVae with { TimeStride = stride } };
                }
                if (!r.GetValue(force) && Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
                    throw new InputException(path, "model folder", "already exists (use --force to replace it, or --resume to continue an interrupted fit)");
                folder = RunFolder.Open(path, resume: false, force: r.GetValue(force));
            }
            RomFitResult result = FitWithProgress(console, config, folder, resuming, epochCount, ct);
            var (summary, lines) = Describe(result, config);
            console.Result(r.GetValue(json), summary, lines);
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    private static Command BuildPredict(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "Model folder written by 'deeprom rom fit'.", Required = true };
        var param = new Option<string>("--param") { Description = "The parameter point: one number per parameter, comma-separated (decimal point), e.g. 4.3,0.021.", Required = true };
        var interp = InterpOption();
        var extrapolate = ExtrapolationOption();
        var io = new OutputOptions("File to write the predicted simulation to (snapshots/1, .h5 or .npz).");
        var command = new Command("predict", "Predict the whole simulation at a parameter point and write it as a one-simulation snapshot file.");
        foreach (Option o in new Option[] { model, param, interp, extrapolate }) command.Add(o);
        io.AddTo(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var kind = ChoiceName.Parse<InterpolationKind>(r.GetValue(interp)!, "--interp", "value");
            double[] point = ParsePoint(r.GetValue(param)!);
            var (path, format, force, json) = io.Resolve(r);
            AtomicFile.EnsureWritable(path, force);
            using var rom = RomRun.Load(RunFolder.Existing(r.GetValue(model)!));
            var (set, prediction, seconds) = RomRun.Predict(rom, point, kind, r.GetValue(extrapolate), "--param");
            SnapshotFile.Write(path, set, force, format);
            var result = new JsonObject
            {
                ["file"] = Path.GetFullPath(path),
                ["params"] = new JsonArray(point.Select(v => (JsonNode)v).ToArray()),
                ["interpolation"] = ChoiceName.Of(kind),
                ["extrapolated"] = prediction.Latent.Extrapolated,
                ["fields_shape"] = new JsonArray(set.FieldShape.Select(v => (JsonNode)v).ToArray()),
                ["seconds_predict"] = seconds,
            };
            console.Result(json, result,
            [
                $"wrote the prediction at {ReducedOrderModel.Describe(point)} ({ChoiceName.Of(kind)}) to {path}: fields ({string.Join(", ", set.FieldShape)}), {1000 * seconds:0.00} ms",
                .. (prediction.Latent.Extrapolated ? new[] { $"warning: the point lies outside the training hull; this is an extrapolation ({Extrapolation(kind)})" } : []),
            ]);
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    private static Command BuildEvaluate(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "Model folder written by 'deeprom rom fit'.", Required = true };
        var data = new Option<string>("--data") { Description = "Test simulations with params (same time axis, channels and grid as the training data).", Required = true };
        var interp = InterpOption();
        var extrapolate = ExtrapolationOption();
        var loo = new Option<bool>("--loo")
        {
            Description = "Also the leave-one-out error over the training simulations: predict each from the others (points outside the others' hull are skipped and counted). " +
                          "POD is refitted without each; a network is not retrained (hours), only the interpolation leaves the point out, so its estimate is optimistic about the reduction.",
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var command = new Command("evaluate", "Evaluate a fitted ROM on test simulations; writes MODELDIR/evaluate-NAME-INTERP/ with metrics.json, plots and report.html.");
        foreach (Option o in new Option[] { model, data, interp, extrapolate, loo, json }) command.Add(o);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var kind = ChoiceName.Parse<InterpolationKind>(r.GetValue(interp)!, "--interp", "value");
            var folder = RunFolder.Existing(r.GetValue(model)!);
            RomEvaluationResult result = EvaluateWithProgress(console, folder, r.GetValue(data)!, kind, r.GetValue(extrapolate), r.GetValue(loo), ct);
            var (output, lines) = Describe(result, kind);
            console.Result(r.GetValue(json), output, lines);
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }

    /// <summary>Fits <paramref name="config"/> into <paramref name="folder"/> with the progress line a fit gets (epochs for a network).</summary>
    internal static RomFitResult FitWithProgress(CliConsole console, RomRunConfig config, RunFolder folder, bool resuming, int? epochCount, CancellationToken ct)
    {
        string name = ChoiceName.Of(config.Reduction);
        return config.Trainer is { } trainer
            ? console.WithTrainingProgress($"fitting {name}", resuming && epochCount is { } e ? Math.Max(e, trainer.Epochs) : trainer.Epochs,
                progress => RomRun.Fit(config, folder, console.Log, resuming, resuming ? epochCount : null, progress, ct))
            : console.WithProgress($"fitting {name} and the conditioner", 1, p =>
            {
                var value = RomRun.Fit(config, folder, console.Log, resuming, null, null, ct);
                p.Report(1);
                return value;
            });
    }

    /// <summary>A fit's JSON summary and its lines for the terminal.</summary>
    internal static (JsonObject Summary, string[] Lines) Describe(RomFitResult result, RomRunConfig config)
    {
        string name = ChoiceName.Of(config.Reduction);
        var metrics = new JsonObject();
        foreach (var (k, v) in result.Metrics) metrics[k] = v;
        var summary = new JsonObject
        {
            ["model"] = result.Folder, ["reduction"] = name, ["report"] = Path.Combine(result.Folder, "report.html"), ["stencil"] = result.Stencil, ["metrics"] = metrics,
        };
        var m = result.Metrics;
        string reduction = m.ContainsKey(RomMetrics.EnergyCaptured)
            ? $"{Format(m[RomMetrics.LatentSize])} modes capture {Format(100 * m[RomMetrics.EnergyCaptured])} % of the energy"
            : $"{name}: code size {Format(m[RomMetrics.LatentSize])}, {Format(m[RomMetrics.Epochs])} epochs, training mse {Format(m.GetValueOrDefault(RomMetrics.TrainingMse))} (standardised units)";
        return (summary,
        [
            $"fitted: {result.Folder}",
            $"{reduction}; {Format(m[RomMetrics.TrainingSimulations])} training simulations, {Format(m[RomMetrics.FitSeconds])} s",
            $"interpolation: {result.Stencil}",
            $"conditioner trained in {Format(result.Metrics.GetValueOrDefault(RomMetrics.ConditionerFitSeconds))} s, " +
            $"RMS training error {Format(result.Metrics.GetValueOrDefault(RomMetrics.ConditionerTrainingRms))} of the standardised codes",
            $"report: {Path.Combine(result.Folder, "report.html")}",
        ]);
    }

    /// <summary>Evaluates the model in <paramref name="folder"/> on <paramref name="data"/> with a progress line.</summary>
    internal static RomEvaluationResult EvaluateWithProgress(CliConsole console, RunFolder folder, string data, InterpolationKind kind, bool extrapolate, bool loo, CancellationToken ct) =>
        console.WithProgress("evaluating", 1, p =>
        {
            var value = RomEvaluation.Run(folder, data, kind, extrapolate, loo, console.Log, null, ct);
            p.Report(1);
            return value;
        });

    /// <summary>An evaluation's JSON and its lines for the terminal.</summary>
    internal static (JsonObject Output, List<string> Lines) Describe(RomEvaluationResult result, InterpolationKind kind)
    {
        var output = RomEvaluation.ToJson(result);
        output["evaluation"] = result.Folder;
        output["report"] = Path.Combine(result.Folder, "report.html");
        var m = result.Metrics;
        var lines = new List<string>
        {
            $"evaluated ({ChoiceName.Of(kind)}): {result.Folder}",
            $"relative L2 mean {Format(m[RomMetrics.RelL2Mean])}, max {Format(m[RomMetrics.RelL2Max])}; the reduction alone (encode, decode) {Format(m[RomMetrics.ReconstructionRelL2])}",
            $"prediction {Format(1000 * m[RomMetrics.SecondsPredict])} ms per simulation" +
            (m.GetValueOrDefault(RomMetrics.Speedup) is { } speedup ? $", solver {Format(1000 * m[RomMetrics.SolverSeconds])} ms: speed-up {Format(speedup)}" : ""),
        };
        lines.AddRange(result.Points.Select(p => $"  {ReducedOrderModel.Describe(p.Params)}: relative L2 {Format(p.RelL2)}, max |error| {Format(p.MaxAbsErr)}{(p.Extrapolated ? " (extrapolated)" : "")}"));
        if (result.Loo is { } l)
            lines.Add($"leave-one-out relative L2 mean {Format(l.Count > 0 ? l.Mean : null)} over {l.Count} training simulations; {l.Skipped} skipped (outside the others' hull)" +
                      (l.ReductionRefitted ? "" : "; interpolation only: the network was trained on every simulation, the left-out one included"));
        lines.Add($"report: {Path.Combine(result.Folder, "report.html")}");
        return (output, lines);
    }

    private static string Extrapolation(InterpolationKind kind) =>
        InterpolationKinds.IsStencil(kind) ? "the code of the nearest point of the hull" : $"the {ChoiceName.Of(kind)} evaluated outside the points it was fitted to";

    /// <summary>"4.3,0.021" as numbers; anything else is refused naming --param.</summary>
    private static double[] ParsePoint(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InputException("--param", "value", "is empty (expected one number per parameter, comma-separated)");
        return text.Split(',').Select(item =>
        {
            string t = item.Trim();
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw new InputException("--param", $"'{t}'", "is not a number (expected one number per parameter, comma-separated, decimal point)");
            if (!double.IsFinite(v)) throw new InputException("--param", $"'{t}'", "must be a finite number");
            return v;
        }).ToArray();
    }

    private static string Format(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";
}
