using System.Text.Json.Nodes;
using DeepRom.Models.Vae;
using DeepRom.Models.Priors;
using DeepRom.Runs;
using DeepRom.Runs.Experiments;
using DeepRom.Tests.Build;

namespace DeepRom.Tests.Runs;

/// <summary>Run folders and study summaries written while the KL schedule was a trainer setting still read.</summary>
public class LegacyLayoutTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deeprom-legacy-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_run_config_with_the_schedule_under_the_trainer_reads_with_it_as_the_objectives()
    {
        var config = VaeRunConfig.Fast(PriorKind.Standard).RescaledTo(30) with { Beta = new BetaSchedule { Kind = BetaScheduleKind.Linear, Nu = 0.2, RampEpochs = 7 } };
        var run = RunFolder.Open(folder, resume: false, force: true);
        run.WriteJson(VaeRun.ConfigFile, config);
        string path = run.File(VaeRun.ConfigFile);
        var old = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var beta = old["Beta"]!;
        old.Remove("Beta");
        old["Trainer"]!.AsObject()["Beta"] = beta;
        File.WriteAllText(path, old.ToJsonString());

        VaeRunConfig read = VaeRun.ReadConfig(RunFolder.Existing(folder));
        Assert.Equal(config.Beta, read.Beta);
        Assert.Equal(config.Trainer.Epochs, read.Trainer.Epochs);
        Assert.Equal(config.Trainer.LearningRate.Starts, read.Trainer.LearningRate.Starts);
    }

    [Theory]
    [InlineData("vae-priors")]
    [InlineData("vae-semi-supervised")]
    public void The_committed_studies_still_count_their_recorded_trials_as_finished(string study)
    {
        string root = Path.Combine(LibTorchCompatibilityTests.RepositoryRoot(), "experiments", study);
        string summary = Path.Combine(root, "results", "summary.json");
        File.Copy(summary, Path.Combine(folder, "summary.json"));
        var runner = new ExperimentRunner(ExperimentConfig.Read(Path.Combine(root, "config.json")), folder);

        var recorded = runner.RecordedTrials(runner.TrialConfigs());

        Assert.Equal(JsonNode.Parse(File.ReadAllText(summary))!["trials"]!.AsArray().Count, recorded.Count);
        Assert.NotEmpty(recorded);
    }
}
