using System.Text.Json;
using DeepRom.Data;
using DeepRom.Physics.Aeroelastic;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom data lco</c>: the flutter speed, the file it writes read back, and bad input refused before any work.</summary>
public class DataLcoTests
{
    [Fact]
    public async Task Flutter_speed_as_json_is_the_published_6_2851_with_its_frequency()
    {
        var outcome = await Cli.Run("data", "lco", "--flutter-speed", "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.Equal(6.2851, Math.Round(doc.RootElement.GetProperty("flutter_speed").GetDouble(), 4));
        Assert.Equal(0.528, doc.RootElement.GetProperty("flutter_frequency").GetDouble(), 0.001);
    }

    [Fact]
    public async Task A_speed_list_writes_lumped_dynamic_fields_that_read_back_with_time_params_and_aux()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("lco.h5");

        var outcome = await Cli.Run("data", "lco", "--speeds", "5, 7.5", "--duration", "1000", "--samples", "2001", "--initial-pitch", "2",
            "--out", file, "--json");

        outcome.AssertSuccess();
        SnapshotSet set = SnapshotFile.Read(file);
        Assert.Equal([2, 2001, 4], set.FieldShape);
        Assert.Empty(set.GridShape);
        Assert.Equal(["plunge", "pitch", "plunge_rate", "pitch_rate"], set.Channels);
        Assert.Equal(["u_star"], set.ParamNames!);
        Assert.Equal([5, 7.5], set.Params!);
        Assert.Equal(0, set.Time![0]);
        Assert.Equal(0.5, set.Time[1], 15);
        Assert.Equal(1000, set.Time[^1]);
        Assert.Equal("lco", set.Generator);
        Assert.Equal([2, 2001, 4], set.Aux["lag_states"].Shape);
        Assert.Equal([2], set.Aux["solver_seconds"].Shape);
        Assert.Equal((float)(2 * Math.PI / 180), set.Fields[1]); // pitch at tau = 0
        using var config = JsonDocument.Parse(set.GeneratorConfig);
        Assert.Equal("speeds", config.RootElement.GetProperty("SpeedSet").GetString());
        Assert.Equal(3, config.RootElement.GetProperty("Airfoil").GetProperty("CubicPitchStiffness").GetDouble());
        Assert.Equal(6.2851, Math.Round(config.RootElement.GetProperty("FlutterSpeed").GetDouble(), 4));

        using var doc = JsonDocument.Parse(outcome.Out);
        double[] amplitude = doc.RootElement.GetProperty("pitch_amplitude_rad").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(amplitude[0] < 1e-6, $"below flutter the motion decays, got {amplitude[0]}");
        Assert.InRange(amplitude[1], 0.3, 0.5); // 0.39 rad at U* = 7.5 (measured)
        Assert.Empty(Cli.TempFilesIn(scratch.Path));
    }

    [Fact]
    public async Task The_default_set_is_the_training_grid_and_the_test_set_its_midpoints_written_as_npz()
    {
        using var scratch = new CliScratch();
        string train = scratch.File("train.npz"), test = scratch.File("test.npz");

        (await Cli.Run("data", "lco", "--duration", "200", "--samples", "201", "--out", train)).AssertSuccess();
        (await Cli.Run("data", "lco", "--set", "test", "--duration", "200", "--samples", "201", "--out", test)).AssertSuccess();

        Assert.Equal(LcoSpeedSets.Train(), SnapshotFile.Read(train).Params!);
        Assert.Equal(LcoSpeedSets.Test(), SnapshotFile.Read(test).Params!);
        Assert.Equal("test", JsonDocument.Parse(SnapshotFile.Read(test).GeneratorConfig).RootElement.GetProperty("SpeedSet").GetString());
    }

    [Fact]
    public async Task The_initial_pitch_may_be_given_in_radians()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("rad.h5");

        (await Cli.Run("data", "lco", "--speeds", "6", "--duration", "100", "--samples", "101", "--initial-pitch", "0.05rad", "--out", file)).AssertSuccess();

