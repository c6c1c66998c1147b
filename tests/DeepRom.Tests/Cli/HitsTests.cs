using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Runs.Hits;
using DeepRom.Tests.Data;

namespace DeepRom.Tests.Cli;

/// <summary>Tiny hyperbolic data (12 / 6 / 6 trajectories of 161 samples) and a hierarchy of levels 0-3 trained on it, made once.</summary>
public sealed class TinyHits : IDisposable
{
    public TinyHits()
    {
        Cli.Run("data", "ode", "--system", "hyperbolic", "--train", "12", "--val", "6", "--test", "6", "--points", "161", "--out-dir", Scratch.Path)
            .GetAwaiter().GetResult().AssertSuccess();
        Trained = Cli.Run(TrainArgs(Model, "--max-iterations", "40", "--json")).GetAwaiter().GetResult();
    }

    internal CliScratch Scratch { get; } = new();
    public string Train => Scratch.File("train.h5");
    public string Val => Scratch.File("val.h5");
    public string Test => Scratch.File("test.h5");
    public string Model => Scratch.File("model");
    internal CliOutcome Trained { get; }

    /// <summary>Training on the tiny set: levels 0-3 of 16-wide networks, minibatches of 8, a validation every 20.</summary>
    public string[] TrainArgs(string folder, params string[] extra) => TrainArgsWith(folder, "0-3", Val, extra);

    public string[] TrainArgsWith(string folder, string levels, string validation, params string[] extra) =>
    [
        "hits", "train", "--data", Train, "--val", validation, "--levels", levels, "--width", "16", "--batch", "8", "--validate-every", "20",
        "--threads", "1", "--out", folder, .. extra,
    ];

    public void Dispose() => Scratch.Dispose();
}

/// <summary><c>deeprom hits train</c> and <c>hits forecast</c> end to end on tiny data: folders, JSON, resume and refusals.</summary>
public class HitsTests(TinyHits tiny) : IClassFixture<TinyHits>
{
    private static JsonObject Json(CliOutcome outcome) => JsonNode.Parse(outcome.Out)!.AsObject();

    [Fact]
    public void Training_writes_the_model_folder_and_reports_every_level()
    {
        tiny.Trained.AssertSuccess();
        foreach (string name in new[] { "config.json", "model.json", "model.bin", "metrics.json", "report.html", "validation_loss.png" })
            Assert.True(File.Exists(Path.Combine(tiny.Model, name)), name);
        var metrics = Json(tiny.Trained)["metrics"]!.AsObject();
        Assert.Equal(40, (int)metrics[HitsMetrics.Iterations]!);
        var losses = metrics[HitsMetrics.ValidationLossPerLevel]!.AsObject();
        Assert.Equal(["0", "1", "2", "3"], losses.Select(kv => kv.Key));
        Assert.All(losses, kv => Assert.InRange((double)kv.Value!, 0, 1));
    }

    [Fact]
    public async Task Forecast_compares_every_level_the_multiscale_coupling_rk4_and_the_hybrid()
    {
        var outcome = await Cli.Run("hits", "forecast", "--models", tiny.Model, "--data", tiny.Test, "--hybrid-rk4", "hyperbolic", "--json");

        outcome.AssertSuccess();
        var json = Json(outcome);
        var perLevel = json[HitsMetrics.MsePerLevel]!.AsObject();
        Assert.Equal(4, perLevel.Count);
        double best = perLevel.Min(kv => (double)kv.Value!);
        Assert.Equal(best, (double)json[HitsMetrics.MseBestSingle]!);
        Assert.Equal(best, (double)perLevel[json[HitsMetrics.BestSingleLevel]!.ToString()]!);
        Assert.InRange((double)json[HitsMetrics.MseMultiscale]!, 0, 1);
        var selected = json[HitsMetrics.SelectedLevels]!.AsArray().Select(v => (int)v!).ToArray();
        Assert.InRange(selected[0], 0, selected[1]);
        Assert.InRange(selected[1], selected[0], 3);
        Assert.Equal(10, json[HitsMetrics.SelectionValidationMse]!.AsObject().Count);
        Assert.True((double)json[HitsMetrics.SecondsMultiscale]! > 0);
        Assert.True((double)json[HitsMetrics.SecondsSingle1Dt]! > 0);
        // RK4 at one dt is far more accurate than any network here, so an RK4 step at equal accuracy exists.
        Assert.True((double)json[HitsMetrics.Rk4]!.AsArray()[0]!["mse"]! < 1e-12);
        Assert.NotNull(json[HitsMetrics.Rk4EqualAccuracy]);
        Assert.InRange((double)json[HitsMetrics.MseHybrid]!, 0, 1);
        string folder = (string)json["forecast"]!;
        Assert.Equal(Path.Combine(tiny.Model, "forecast-test"), folder);
        foreach (string name in new[] { "metrics.json", "report.html", "error_vs_time.png", "accuracy_vs_cost.png", "trajectory_1.png" })
            Assert.True(File.Exists(Path.Combine(folder, name)), name);
    }

