using System.CommandLine;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Runs;
using DeepRom.Runs.Rom;
using DeepRom.Training;

namespace DeepRom.Cli;

/// <summary>
/// <c>deeprom quickstart rom</c>: the parametric-ROM job on embedded defaults. Generates the Burgers benchmark (80
/// training simulations on the 10 x 8 grid, 10 test simulations with the two literature points first), fits a
/// reduction, predicts every test simulation by slerp of the codes and writes the reports.
/// </summary>
public static class QuickstartRomCommand
{
    /// <summary>The reduction fitted by default.</summary>
    public const ReductionKind DefaultModel = ReductionKind.Pod;

    /// <summary>The latent budget, the size the literature compares at on this benchmark.</summary>
    public const int DefaultLatent = 20;

    public static Command Build(CliConsole console)
    {
        var run = RunOptions.Create("Run folder (default: runs/quickstart-rom-DATE-TIME in the current folder).");
        run.Out.Required = false;
        var model = new Option<string>("--model")
        {
            Description = $"The reduction (default {ChoiceName.Of(DefaultModel)}): " +
                          string.Join(", ", Enum.GetValues<ReductionKind>().Where(ReductionKinds.IsBuilt).Select(ChoiceName.Of)) + ".",
            DefaultValueFactory = _ => ChoiceName.Of(DefaultModel),
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the 8 random test points and of a network's training.", DefaultValueFactory = _ => 0 };
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs of a network (default: the model's own)." };
        var command = new Command("rom",
            $"Generate the parametric Burgers benchmark (80 training + 10 test simulations), fit a reduced-order model (latent {DefaultLatent}), " +
            "evaluate it by slerp at the test parameters and write report.html.");
        run.AddTo(command);
        command.Add(model);
        command.Add(seed);
        command.Add(epochs);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var kind = ChoiceName.Parse<ReductionKind>(r.GetValue(model)!, "--model", "value");
            int? epochCount = r.GetValue(epochs);
            if (epochCount is < 1) throw new InputException("--epochs", "value", "must be at least 1");
            if (epochCount is not null && !ReductionKinds.IsNeural(kind))
                throw new InputException("--epochs", "value", $"applies to the trained reductions, not to {ChoiceName.Of(kind)}");
            string path = r.GetValue(run.Out) ?? Path.Combine("runs", $"quickstart-rom-{DateTime.Now:yyyyMMdd-HHmmss}");
            if (r.GetValue(run.Out) is null) Directory.CreateDirectory("runs");
            bool resume = run.IsResume(r);
            var folder = run.Open(r, path);
            int s = r.GetValue(seed);
            console.Log($"quickstart rom: parametric Burgers, {ChoiceName.Of(kind)} at latent {DefaultLatent}, slerp of the codes, seed {s}");

            Directory.CreateDirectory(folder.File("data"));
            var data = new BurgersDataPair(folder.File(Path.Combine("data", "train.h5")), folder.File(Path.Combine("data", "test.h5")));
            data.Generate(s, (file, count, generate) => console.WithProgress($"Burgers simulations for {Path.GetFileName(file)}", count,
                p => generate(new SyncProgress<int>(n => p.Report(n)))), ct);

            string modelPath = folder.File("model");
            // Only a network's interrupted fit has something to continue; anything else in the model folder is fitted again.
            bool resuming = resume && File.Exists(Path.Combine(modelPath, RomRun.ConfigFile))
                && new Checkpoint(Path.Combine(modelPath, RomRun.CheckpointFolder)).Exists;
            var modelFolder = RunFolder.Open(modelPath, resume: resuming, force: !resuming);
            var config = resuming ? RomRun.ReadConfig(modelFolder) : RomRunConfig.Defaults(data.TrainFile, kind, DefaultLatent, s, epochCount);
            var fit = RomCommands.FitWithProgress(console, config, modelFolder, resuming, resuming ? epochCount : null, ct);
            var (fitSummary, fitLines) = RomCommands.Describe(fit, config);
            var evaluation = RomCommands.EvaluateWithProgress(console, modelFolder, data.TestFile, InterpolationKind.Slerp, extrapolate: false, loo: false, ct);
            var (output, lines) = RomCommands.Describe(evaluation, InterpolationKind.Slerp);
            var summary = new JsonObject { ["fit"] = fitSummary, ["evaluation"] = output };
            console.Result(r.GetValue(run.Json), summary,
            [
                "quickstart rom finished",
                .. fitLines.Where(l => !l.StartsWith("report:", StringComparison.Ordinal)),
                .. lines,
                $"experiment: parametric Burgers, {ChoiceName.Of(config.Reduction)} at latent {config.Latent}, slerp; literature points first",
            ]);
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }
}
