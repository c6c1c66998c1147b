using System.CommandLine;
using DeepRom.Data;
using DeepRom.Models.Priors;
using DeepRom.Physics.Darcy;
using DeepRom.Runs;

namespace DeepRom.Cli;

/// <summary>
/// <c>deeprom quickstart</c>: the main job on embedded defaults. Generates a KLE2 Darcy set with theta ~ N(0, I)
/// (512 training + 512 test samples), trains the fast DenseVAE, evaluates it and writes the report.
/// </summary>
public static class QuickstartCommand
{
    public const int TrainSamples = 512;
    public const int TestSamples = 512;

    public static Command Build(CliConsole console)
    {
        var run = RunOptions.Create("Run folder (default: runs/quickstart-DATE-TIME in the current folder).");
        run.Out.Required = false;
        var seed = new Option<int>("--seed") { Description = "Seed for data and training.", DefaultValueFactory = _ => 0 };
        var epochs = new Option<int?>("--epochs") { Description = "Override the fast preset's number of epochs." };
        var labels = VaeTrainOptions.LabelsOption();
        var command = new Command("quickstart", "Generate Darcy KLE2 data (512 train + 512 test), train a disentangling VAE (unsupervised unless --labels), evaluate it and write report.html.");
        run.AddTo(command);
        command.Add(seed);
        command.Add(epochs);
        command.Add(labels);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            int labelled = VaeTrainOptions.CheckedLabels(r, labels);
            if (labelled > TrainSamples) throw new InputException("--labels", "value", $"{labelled} is more than the {TrainSamples} training samples");
            string path = r.GetValue(run.Out) ?? Path.Combine("runs", $"quickstart-{DateTime.Now:yyyyMMdd-HHmmss}");
            if (r.GetValue(run.Out) is null) Directory.CreateDirectory("runs");
            bool resume = run.IsResume(r);
            var folder = run.Open(r, path);
            int s = r.GetValue(seed);
            string dataFolder = folder.File("data");
            Directory.CreateDirectory(dataFolder);
            var data = new DarcyDataPair(Path.Combine(dataFolder, "train.h5"), Path.Combine(dataFolder, "test.h5"));
            if (!data.Exists)
            {
                KleExpansion kle = console.WithProgress("KLE modes (S = 2)", 1, p =>
                {
                    var e = new KleCache(KleCache.DefaultFolder()).GetOrCompute(65, 0.1, 2, ct);
                    p.Report(1);
                    return e;
                });
                data.Generate(kle, ThetaDistribution.Normal, TrainSamples, TestSamples, s,
                    (file, count, generate) => console.WithProgress($"Darcy solves for {Path.GetFileName(file)}", count,
                        p => generate(new SyncProgress<int>(n => p.Report(n)))), ct);
            }
            VaeRunConfig vae = VaeRunConfig.Fast(PriorKind.Standard) with { TrainData = data.TrainFile, TestData = data.TestFile };
            vae = vae with { Labels = labelled, Trainer = vae.Trainer with { Seed = s } };
            if (r.GetValue(epochs) is { } e) vae = vae with { Trainer = vae.Trainer.RescaledTo(e) };
            VaeRunResult result = VaeCommands.TrainWithProgress(console, vae, folder, resume && File.Exists(folder.File(VaeRun.ConfigFile)), ct);
            VaeCommands.Print(console, r.GetValue(run.Json), result, "quickstart finished");
            return Task.FromResult(DeepRomCli.Success);
        });
        return command;
    }
}
