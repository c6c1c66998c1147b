using System.Text.Json;
using System.Text.Json.Nodes;
using DeepRom.Data;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom vae train</c> and <c>vae evaluate</c> end to end on tiny data: the run folder, JSON output, resume and refusal.</summary>
[Collection(TinyDarcyCollection.Name)]
public class VaeTrainTests(TinyDarcyRun tiny)
{
    private static readonly string[] MetricKeys = ["sd_mean", "sd_samples", "s_kl", "mig", "r2_linear", "rec_nll", "kl", "rel_l2", "train_seconds"];

    private JsonObject Metrics(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!.AsObject();

    [Fact]
    public void Training_writes_the_run_folder_with_config_model_metrics_plots_and_a_self_contained_report()
    {
        tiny.Trained.AssertSuccess();
        foreach (string name in new[] { "config.json", "model.json", "model.bin", "metrics.json", "report.html", "loss.png", "beta.png", "reconstruction.png" })
            Assert.True(File.Exists(Path.Combine(tiny.Run, name)), $"{name} is missing");
        JsonObject metrics = Metrics(tiny.Run);
        foreach (string key in MetricKeys) Assert.True(metrics.ContainsKey(key), $"metrics.json lacks {key}");
        Assert.Equal(2, (int)metrics["epochs"]!);
        Assert.Equal(12, (int)metrics["test_samples"]!);
        Assert.True((double)metrics["train_seconds"]! > 0);
        string html = File.ReadAllText(Path.Combine(tiny.Run, "report.html"));
        Assert.Contains("data:image/png;base64", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain(".png\"", html); // figures are embedded, not linked
        Assert.Empty(Cli.TempFilesIn(tiny.Run));
    }

    [Fact]
    public void Json_prints_only_the_run_report_and_metrics()
    {
        using var doc = JsonDocument.Parse(tiny.Trained.Out);
        Assert.Equal(Path.GetFullPath(tiny.Run), doc.RootElement.GetProperty("run").GetString());
        Assert.EndsWith("report.html", doc.RootElement.GetProperty("report").GetString());
        var metrics = doc.RootElement.GetProperty("metrics");
        foreach (string key in MetricKeys) Assert.True(metrics.TryGetProperty(key, out _), $"JSON lacks {key}");
        Assert.Contains("epoch", tiny.Trained.Err); // progress went to stderr
    }

    [Fact]
    public async Task Evaluate_re_scores_the_run_on_another_file_and_prints_json()
    {
        var outcome = await Cli.Run("vae", "evaluate", "--run", tiny.Run, "--data", tiny.Test, "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        string folder = doc.RootElement.GetProperty("run").GetString()!;
        Assert.Equal(Path.Combine(Path.GetFullPath(tiny.Run), "evaluate-test"), folder);
        Assert.Equal(12, doc.RootElement.GetProperty("metrics").GetProperty("test_samples").GetInt32());
        Assert.True(doc.RootElement.GetProperty("metrics").GetProperty("rel_l2").GetDouble() > 0);
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
        Assert.True(File.Exists(Path.Combine(folder, "metrics.json")));
    }

    [Fact]
    public async Task Evaluate_refuses_a_file_whose_grid_does_not_fit_the_model()
    {
        string other = tiny.File("grid19.h5");
        if (!File.Exists(other))
            (await Cli.Run("data", "darcy", "--nodes", "19", "--count", "4", "--out", other)).AssertSuccess();

        var outcome = await Cli.Run("vae", "evaluate", "--run", tiny.Run, "--data", other);

        outcome.AssertBadInput("grid19.h5", "19");
        Assert.False(Directory.Exists(Path.Combine(tiny.Run, "evaluate-grid19")));
    }

    [Fact]
    public async Task Resuming_a_finished_run_exits_zero_without_training_again()
    {
        double seconds = (double)Metrics(tiny.Run)["train_seconds"]!;

        var outcome = await Cli.Run(tiny.TrainArgs(tiny.Run, "--test", tiny.Test, "--resume"));

        outcome.AssertSuccess();
        Assert.Contains("resumed after epoch 2 of 2", outcome.Err);
        Assert.DoesNotContain("epoch 1/2", outcome.Err);
        JsonObject metrics = Metrics(tiny.Run);
        Assert.Equal(2, (int)metrics["epochs"]!);
        Assert.Equal(seconds, (double)metrics["train_seconds"]!);
    }

    [Fact]
    public async Task An_existing_run_folder_is_refused_without_resume_or_force_and_left_untouched()
    {
        var before = Cli.Contents(tiny.Run);

        var outcome = await Cli.Run(tiny.TrainArgs(tiny.Run, "--test", tiny.Test));

        outcome.AssertBadInput(tiny.Run, "already exists");
        Cli.AssertUnchanged(before, tiny.Run);
    }

    [Fact]
    public async Task Resume_and_force_together_are_refused_and_the_folder_left_untouched()
    {
        var before = Cli.Contents(tiny.Run);

        var outcome = await Cli.Run(tiny.TrainArgs(tiny.Run, "--test", tiny.Test, "--resume", "--force"));

        outcome.AssertBadInput("--resume", "--force");
        Cli.AssertUnchanged(before, tiny.Run);
    }

    [Fact]
    public async Task Without_a_test_file_a_fifth_of_the_data_is_held_back()
    {
        string run = tiny.File("held-out");

        var outcome = await Cli.Run(tiny.TrainArgs(run, "--epochs", "1"));

        outcome.AssertSuccess();
        JsonObject metrics = Metrics(run);
        Assert.Equal((int)Math.Round(0.2 * 24), (int)metrics["test_samples"]!);
        Assert.Equal(1, (int)metrics["epochs"]!);
        Assert.Null(JsonNode.Parse(File.ReadAllText(Path.Combine(run, "config.json")))!["TestData"]);
    }

    [Fact]
    public async Task Held_out_sets_the_size_of_the_held_back_split()
    {
        string run = tiny.File("held-out-half");

        var outcome = await Cli.Run(tiny.TrainArgs(run, "--epochs", "1", "--held-out", "0.5"));

        outcome.AssertSuccess();
        Assert.Equal(12, (int)Metrics(run)["test_samples"]!);
    }

    [Fact]
    public async Task Resume_with_more_epochs_extends_a_finished_run_and_fewer_is_refused()
    {
        string run = tiny.File("extended");
        (await Cli.Run(tiny.TrainArgs(run, "--test", tiny.Test, "--epochs", "2"))).AssertSuccess();
        byte[] metricsBefore = File.ReadAllBytes(Path.Combine(run, "metrics.json"));
        (await Cli.Run(tiny.TrainArgs(run, "--test", tiny.Test, "--epochs", "1", "--resume"))).AssertBadInput("--epochs", "extended");
        Assert.Equal(metricsBefore, File.ReadAllBytes(Path.Combine(run, "metrics.json")));
        (await Cli.Run(tiny.TrainArgs(run, "--test", tiny.Test, "--epochs", "3", "--resume"))).AssertSuccess();
        Assert.Equal(3, (int)Metrics(run)["epochs"]!);
        Assert.Contains("\"Epochs\": 3", File.ReadAllText(Path.Combine(run, "config.json")));
    }

    [Fact]
    public async Task A_per_channel_output_variance_is_kept_through_the_checkpoint_and_re_evaluation()
    {
        string run = tiny.File("per-channel");
        (await Cli.Run(tiny.TrainArgs(run, "--test", tiny.Test, "--output-variance", "calibrated-per-channel"))).AssertSuccess();
        Assert.Contains("\"CalibratedPerChannel\"", File.ReadAllText(Path.Combine(run, "config.json")));
        var outcome = await Cli.Run("vae", "evaluate", "--run", run, "--data", tiny.Test, "--json");
        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.Equal((double)Metrics(run)["rec_nll"]!, doc.RootElement.GetProperty("metrics").GetProperty("rec_nll").GetDouble(), 6);
    }
}
