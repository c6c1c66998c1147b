using System.Text.Json;
using DeepRom.Data;
using DeepRom.Physics.Dispersion;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom data puff</c>: bad input is refused before any work and writes nothing; results as files and JSON.</summary>
public class DataPuffTests
{
    private static string[] Puff(string outPath, params string[] extra) =>
        ["data", "puff", "--nodes", "17", "--count", "24", "--seed", "3", "--out", outPath, .. extra];

    [Theory]
    [InlineData("--count", "0")]
    [InlineData("--count", "-5")]
    [InlineData("--nodes", "15")]
    [InlineData("--nodes", "many")]
    [InlineData("--seed", "1.5")]
    [InlineData("--format", "csv")]
    public async Task A_bad_option_value_is_refused_in_one_line_naming_the_option(string option, string value)
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run(Puff(scratch.File("set.h5"), option, value));

        outcome.AssertBadInput(option);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public async Task Too_many_values_for_one_array_are_refused_before_any_work()
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run("data", "puff", "--nodes", "40000", "--count", "2", "--out", scratch.File("set.h5"));

        outcome.AssertBadInput("--count", "array");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task Missing_out_and_unknown_extension_are_refused()
    {
        using var scratch = new CliScratch();

        (await Cli.Run("data", "puff", "--count", "4")).AssertBadInput("--out");
        (await Cli.Run(Puff(scratch.File("set.csv")))).AssertBadInput("set.csv");
        (await Cli.Run(Puff(Path.Combine(scratch.Path, "absent", "set.h5")))).AssertBadInput("does not exist");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task An_existing_output_is_refused_without_force_and_replaced_with_it()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("set.h5");
        File.WriteAllText(file, "old");

        (await Cli.Run(Puff(file))).AssertBadInput("set.h5", "--force");
        Assert.Equal("old", File.ReadAllText(file));

        (await Cli.Run(Puff(file, "--force"))).AssertSuccess();
        Assert.Equal(24, SnapshotFile.Read(file).Count);
        Assert.Empty(Cli.TempFilesIn(scratch.Path));
    }

    [Fact]
    public async Task Json_prints_only_a_json_document_with_the_file_samples_shape_and_time()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("set.h5");

        var outcome = await Cli.Run(Puff(file, "--json"));

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        var root = doc.RootElement;
        Assert.Equal(Path.GetFullPath(file), root.GetProperty("file").GetString());
        Assert.Equal(24, root.GetProperty("samples").GetInt32());
        Assert.Equal([24, 1, 17, 17], root.GetProperty("fields_shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0);
        Assert.Contains("Puff fields", outcome.Err); // progress goes to stderr
    }

    [Theory]
    [InlineData("set.h5")]
    [InlineData("set.npz")]
    public async Task Writes_the_documented_shapes_names_and_config(string name)
    {
        using var scratch = new CliScratch();
        string file = scratch.File(name);

        var outcome = await Cli.Run("data", "puff", "--count", "5", "--out", file);

        outcome.AssertSuccess();
        Assert.Contains(name, outcome.Out);
        SnapshotSet set = SnapshotFile.Read(file);
        Assert.Equal([5, 1, 65, 65], set.FieldShape);
        Assert.Equal(["concentration"], set.Channels);
        Assert.Equal(["release_x", "release_y"], set.ParamNames!);
        Assert.Equal(10, set.Params!.Length);
        Assert.All(set.Params, v => Assert.InRange(v, 20, 50));
        Assert.Equal("puff", set.Generator);
        Assert.Equal(new PuffConfig(Count: 5), PuffConfig.FromJson(set.GeneratorConfig));
        for (int q = 0; q < 5; q++) Assert.InRange(set.Fields.Skip(q * 65 * 65).Take(65 * 65).Max(), 0.99f, 1f);
        Assert.Empty(Cli.TempFilesIn(scratch.Path));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_file_and_another_seed_other_data()
    {
        using var scratch = new CliScratch();
        string a = scratch.File("a.h5"), b = scratch.File("b.h5"), c = scratch.File("c.h5");

        (await Cli.Run(Puff(a))).AssertSuccess();
        (await Cli.Run(Puff(b))).AssertSuccess();
        (await Cli.Run(["data", "puff", "--nodes", "17", "--count", "24", "--seed", "4", "--out", c])).AssertSuccess();

        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        SnapshotSet first = SnapshotFile.Read(a), other = SnapshotFile.Read(c);
        Assert.NotEqual(first.Params, other.Params);
        Assert.NotEqual(first.Fields, other.Fields);
    }
}