        Assert.Equal(0.05f, SnapshotFile.Read(file).Fields[1]);
    }

    [Fact]
    public async Task Four_times_the_cubic_stiffness_halves_the_motion_exactly()
    {
        // The pitch spring is the only nonlinear term: scaling every state by c turns beta_a into beta_a / c^2, so beta_a 12 from
        // 1 degree is the beta_a 3 run from 2 degrees at half the size, sample for sample, up to the integrator's tolerance.
        using var scratch = new CliScratch();
        string soft = scratch.File("soft.h5"), hard = scratch.File("hard.h5");
        string[] common = ["data", "lco", "--speeds", "7.5", "--duration", "1000", "--samples", "2001"];

        (await Cli.Run([.. common, "--initial-pitch", "2", "--out", soft])).AssertSuccess();
        (await Cli.Run([.. common, "--initial-pitch", "1", "--cubic-stiffness", "12", "--out", hard])).AssertSuccess();

        float[] a = SnapshotFile.Read(soft).Fields, b = SnapshotFile.Read(hard).Fields;
        double peak = a.Max(v => Math.Abs(v));
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(b[i] - 0.5 * a[i]) <= 1e-5 * peak, $"element {i}: {b[i]} against {0.5 * a[i]}");
        using var config = JsonDocument.Parse(SnapshotFile.Read(hard).GeneratorConfig);
        Assert.Equal(12, config.RootElement.GetProperty("Airfoil").GetProperty("CubicPitchStiffness").GetDouble());
    }

    [Theory]
    [InlineData("--speeds", "0", "positive")]
    [InlineData("--speeds", "-6", "positive")]
    [InlineData("--speeds", "5,7,5", "more than once")]
    [InlineData("--speeds", "nan", "finite")]
    [InlineData("--speeds", "5,inf", "finite")]
    [InlineData("--speeds", "5;7", "decimal number")]
    [InlineData("--speeds", "", "empty")]
    [InlineData("--duration", "50", "at least 100")]
    [InlineData("--duration", "NaN", "finite")]
    [InlineData("--samples", "1", "at least 2")]
    [InlineData("--samples", "300", "pitch period")]
    [InlineData("--initial-pitch", "0", "nonzero")]
    [InlineData("--initial-pitch", "one", "angle")]
    [InlineData("--set", "validation", "validation")]
    [InlineData("--cubic-stiffness", "-1", "non-negative")]
    public async Task Bad_input_is_refused_in_one_line_naming_the_option_and_nothing_is_written(string option, string value, string mention)
    {
        using var scratch = new CliScratch();

        var outcome = await Cli.Run("data", "lco", option, value, "--out", scratch.File("lco.h5"));

        outcome.AssertBadInput(option, mention);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        Assert.Equal("", outcome.Out);
    }

    [Theory]
    [InlineData("--set", "train")]
    [InlineData("--out", "x.h5")]
    public async Task Flutter_speed_alone_or_a_set_with_a_speed_list_are_refused(string option, string value)
    {
        using var scratch = new CliScratch();
        string[] args = option == "--out"
            ? ["data", "lco", "--flutter-speed", option, scratch.File(value)]
            : ["data", "lco", "--speeds", "5", option, value, "--out", scratch.File("lco.h5")];

        var outcome = await Cli.Run(args);

        outcome.AssertBadInput(option == "--out" ? "--flutter-speed" : "--speeds");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task Without_out_or_flutter_speed_the_command_says_what_is_missing() =>
        (await Cli.Run("data", "lco")).AssertBadInput("--out", "--flutter-speed");

    [Fact]
    public async Task An_existing_output_is_refused_without_force_and_replaced_with_it()
    {
        using var scratch = new CliScratch();
        string file = scratch.File("lco.npz");
        File.WriteAllText(file, "old");
        string[] args = ["data", "lco", "--speeds", "7", "--duration", "100", "--samples", "101", "--out", file];

        (await Cli.Run(args)).AssertBadInput("lco.npz", "--force");
        Assert.Equal("old", File.ReadAllText(file));

        (await Cli.Run([.. args, "--force"])).AssertSuccess();
        Assert.Equal([1, 101, 4], SnapshotFile.Read(file).FieldShape);
    }
}
