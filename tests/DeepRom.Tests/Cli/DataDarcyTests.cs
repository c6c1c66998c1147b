using System.Text.Json;
using DeepRom.Data;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom data darcy</c>: bad input is refused before any work and writes nothing; results as files and JSON.</summary>
public class DataDarcyTests
{
    private static string[] Darcy(string outPath, params string[] extra) =>
        ["data", "darcy", "--nodes", "17", "--count", "24", "--seed", "3", "--out", outPath, .. extra];

    [Theory]
    [InlineData("--theta", "uniform")]
    [InlineData("--kle", "0")]
    [InlineData("--count", "0")]
    [InlineData("--nodes", "2")]
    [InlineData("--length-scale", "0")]
    [InlineData("--kle", "many")]
    public async Task A_bad_option_value_is_refused_in_one_line_naming_the_option(string option, string value)
    {
        using var scratch = new CliScratch();
        string file = scratch.File("set.h5");

        var outcome = await Cli.Run(Darcy(file, option, value));

        outcome.AssertBadInput(option);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public async Task A_missing_output_folder_is_refused_in_one_line_naming_the_file()
    {
        using var scratch = new CliScratch();
        string file = Path.Combine(scratch.Path, "absent", "set.h5");

        var outcome = await Cli.Run(Darcy(file));

        outcome.AssertBadInput(file, "does not exist");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task An_unwritable_output_folder_is_refused_in_one_line_naming_the_file()
    {
        using var scratch = new CliScratch();
        // Permission bits do not stop root, and /proc refuses new files to everyone.
        string folder = Environment.UserName == "root" ? "/proc" : Directory.CreateDirectory(scratch.File("locked")).FullName;
        if (folder != "/proc") File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        string file = Path.Combine(folder, $"set-{Guid.NewGuid():N}.h5");
        try
        {
            var outcome = await Cli.Run(Darcy(file));
            outcome.AssertBadInput(file, "not writable");
            Assert.False(File.Exists(file));
        }
        finally
        {
            if (folder != "/proc") File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task An_output_path_that_is_a_file_inside_a_file_is_refused()
    {
        using var scratch = new CliScratch();
        string blocker = scratch.File("plain");
        File.WriteAllText(blocker, "x");

        var outcome = await Cli.Run(Darcy(Path.Combine(blocker, "set.h5")));

        outcome.AssertBadInput("set.h5");
        Assert.Equal(["plain"], Directory.EnumerateFileSystemEntries(scratch.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_unknown_extension_is_refused_in_one_line_naming_the_file()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("set.csv");

        var outcome = await Cli.Run(Darcy(file));

        outcome.AssertBadInput("set.csv");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task An_existing_output_is_refused_without_force_and_left_unchanged()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("set.h5");
        byte[] before = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(file, before);

        var outcome = await Cli.Run(Darcy(file));

        outcome.AssertBadInput("set.h5", "--force");
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Single(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task Force_replaces_an_existing_output()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("set.h5");
        File.WriteAllText(file, "old");

        var outcome = await Cli.Run(Darcy(file, "--force"));

        outcome.AssertSuccess();
        Assert.Equal(24, SnapshotFile.Read(file).Count);
        Assert.Empty(Cli.TempFilesIn(scratch.Path));
    }

    [Fact]
    public async Task Json_prints_only_a_json_document_with_the_file_and_sample_count()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("set.h5");

        var outcome = await Cli.Run(Darcy(file, "--json"));

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.Equal(Path.GetFullPath(file), doc.RootElement.GetProperty("file").GetString());
        Assert.Equal(24, doc.RootElement.GetProperty("samples").GetInt32());
        Assert.Contains("Darcy solves", outcome.Err); // progress goes to stderr
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task Npz_format_writes_a_snapshot_file_with_fields_theta_and_permeability()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("set.npz");

        var outcome = await Cli.Run(["data", "darcy", "--kle", "3", "--theta", "gmm4", "--nodes", "17", "--count", "5",
            "--length-scale", "0.2", "--format", "npz", "--out", file]);

        outcome.AssertSuccess();
        Assert.Contains("set.npz", outcome.Out);
        SnapshotSet set = SnapshotFile.Read(file);
        Assert.Equal([5, 3, 17, 17], set.FieldShape);
        Assert.Equal(3, set.ParamCount);
        Assert.Equal(5 * 3, set.Params!.Length);
        Assert.True(set.Aux.ContainsKey("permeability"));
        Assert.Equal(5, set.Aux["permeability"].Shape[0]);
        Assert.All(set.Fields, v => Assert.True(float.IsFinite(v)));
        Assert.Empty(Cli.TempFilesIn(scratch.Path));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        using var scratch = new CliScratch();
        string a = scratch.File("a.h5"), b = scratch.File("b.h5"), c = scratch.File("c.h5");

        (await Cli.Run(Darcy(a))).AssertSuccess();
        (await Cli.Run(Darcy(b))).AssertSuccess();
        (await Cli.Run(["data", "darcy", "--nodes", "17", "--count", "24", "--seed", "4", "--out", c])).AssertSuccess();

        Assert.Equal(SnapshotFile.Read(a).Params, SnapshotFile.Read(b).Params);
        Assert.NotEqual(SnapshotFile.Read(a).Params, SnapshotFile.Read(c).Params);
    }
}
