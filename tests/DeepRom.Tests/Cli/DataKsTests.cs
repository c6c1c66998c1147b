using System.Text.Json;
using DeepRom.Data;
using DeepRom.Physics.KuramotoSivashinsky;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom data ks</c>: the trajectory file read back, its JSON, and bad input refused before anything is written.</summary>
public class DataKsTests
{
    [Fact]
    public async Task The_papers_standard_run_is_written_as_one_trajectory_and_reads_back()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("kt.h5");

        var outcome = await Cli.Run("data", "ks", "--points", "128", "--domain-length", "100.53096491487338", "--dt", "0.25",
            "--init", "kassam-trefethen", "--snapshots", "21", "--save-every", "2", "--out", file);

        outcome.AssertSuccess();
        Assert.Contains("Kuramoto-Sivashinsky", outcome.Out);
        var set = TrajectoryFile.Read(file);
        Assert.Equal([1, 21, 128], set.StateShape);
        Assert.Equal(10.0, set.Time[^1], 14);
        Assert.Equal("ks", set.Generator);
        Assert.Empty(set.Notes);
        using var config = JsonDocument.Parse(set.GeneratorConfig);
        Assert.Equal(32 * Math.PI, config.RootElement.GetProperty("DomainLength").GetDouble());
        Assert.Equal(0, config.RootElement.GetProperty("Transient").GetDouble());
        Assert.Equal("kassam-trefethen", config.RootElement.GetProperty("Init").GetString());

        // The same run in code: the file holds exactly its states.
        var solver = new KuramotoSivashinskySolver(128, 32 * Math.PI, 0.25);
        solver.SetState(InitialProfiles.KassamTrefethen(solver.Grid, 32 * Math.PI));
        solver.Advance(40);
        var u = new double[128];
        solver.CopyState(u);
        Assert.Equal(u, set.States[(20 * 128)..]);
    }

    [Fact]
    public async Task A_random_start_in_npz_with_json_reports_the_run_and_the_same_seed_gives_the_same_file()
    {
        using var scratch = new CliScratch();
        string[] args = ["data", "ks", "--points", "32", "--domain-length", "22", "--dt", "0.1", "--snapshots", "11", "--transient", "5",
            "--seed", "9", "--format", "npz", "--json"];

        var first = await Cli.Run([.. args, "--out", scratch.File("a.data")]);
        var second = await Cli.Run([.. args, "--out", scratch.File("b.data")]);

        first.AssertSuccess();
        second.AssertSuccess();
        using var doc = JsonDocument.Parse(first.Out);
        var root = doc.RootElement;
        Assert.Equal("Npz", root.GetProperty("format").GetString());
        Assert.Equal([1, 11, 32], root.GetProperty("states_shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(50 + 100, root.GetProperty("steps").GetInt64());
        Assert.Equal(1.0, root.GetProperty("sample_interval").GetDouble(), 15);
        Assert.Equal(9, root.GetProperty("seed").GetInt32());
        Assert.Contains("Kuramoto-Sivashinsky", first.Err);
        var a = TrajectoryFile.Read(scratch.File("a.data"));
        Assert.Equal(a.States, TrajectoryFile.Read(scratch.File("b.data")).States);
        Assert.Equal(0, a.States[..32].Average(), 1e-15);
        Assert.Empty(Cli.TempFilesIn(scratch.Path));
    }

    [Theory]
    [InlineData("--points", "100", "power of two")]
    [InlineData("--points", "4", "at least 8")]
    [InlineData("--domain-length", "0", "positive")]
    [InlineData("--domain-length", "-22", "positive")]
    [InlineData("--dt", "0", "positive")]
    [InlineData("--dt", "-0.25", "positive")]
    [InlineData("--snapshots", "1", "at least 2")]
    [InlineData("--save-every", "0", "at least 1")]
    [InlineData("--transient", "-5", "non-negative")]
    [InlineData("--init", "sine", "sine")]
    [InlineData("--format", "csv", "csv")]
    public async Task Bad_options_are_refused_in_one_line_naming_the_option_and_nothing_is_written(string option, string value, string mention)
    {
        using var scratch = new CliScratch();

        string[] shortRun = option == "--snapshots" ? [] : ["--snapshots", "3"];

        var outcome = await Cli.Run(["data", "ks", option, value, .. shortRun, "--out", scratch.File("ks.h5")]);

        outcome.AssertBadInput(option, mention);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public async Task A_grid_too_coarse_for_the_domain_is_refused_when_the_solution_blows_up()
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run("data", "ks", "--points", "32", "--snapshots", "300", "--out", scratch.File("ks.h5"));

        outcome.AssertBadInput("--points", "blew up", "32 points");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task A_seed_without_a_random_start_is_refused()
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run("data", "ks", "--init", "kassam-trefethen", "--seed", "3", "--out", scratch.File("ks.h5"));

        outcome.AssertBadInput("--seed", "random");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task An_existing_file_is_refused_without_force_and_replaced_with_it()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("ks.h5");
        File.WriteAllText(file, "old");
        string[] args = ["data", "ks", "--points", "16", "--snapshots", "2", "--transient", "0", "--out", file];

        (await Cli.Run(args)).AssertBadInput("ks.h5", "--force");
        Assert.Equal("old", File.ReadAllText(file));

        (await Cli.Run([.. args, "--force"])).AssertSuccess();
        Assert.Equal([1, 2, 16], TrajectoryFile.Read(file).StateShape);
        Assert.Equal(["ks.h5"], Directory.EnumerateFileSystemEntries(scratch.Path).Select(Path.GetFileName));
    }
}
