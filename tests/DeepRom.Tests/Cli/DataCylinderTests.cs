using System.Text.Json;
using DeepRom.Data;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom data cylinder</c>: bad input refused before any work, and a small wake file read back.</summary>
public class DataCylinderTests
{
    [Theory]
    [InlineData("--re", "0", "positive")]
    [InlineData("--re", "-50", "positive")]
    [InlineData("--re", "100,100", "more than once")]
    [InlineData("--re", "abc", "decimal")]
    [InlineData("--re", "", "empty")]
    [InlineData("--re", "100000", "stable limit")]
    [InlineData("--resolution", "6", "at least 8")]
    [InlineData("--benchmark", "dfg-3d", "dfg-3d")]
    [InlineData("--set", "validation", "validation")]
    [InlineData("--snapshots", "1", "at least 2")]
    [InlineData("--interval", "0.013", "whole number of lattice steps")]
    [InlineData("--interval", "-1", "positive")]
    public async Task Bad_input_is_refused_in_one_line_naming_the_option_and_nothing_is_written(string option, string value, string mention)
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run("data", "cylinder", option, value, "--out", scratch.File("w.h5"));

        outcome.AssertBadInput(option, mention);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public async Task A_benchmark_resolution_too_coarse_for_re_100_is_refused_with_the_rule()
    {
        var outcome = await Cli.Run("data", "cylinder", "--benchmark", "dfg-2d-2", "--resolution", "8", "--json");

        outcome.AssertBadInput("--resolution", "tau - 1/2");
    }

    [Fact]
    public async Task A_default_set_too_fine_for_the_resolution_is_refused_under_the_resolution()
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run("data", "cylinder", "--set", "train", "--resolution", "12", "--out", scratch.File("w.h5"));

        outcome.AssertBadInput("--resolution", "stable limit");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Theory]
    [InlineData("--re", "100")]
    [InlineData("--set", "test")]
    [InlineData("--snapshots", "100")]
    [InlineData("--interval", "0.5")]
    public async Task A_benchmark_with_wake_set_options_is_refused(string option, string value)
    {
        var outcome = await Cli.Run("data", "cylinder", "--benchmark", "dfg-2d-2", option, value);

        outcome.AssertBadInput(option, "--benchmark");
    }

    [Theory]
    [InlineData("0.5", "0.2]")]
    [InlineData("0", "0.2]")]
    [InlineData("0.005", "stable limit")]
    public async Task A_benchmark_lattice_velocity_outside_the_rules_is_refused_under_its_option(string value, string mention)
    {
        var outcome = await Cli.Run("data", "cylinder", "--benchmark", "dfg-2d-2", "--lattice-velocity", value, "--json");

        outcome.AssertBadInput("--lattice-velocity", mention);
    }

    [Theory]
    [InlineData("--max-time", "10")]
    [InlineData("--lattice-velocity", "0.03")]
    public async Task A_benchmark_option_without_the_benchmark_is_refused(string option, string value)
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run("data", "cylinder", option, value, "--out", scratch.File("w.h5"));

        outcome.AssertBadInput(option, "--benchmark");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task An_existing_output_is_refused_without_force()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("w.h5");
        File.WriteAllText(file, "keep");

        var outcome = await Cli.Run("data", "cylinder", "--re", "100", "--out", file);

        outcome.AssertBadInput("--force");
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Fact]
    public async Task A_small_wake_set_writes_fields_time_params_lift_drag_and_solver_seconds()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("w.h5");

        var outcome = await Cli.Run("data", "cylinder", "--re", "80", "--resolution", "8", "--out", file, "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.Equal(0.125, doc.RootElement.GetProperty("blockage").GetDouble());
        SnapshotSet set = SnapshotFile.Read(file);
        Assert.Equal([1, 64, 3, 64, 128], set.FieldShape);
        Assert.Equal(["vorticity", "u", "v"], set.Channels);
        Assert.Equal(["re"], set.ParamNames!);
        Assert.Equal([80.0], set.Params!);
        Assert.Equal(0.25, set.Time![1], 12);
        Assert.Equal([1, 64], set.Aux["lift_coefficient"].Shape);
        Assert.Equal([1, 64], set.Aux["drag_coefficient"].Shape);
        var lift = (double[])set.Aux["lift_coefficient"].Data;
        Assert.True(lift[0] >= 0 && lift[0] < 0.1 * lift.Max(), "the first snapshot follows an upward zero crossing of the lift");
        double st = ((double[])set.Aux["strouhal"].Data)[0];
        Assert.InRange(st, 0.12, 0.25);
        Assert.True(((double[])set.Aux["solver_seconds"].Data)[0] > 0);
        Assert.Equal("cylinder", set.Generator);
        Assert.Empty(Cli.TempFilesIn(scratch.Path));
    }
}