    [Fact]
    public async Task Given_levels_are_used_as_they_are_without_a_selection()
    {
        var outcome = await Cli.Run("hits", "forecast", "--models", tiny.Model, "--data", tiny.Val, "--levels", "1-2", "--json");

        outcome.AssertSuccess();
        var json = Json(outcome);
        Assert.Equal([1, 2], json[HitsMetrics.SelectedLevels]!.AsArray().Select(v => (int)v!));
        Assert.Null(json[HitsMetrics.SelectionValidationMse]);
        Assert.Null(json[HitsMetrics.Hybrid]);
    }

    [Fact]
    public async Task A_resumed_run_ends_where_an_uninterrupted_one_does()
    {
        string straight = tiny.Scratch.File("straight"), resumed = tiny.Scratch.File("resumed");
        (await Cli.Run(tiny.TrainArgs(straight, "--max-iterations", "40"))).AssertSuccess();
        (await Cli.Run(tiny.TrainArgs(resumed, "--max-iterations", "20"))).AssertSuccess();

        var outcome = await Cli.Run(tiny.TrainArgs(resumed, "--max-iterations", "40", "--resume"));

        outcome.AssertSuccess();
        Assert.Contains("resumed after epoch 1 of 2", outcome.Err);
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "model.bin")), File.ReadAllBytes(Path.Combine(resumed, "model.bin")));
        Assert.Contains("\"MaxIterations\": 40", File.ReadAllText(Path.Combine(resumed, "config.json")));
    }

    [Fact]
    public async Task Trajectories_too_short_for_the_largest_step_are_refused_before_anything_is_written()
    {
        string folder = tiny.Scratch.File("too-deep");

        var outcome = await Cli.Run(tiny.TrainArgsWith(folder, "0-6", tiny.Val));

        outcome.AssertBadInput(tiny.Train, "161 samples", "321", "64 dt");
        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("--levels", "0-5", "outside the trained levels 0-3")]
    [InlineData("--levels", "3-1", "must not exceed")]
    [InlineData("--levels", "two", "expected levels as A-B")]
    public async Task Forecast_levels_outside_what_was_trained_are_refused(string option, string value, string problem)
    {
        var before = Cli.Contents(tiny.Model);

        var outcome = await Cli.Run("hits", "forecast", "--models", tiny.Model, "--data", tiny.Test, option, value);

        outcome.AssertBadInput(option, problem);
        Cli.AssertUnchanged(before, tiny.Model);
    }

    [Fact]
    public async Task Data_of_another_state_dimension_is_refused()
    {
        string folder = tiny.Scratch.File("hopf");
        (await Cli.Run("data", "ode", "--system", "hopf", "--train", "1", "--val", "1", "--test", "2", "--points", "161", "--out-dir", folder)).AssertSuccess();
        var before = Cli.Contents(tiny.Model);

        var outcome = await Cli.Run("hits", "forecast", "--models", tiny.Model, "--data", Path.Combine(folder, "test.h5"));

        outcome.AssertBadInput("test.h5", "3 components", "trained on 2");
        Cli.AssertUnchanged(before, tiny.Model);
        (await Cli.Run("hits", "forecast", "--models", tiny.Model, "--data", tiny.Test, "--hybrid-rk4", "lorenz")).AssertBadInput("--hybrid-rk4", "lorenz", "3 state components");
    }

    [Fact]
    public async Task A_time_axis_that_is_not_uniform_is_refused()
    {
        var test = TrajectoryFile.Read(tiny.Test);
        double[] time = (double[])test.Time.Clone();
        time[50] += 0.004;
        string file = tiny.Scratch.File("jittered.h5");
        TrajectoryFile.Write(file, test with { Time = time }, force: true);
        var before = Cli.Contents(tiny.Model);

        var outcome = await Cli.Run("hits", "forecast", "--models", tiny.Model, "--data", file);

        outcome.AssertBadInput(file, "time", "not uniform", "sample 50");
        Cli.AssertUnchanged(before, tiny.Model);
        (await Cli.Run(tiny.TrainArgsWith(tiny.Scratch.File("jittered-run"), "0-3", file))).AssertBadInput(file, "not uniform");
        Assert.False(Directory.Exists(tiny.Scratch.File("jittered-run")));
    }

    [Fact]
    public async Task Non_finite_states_are_refused()
    {
        var test = TrajectoryFile.Read(tiny.Test);
        var raw = new RawDataset();
        double[] states = (double[])test.States.Clone();
        states[123] = double.NaN;
        raw.Arrays["states"] = (states, test.StateShape);
        raw.Arrays["time"] = (test.Time, [test.Steps]);
        raw.Texts[DeepRom.Data.Storage.TextItem.Format] = TrajectorySet.FormatTag;
        string file = tiny.Scratch.File("nan.h5");
        raw.Write(file, DataFileFormat.Hdf5);
        var before = Cli.Contents(tiny.Model);

        var outcome = await Cli.Run("hits", "forecast", "--models", tiny.Model, "--data", file);

        outcome.AssertBadInput(file, "states");
        Cli.AssertUnchanged(before, tiny.Model);
    }
}
