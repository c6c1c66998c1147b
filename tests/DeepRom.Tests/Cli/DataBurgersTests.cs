using System.Text.Json;
using DeepRom.Data;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom data burgers</c>: the file it writes, its JSON, and bad input refused before any work.</summary>
public class DataBurgersTests
{
    [Fact]
    public async Task A_parameter_list_writes_dynamic_fields_time_params_and_solver_seconds()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("b.h5");

        var outcome = await Cli.Run("data", "burgers", "--params", "4.3:0.021, 5.15:0.0285", "--cells", "32", "--out", file);

        outcome.AssertSuccess();
        Assert.Contains("b.h5", outcome.Out);
        SnapshotSet set = SnapshotFile.Read(file);
        Assert.Equal([2, 501, 1, 32], set.FieldShape);
        Assert.Equal(["w"], set.Channels);
        Assert.Equal(["mu1", "mu2"], set.ParamNames!);
        Assert.Equal([4.3, 0.021, 5.15, 0.0285], set.Params!);
        Assert.Equal(501, set.Time!.Length);
        Assert.Equal(0, set.Time[0]);
        Assert.Equal(35, set.Time[^1], 12);
        Assert.Equal("burgers", set.Generator);
        Assert.Equal([2], set.Aux["solver_seconds"].Shape);
        Assert.All((double[])set.Aux["solver_seconds"].Data, s => Assert.True(s > 0));
        Assert.All(set.Fields.Take(32), v => Assert.Equal(1f, v)); // t = 0 is the initial state
        using var config = JsonDocument.Parse(set.GeneratorConfig);
        Assert.Equal(32, config.RootElement.GetProperty("Cells").GetInt32());
        Assert.Equal("params", config.RootElement.GetProperty("ParameterSet").GetString());
        Assert.Empty(Cli.TempFilesIn(scratch.Path));
    }

    [Fact]
    public async Task The_test_set_as_npz_with_json_reports_shape_and_per_simulation_solver_seconds()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("test.npz");

        var outcome = await Cli.Run("data", "burgers", "--set", "test", "--seed", "5", "--cells", "16", "--out", file, "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        var root = doc.RootElement;
        Assert.Equal(Path.GetFullPath(file), root.GetProperty("file").GetString());
        Assert.Equal(10, root.GetProperty("simulations").GetInt32());
        Assert.Equal([10, 501, 1, 16], root.GetProperty("fields_shape").EnumerateArray().Select(e => e.GetInt32()));
        var perSimulation = root.GetProperty("solver_seconds").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(10, perSimulation.Length);
        // Each figure is rounded to 1e-6 s on output, so ten of them can sum to 5e-6 s off the rounded total.
        Assert.Equal(perSimulation.Sum(), root.GetProperty("solver_seconds_total").GetDouble(), 1e-5);
        Assert.Contains("Burgers simulations", outcome.Err);

        SnapshotSet set = SnapshotFile.Read(file);
        Assert.Equal([4.3, 0.021, 5.15, 0.0285], set.Params![..4]);
        Assert.Equal(5, JsonDocument.Parse(set.GeneratorConfig).RootElement.GetProperty("Seed").GetInt32());
    }

    [Fact]
    public async Task The_default_set_is_the_80_point_training_grid_and_the_same_seed_gives_the_same_test_points()
    {
        using var scratch = new CliScratch();
        string train = scratch.File("train.h5"), a = scratch.File("a.h5"), b = scratch.File("b.h5"), c = scratch.File("c.h5");

        (await Cli.Run("data", "burgers", "--cells", "8", "--out", train)).AssertSuccess();
        (await Cli.Run("data", "burgers", "--set", "test", "--seed", "1", "--cells", "8", "--out", a)).AssertSuccess();
        (await Cli.Run("data", "burgers", "--set", "test", "--seed", "1", "--cells", "8", "--out", b)).AssertSuccess();
        (await Cli.Run("data", "burgers", "--set", "test", "--seed", "2", "--cells", "8", "--out", c)).AssertSuccess();

        var grid = SnapshotFile.Read(train);
        Assert.Equal([80, 501, 1, 8], grid.FieldShape);
        Assert.Equal([4.25, 0.015], grid.Params![..2]);
        Assert.Equal([5.5, 0.03], grid.Params![^2..]);
        Assert.Equal(SnapshotFile.Read(a).Params, SnapshotFile.Read(b).Params);
        Assert.NotEqual(SnapshotFile.Read(a).Params, SnapshotFile.Read(c).Params);
    }

    [Theory]
    [InlineData("--params", "6:0.02", "outside")]
    [InlineData("--params", "4.3:0.01", "outside")]
    [InlineData("--params", "4.3:0.021,4.3:0.021", "more than once")]
    [InlineData("--params", "4.3;0.021", "mu1:mu2")]
    [InlineData("--params", "4.3:0.021,", "mu1:mu2")]
    [InlineData("--params", "4,3:0.021", "mu1:mu2")]
    [InlineData("--params", "nan:0.02", "mu1:mu2")]
    [InlineData("--params", "", "empty")]
    [InlineData("--cells", "1", "at least 2")]
    [InlineData("--cells", "many", "many")]
    [InlineData("--set", "validation", "validation")]
    [InlineData("--seed", "3", "--set test")]
    public async Task Bad_input_is_refused_in_one_line_naming_the_option_and_nothing_is_written(string option, string value, string mention)
    {
        using var scratch = new CliScratch();
        string file = scratch.File("b.h5");

        var outcome = await Cli.Run("data", "burgers", option, value, "--out", file);

        outcome.AssertBadInput(option, mention);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public async Task A_set_and_a_parameter_list_together_are_refused()
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run("data", "burgers", "--set", "train", "--params", "4.3:0.021", "--out", scratch.File("b.h5"));

        outcome.AssertBadInput("--params", "--set");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task An_existing_output_is_refused_without_force_and_replaced_with_it()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("b.npz");
        File.WriteAllText(file, "old");
        string[] args = ["data", "burgers", "--params", "5:0.02", "--cells", "8", "--out", file];

        (await Cli.Run(args)).AssertBadInput("b.npz", "--force");
        Assert.Equal("old", File.ReadAllText(file));

        (await Cli.Run([.. args, "--force"])).AssertSuccess();
        Assert.Equal([1, 501, 1, 8], SnapshotFile.Read(file).FieldShape);
    }
}
