using System.Text.Json.Nodes;
using DeepRom.Runs.Hits;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom quickstart hits</c>: the time-stepper job end to end on the hyperbolic reference data.</summary>
public class QuickstartHitsTests
{
    [Fact]
    public async Task A_budget_below_one_minibatch_is_refused_before_anything_is_written()
    {
        using var scratch = new CliScratch();
        string run = scratch.File("qs");

        var outcome = await Cli.Run("quickstart", "hits", "--out", run, "--max-iterations", "0");

        outcome.AssertBadInput("--max-iterations", "at least 1");
        Assert.False(Directory.Exists(run));
    }

    [SlowFact]
    public async Task Quickstart_hits_generates_the_data_trains_every_level_and_forecasts_with_rk4_and_the_hybrid()
    {
        using var scratch = new CliScratch();
        string run = scratch.File("qs");

        var outcome = await Cli.Run("quickstart", "hits", "--out", run, "--max-iterations", "20", "--json");

        outcome.AssertSuccess();
        var json = JsonNode.Parse(outcome.Out)!.AsObject();
        Assert.Equal(20, (int)json["training"]![HitsMetrics.Iterations]!);
        Assert.Equal(11, json["forecast"]![HitsMetrics.MsePerLevel]!.AsObject().Count);
        Assert.NotNull(json["forecast"]![HitsMetrics.MseHybrid]);
        foreach (string file in new[] { "data/train.h5", "data/val.h5", "data/test.h5", "model.bin", "report.html", "forecast-test/report.html" })
            Assert.True(File.Exists(Path.Combine(run, file)), file);
    }
}
