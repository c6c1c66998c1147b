using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Runs.Hits.Benchmark;

namespace DeepRom.Tests.Cli;

/// <summary>A short Kuramoto-Sivashinsky sequence (32 points, 300 snapshots), made once.</summary>
public sealed class TinyKs : IDisposable
{
    public TinyKs() =>
        Cli.Run("data", "ks", "--points", "32", "--domain-length", "22", "--snapshots", "300", "--transient", "100", "--out", Data)
            .GetAwaiter().GetResult().AssertSuccess();

    internal CliScratch Scratch { get; } = new();
    public string Data => Scratch.File("ks.h5");

    /// <summary>The sequence changed by <paramref name="change"/>, written as a new file.</summary>
    public string Variant(string name, Func<TrajectorySet, TrajectorySet> change)
    {
        string file = Scratch.File(name);
        TrajectoryFile.Write(file, change(TrajectoryFile.Read(Data)), force: true);
        return file;
    }

    public void Dispose() => Scratch.Dispose();
}

/// <summary><c>deeprom hits benchmark</c> end to end on a short sequence with a few seconds per model, and its refusals.</summary>
public class HitsBenchmarkTests(TinyKs ks) : IClassFixture<TinyKs>
{
    private static readonly string[] Models = ["hits", "lstm", "esn", "cwrnn"];

    private static JsonObject Json(CliOutcome outcome) => JsonNode.Parse(outcome.Out)!.AsObject();

    [Theory]
    [InlineData("forecast", 240, 60)]
    [InlineData("reproduce", 300, 299)]
    public async Task Every_model_trains_within_its_budget_and_generates_the_protocols_part(string protocol, int train, int generated)
    {
        string folder = ks.Scratch.File($"bench-{protocol}");

        var outcome = await Cli.Run("hits", "benchmark", "--data", ks.Data, "--minutes", "0.05", "--protocol", protocol, "--out", folder, "--json");

        outcome.AssertSuccess();
        var json = Json(outcome);
        Assert.Equal(protocol, (string)json[SequenceBenchmarkMetrics.Protocol]!);
        Assert.Equal(train, (int)json[SequenceBenchmarkMetrics.TrainSamples]!);
        Assert.Equal(generated, (int)json[SequenceBenchmarkMetrics.GeneratedSamples]!);
        foreach (string name in new[] { SequenceBenchmarkMetrics.Mse, SequenceBenchmarkMetrics.TrainSeconds, SequenceBenchmarkMetrics.GenerateSeconds, SequenceBenchmarkMetrics.Epochs })
            Assert.Equal(Models, json[name]!.AsObject().Select(kv => kv.Key));
        // KS states are of order one: any generated sequence that stays finite has an MSE far below 1e3.
        Assert.All(json[SequenceBenchmarkMetrics.Mse]!.AsObject(), kv => Assert.InRange((double)kv.Value!, 1e-12, 1e3));
        Assert.All(json[SequenceBenchmarkMetrics.Epochs]!.AsObject(), kv => Assert.True((int)kv.Value! >= 1, kv.Key));
        Assert.All(json[SequenceBenchmarkMetrics.GenerateSeconds]!.AsObject(), kv => Assert.True((double)kv.Value! > 0, kv.Key));
        // The budget is checked after each epoch: a model may overrun it by one epoch, never by much on this data.
        foreach (string model in new[] { "hits", "lstm", "cwrnn" })
            Assert.InRange((double)json[SequenceBenchmarkMetrics.TrainSeconds]![model]!, 3, 30);
        Assert.Equal(0, (int)json[SequenceBenchmarkMetrics.OptimizerSteps]!["esn"]!);
        Assert.NotNull(json[SequenceBenchmarkMetrics.HitsLevels]);
        if (protocol == "forecast")
            Assert.All(json[SequenceBenchmarkMetrics.ValidTime]!.AsObject(), kv => Assert.InRange((double)kv.Value!, 0, generated * 0.25));
        else
            Assert.Null(json[SequenceBenchmarkMetrics.ValidTime]);
        foreach (string name in new[] { "config.json", "metrics.json", "report.html", "spacetime.png", "error_vs_time.png" })
            Assert.True(File.Exists(Path.Combine(folder, name)), name);
    }

    [Theory]
    [InlineData("--models", "hits,gru", "unknown value 'gru'")]
    [InlineData("--minutes", "0", "positive")]
    [InlineData("--minutes", "-1", "positive")]
    [InlineData("--esn-ridge", "-1", ">= 0")]
    public async Task Bad_options_are_refused_before_anything_is_written(string option, string value, string problem)
    {
        string folder = ks.Scratch.File("refused");

        var outcome = await Cli.Run("hits", "benchmark", "--data", ks.Data, option, value, "--out", folder);

        outcome.AssertBadInput(option, problem);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_file_with_more_than_one_trajectory_is_refused()
    {
        string file = ks.Variant("two.h5", s => s with { States = [.. s.States, .. s.States], StateShape = [2, s.Steps, s.Dimension] });
        string folder = ks.Scratch.File("two");

        var outcome = await Cli.Run("hits", "benchmark", "--data", file, "--out", folder);

        outcome.AssertBadInput(file, "2 trajectories", "one sequence");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_time_axis_that_is_not_uniform_is_refused()
    {
        string file = ks.Variant("jittered.h5", s =>
        {
            double[] time = (double[])s.Time.Clone();
            time[100] += 0.01;
            return s with { Time = time };
        });
        string folder = ks.Scratch.File("jittered");

        var outcome = await Cli.Run("hits", "benchmark", "--data", file, "--out", folder);

        outcome.AssertBadInput(file, "not uniform", "sample 100");
        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData(8, "hits", "fewer than the 7", "rollout")]
    [InlineData(2, "lstm", "too short to split")]
    [InlineData(100, "esn", "fewer than the 102", "washout")]
    public async Task A_sequence_too_short_for_the_models_or_the_split_is_refused(int samples, string models, params string[] problem)
    {
        string file = ks.Variant($"short{samples}.h5", s => s with
        {
            States = s.States[..(samples * s.Dimension)],
            StateShape = [1, samples, s.Dimension],
            Time = s.Time[..samples],
        });
        string folder = ks.Scratch.File($"short{samples}");

        var outcome = await Cli.Run("hits", "benchmark", "--data", file, "--models", models, "--out", folder);

        outcome.AssertBadInput([file, .. problem]);
        Assert.False(Directory.Exists(folder));
    }
}
