using System.Text.Json.Nodes;
using DeepRom.Data;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom data pod-coefficients</c>: a dynamic snapshot file in, one trajectory of POD coefficients out, bad options refused.</summary>
public class DataPodCoefficientsTests
{
    /// <summary>Three simulations of a travelling wave on 16 points, 30 steps, channels u and w.</summary>
    private static string WriteWaves(CliScratch scratch)
    {
        const int p = 3, t = 30, c = 2, n = 16;
        var fields = new float[p * t * c * n];
        for (int k = 0; k < p; k++)
            for (int s = 0; s < t; s++)
                for (int ch = 0; ch < c; ch++)
                    for (int i = 0; i < n; i++)
                        fields[((k * t + s) * c + ch) * n + i] = (float)((ch + 1) * Math.Sin(2 * Math.PI * i / n - 0.3 * (k + 1) * s));
        var set = new SnapshotSet(fields, [p, t, c, n], ["u", "w"], [1, 2, 3], ["speed"], Enumerable.Range(0, t).Select(s => 0.1 * s).ToArray(),
            new Dictionary<string, NdArray>(), "test", "{}");
        string file = scratch.File("waves.h5");
        SnapshotFile.Write(file, set, force: false);
        return file;
    }

    [Fact]
    public async Task A_simulation_becomes_one_trajectory_of_its_leading_coefficients()
    {
        using var scratch = new CliScratch();
        string data = WriteWaves(scratch), output = scratch.File("seq.h5");

        var outcome = await Cli.Run("data", "pod-coefficients", "--data", data, "--simulation", "2", "--modes", "2", "--out", output, "--json");

        outcome.AssertSuccess();
        var sequence = TrajectoryFile.Read(output);
        Assert.Equal(new[] { 1, 30, 2 }, sequence.StateShape);
        Assert.Equal(new[] { 3.0 }, sequence.Params);
        // A travelling sine is exactly two modes (sine and cosine in space), so two modes hold all of its energy.
        Assert.Equal(1.0, (double)JsonNode.Parse(outcome.Out)!["energy"]!, 6);
    }

    [Theory]
    [InlineData("--modes", "0", "expected 1")]
    [InlineData("--modes", "40", "expected 1")]
    [InlineData("--simulation", "3", "outside")]
    [InlineData("--channels", "v", "no channel")]
    public async Task Bad_options_are_refused_naming_the_option_and_nothing_is_written(string option, string value, string mention)
    {
        using var scratch = new CliScratch();
        string data = WriteWaves(scratch), output = scratch.File("seq.h5");

        var outcome = await Cli.Run("data", "pod-coefficients", "--data", data, option, value, "--out", output);

        outcome.AssertBadInput(option, mention);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_static_file_is_refused_naming_the_file()
    {
        using var scratch = new CliScratch();
        string data = scratch.File("static.h5"), output = scratch.File("seq.h5");
        SnapshotFile.Write(data, new SnapshotSet(new float[4 * 8], [4, 1, 8], ["a"], null, null, null, new Dictionary<string, NdArray>(), "test", "{}"), force: false);

        var outcome = await Cli.Run("data", "pod-coefficients", "--data", data, "--out", output);

        outcome.AssertBadInput(data, "static");
        Assert.False(File.Exists(output));
    }
}
