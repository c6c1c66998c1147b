using System.Text.Json;
using DeepRom.Data;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom data ode</c>: the three files it writes, its JSON, and bad input refused before anything is written.</summary>
public class DataOdeTests
{
    [Fact]
    public async Task Writes_train_val_and_test_trajectory_files_with_time_and_settings()
    {
        using var scratch = new CliScratch();
        string folder = scratch.File("vdp");

        var outcome = await Cli.Run("data", "ode", "--system", "vdp", "--train", "3", "--val", "2", "--test", "2", "--points", "101",
            "--seed", "4", "--out-dir", folder);

        outcome.AssertSuccess();
        Assert.Contains("Van der Pol", outcome.Out);
        var train = TrajectoryFile.Read(Path.Combine(folder, "train.h5"));
        var val = TrajectoryFile.Read(Path.Combine(folder, "val.h5"));
        var test = TrajectoryFile.Read(Path.Combine(folder, "test.h5"));
        Assert.Equal([3, 101, 2], train.StateShape);
        Assert.Equal([2, 101, 2], val.StateShape);
        Assert.Equal([2, 101, 2], test.StateShape);
        Assert.Equal(1.0, train.Time[^1], 14);
        Assert.Equal("ode", train.Generator);
        Assert.Empty(train.Aux);
        using var config = JsonDocument.Parse(test.GeneratorConfig);
        Assert.Equal("vdp", config.RootElement.GetProperty("System").GetString());
        Assert.Equal(2, config.RootElement.GetProperty("Parameters").GetProperty("mu").GetDouble());
        Assert.Equal(0.01, config.RootElement.GetProperty("TimeStep").GetDouble());
        Assert.Equal(1e-10, config.RootElement.GetProperty("RelativeTolerance").GetDouble());
        Assert.Equal(4, config.RootElement.GetProperty("Seed").GetInt32());
        Assert.Equal("test", config.RootElement.GetProperty("Split").GetString());
        Assert.Equal(["test.h5", "train.h5", "val.h5"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Noisy_npz_files_keep_the_clean_states_and_json_describes_every_split()
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run("data", "ode", "--system", "hopf", "--noise", "0.01", "--train", "2", "--val", "1", "--test", "1",
            "--points", "400", "--format", "npz", "--out-dir", scratch.Path, "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        var root = doc.RootElement;
        Assert.Equal("hopf", root.GetProperty("system").GetString());
        Assert.Equal(Path.Combine(Path.GetFullPath(scratch.Path), "val.npz"), root.GetProperty("files").GetProperty("val").GetString());
        Assert.Equal([2, 400, 3], root.GetProperty("states_shape").GetProperty("train").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0.01, root.GetProperty("noise").GetDouble());
        Assert.True(root.GetProperty("evaluations").GetInt64() > 0);
        Assert.Contains("Hopf normal form trajectories", outcome.Err);

        var test = TrajectoryFile.Read(scratch.File("test.npz"));
        var clean = (double[])test.Aux["clean_states"].Data;
        Assert.Equal(test.StateShape, test.Aux["clean_states"].Shape);
        Assert.NotEqual(clean, test.States);
        // Noise leaves mu, constant in time, untouched.
        for (int k = 0; k < 400; k++) Assert.Equal(clean[3 * k], test.States[3 * k]);
        using var config = JsonDocument.Parse(test.GeneratorConfig);
        Assert.Equal(3, config.RootElement.GetProperty("NoiseScale").GetArrayLength());
        Assert.Empty(Cli.TempFilesIn(scratch.Path));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_files_and_lorenz_uses_its_own_step()
    {
        using var scratch = new CliScratch();
        string[] args = ["data", "ode", "--system", "lorenz", "--train", "2", "--val", "1", "--test", "1", "--points", "50", "--noise", "0.02"];

        (await Cli.Run([.. args, "--out-dir", scratch.File("a")])).AssertSuccess();
        (await Cli.Run([.. args, "--out-dir", scratch.File("b")])).AssertSuccess();

        foreach (string name in new[] { "train.h5", "val.h5", "test.h5" })
        {
            var a = TrajectoryFile.Read(Path.Combine(scratch.File("a"), name));
            var b = TrajectoryFile.Read(Path.Combine(scratch.File("b"), name));
            Assert.Equal(a.States, b.States);
            Assert.Equal(a.Aux["clean_states"].Data, b.Aux["clean_states"].Data);
        }
        Assert.Equal(49 * 5e-4, TrajectoryFile.Read(Path.Combine(scratch.File("a"), "val.h5")).Time[^1], 15);
    }

    [Theory]
    [InlineData("--system", "pendulum", "pendulum")]
    [InlineData("--noise", "-0.01", "non-negative")]
    [InlineData("--noise", "lots", "lots")]
    [InlineData("--train", "0", "at least 1")]
    [InlineData("--val", "-3", "at least 1")]
    [InlineData("--test", "0", "at least 1")]
    [InlineData("--points", "1", "at least 2")]
    [InlineData("--format", "csv", "csv")]
    public async Task Bad_options_are_refused_in_one_line_naming_the_option_and_nothing_is_written(string option, string value, string mention)
    {
        using var scratch = new CliScratch();
        string[] args = option == "--system"
            ? ["data", "ode", option, value, "--out-dir", scratch.File("out")]
            : ["data", "ode", "--system", "cubic", option, value, "--out-dir", scratch.File("out")];

        var outcome = await Cli.Run(args);

        outcome.AssertBadInput(option, mention);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public async Task A_missing_system_or_output_folder_is_refused()
    {
        using var scratch = new CliScratch();

        (await Cli.Run("data", "ode", "--out-dir", scratch.Path)).AssertBadInput("--system");
        (await Cli.Run("data", "ode", "--system", "hopf")).AssertBadInput("--out-dir");
    }

    [Fact]
    public async Task An_output_folder_that_is_a_file_or_has_no_parent_is_refused_naming_out_dir()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("taken");
        File.WriteAllText(file, "x");

        (await Cli.Run("data", "ode", "--system", "hopf", "--out-dir", file)).AssertBadInput("--out-dir", "is a file");
        (await Cli.Run("data", "ode", "--system", "hopf", "--out-dir", scratch.File("no/such/folder"))).AssertBadInput("--out-dir", "does not exist");
        (await Cli.Run("data", "ode", "--system", "hopf", "--out-dir", "")).AssertBadInput("--out-dir");
        Assert.Equal(["taken"], Directory.EnumerateFileSystemEntries(scratch.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Existing_files_are_refused_without_force_and_all_three_are_replaced_with_it()
    {
        using var scratch = new CliScratch();
        File.WriteAllText(scratch.File("val.h5"), "old");
        string[] args = ["data", "ode", "--system", "hyperbolic", "--train", "1", "--val", "1", "--test", "1", "--points", "20", "--out-dir", scratch.Path];

        (await Cli.Run(args)).AssertBadInput("val.h5", "--force");
        Assert.Equal(["val.h5"], Directory.EnumerateFileSystemEntries(scratch.Path).Select(Path.GetFileName));
        Assert.Equal("old", File.ReadAllText(scratch.File("val.h5")));

        (await Cli.Run([.. args, "--force"])).AssertSuccess();
        Assert.Equal([1, 20, 2], TrajectoryFile.Read(scratch.File("val.h5")).StateShape);
        Assert.Equal(3, Directory.EnumerateFiles(scratch.Path).Count());
    }
}
