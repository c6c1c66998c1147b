using System.Text.Json.Nodes;
using DeepRom.Runs.Hits;
using DeepRom.Tests.Data;

namespace DeepRom.Tests.Cli;

/// <summary>
/// Trajectories of a system DeepRom does not know (a damped pendulum), written by h5py with only <c>states</c> and
/// <c>time</c>, train and forecast with the default options.
/// </summary>
public class HitsUserDataTests
{
    [PythonInteropFact]
    public async Task A_users_short_trajectories_train_the_levels_they_allow_and_forecast_with_the_defaults()
    {
        using var scratch = new CliScratch();
        PythonRunner.Script("write_pendulum.py", scratch.Path);
        string model = scratch.File("model");

        var train = await Cli.Run("hits", "train", "--data", scratch.File("train.h5"), "--val", scratch.File("val.h5"),
            "--max-iterations", "40", "--validate-every", "20", "--out", model, "--json");
        train.AssertSuccess();
        // 300 samples hold 5 steps of 32 dt (level 5) but not of 64 dt.
        Assert.Contains("train levels 0-5 of 0-10", train.Err);
        var losses = JsonNode.Parse(train.Out)!["metrics"]![HitsMetrics.ValidationLossPerLevel]!.AsObject();
        Assert.Equal(["0", "1", "2", "3", "4", "5"], losses.Select(kv => kv.Key));

        var forecast = await Cli.Run("hits", "forecast", "--models", model, "--data", scratch.File("test.h5"), "--json");
        forecast.AssertSuccess();
        var json = JsonNode.Parse(forecast.Out)!.AsObject();
        Assert.True((double)json[HitsMetrics.MseMultiscale]! is > 0 and < 10, json.ToJsonString());
        Assert.InRange((int)json[HitsMetrics.SelectedLevels]![1]!, 0, 5);
    }

    [Fact]
    public async Task Explicit_levels_the_trajectories_are_too_short_for_are_still_refused()
    {
        using var scratch = new CliScratch();
        (await Cli.Run("data", "ode", "--system", "hyperbolic", "--train", "4", "--val", "2", "--test", "2", "--points", "100", "--out-dir", scratch.Path))
            .AssertSuccess();

        var outcome = await Cli.Run("hits", "train", "--data", scratch.File("train.h5"), "--val", scratch.File("val.h5"), "--levels", "0-5",
            "--out", scratch.File("model"));

        outcome.AssertBadInput("100 samples", "level 5");
    }
}
