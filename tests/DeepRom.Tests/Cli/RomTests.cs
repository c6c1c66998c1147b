using System.Text.Json;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Reductions;
using DeepRom.Runs;
using DeepRom.Runs.Rom;

namespace DeepRom.Tests.Cli;

/// <summary>A small Burgers set (3 x 3 training grid, 16 cells) made once for the <c>deeprom rom</c> tests.</summary>
public sealed class SmallBurgers : IDisposable
{
    public SmallBurgers()
    {
        Cli.Run("data", "burgers", "--params", "4.25:0.015,4.875:0.015,5.5:0.015,4.25:0.0225,4.875:0.0225,5.5:0.0225,4.25:0.03,4.875:0.03,5.5:0.03",
            "--cells", "16", "--out", Train).GetAwaiter().GetResult().AssertSuccess();
        Cli.Run("data", "burgers", "--params", "4.5:0.02,5.2:0.027", "--cells", "16", "--out", Test).GetAwaiter().GetResult().AssertSuccess();
        Cli.Run("rom", "fit", "--data", Train, "--latent", "4", "--out", Model).GetAwaiter().GetResult().AssertSuccess();
    }

    internal CliScratch Scratch { get; } = new();
    public string Train => Scratch.File("train.h5");
    public string Test => Scratch.File("test.h5");
    public string Model => Scratch.File("model");

    public void Dispose() => Scratch.Dispose();
}

public class RomTests(SmallBurgers burgers) : IClassFixture<SmallBurgers>
{
    [Fact]
    public async Task Fit_writes_a_model_folder_and_reports_modes_and_energy()
    {
        using var scratch = new CliScratch();
        var outcome = await Cli.Run("rom", "fit", "--data", burgers.Train, "--model", "pod", "--latent", "3", "--out", scratch.File("m"), "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        var metrics = doc.RootElement.GetProperty("metrics");
        Assert.Equal(3, metrics.GetProperty(RomMetrics.LatentSize).GetInt32());
        Assert.InRange(metrics.GetProperty(RomMetrics.EnergyCaptured).GetDouble(), 0.9, 1);
        Assert.Contains("tensor grid 3 x 3", doc.RootElement.GetProperty("stencil").GetString());
        Assert.InRange(metrics.GetProperty(RomMetrics.ConditionerFitSeconds).GetDouble(), 1e-6, 60);
        Assert.InRange(metrics.GetProperty(RomMetrics.ConditionerTrainingRms).GetDouble(), 0, 0.1);
        foreach (string f in new[] { "config.json", "model.json", "pod.bin", "conditioner.json", "conditioner.bin", "metrics.json", "report.html", "singular_values.png" })
            Assert.True(File.Exists(Path.Combine(scratch.File("m"), f)), f);
    }

    [Fact]
    public async Task Pod_keeping_every_mode_interpolates_the_training_fields_themselves()
    {
        // --energy 1 and a budget above the 9 simulations: the basis spans every training field, so lerp's code at the midpoint
        // of a grid edge decodes to the mean of the two fields at its ends.
        using var scratch = new CliScratch();
        string model = scratch.File("fields"), file = scratch.File("p.h5");
        var fit = await Cli.Run("rom", "fit", "--data", burgers.Train, "--latent", "50", "--energy", "1", "--out", model, "--json");
        fit.AssertSuccess();
        using (var doc = JsonDocument.Parse(fit.Out))
            Assert.Equal(8, doc.RootElement.GetProperty("metrics").GetProperty(RomMetrics.LatentSize).GetInt32()); // 9 centred fields span 8 directions

        (await Cli.Run("rom", "predict", "--model", model, "--param", "4.5625,0.015", "--interp", "lerp", "--out", file)).AssertSuccess();

        var train = SnapshotFile.Read(burgers.Train);
        float[] predicted = SnapshotFile.Read(file).Fields;
        int n = train.SampleLength;
        double worst = 0, peak = 0;
        for (int k = 0; k < n; k++)
        {
            double mean = 0.5 * (train.Fields[k] + train.Fields[n + k]); // (4.25, 0.015) and (4.875, 0.015)
            worst = Math.Max(worst, Math.Abs(predicted[k] - mean));
            peak = Math.Max(peak, Math.Abs(mean));
        }
        Assert.True(worst <= 1e-5 * peak, $"largest difference {worst} against a peak of {peak}");
    }

    [Fact]
    public async Task Energy_is_refused_outside_its_range_and_for_networks()
    {
        using var scratch = new CliScratch();
        (await Cli.Run("rom", "fit", "--data", burgers.Train, "--energy", "1.5", "--out", scratch.File("a"))).AssertBadInput("--energy", "(0, 1]");
        (await Cli.Run("rom", "fit", "--data", burgers.Train, "--model", "cae", "--energy", "1", "--out", scratch.File("b"))).AssertBadInput("--energy", "pod");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Theory]
    [InlineData("lerp", 0.1)]
    [InlineData("rbf", 0.1)]
    [InlineData("conditioner", 0.2)]
    public async Task Predict_writes_a_snapshot_file_with_the_training_time_channels_and_the_requested_point(string interp, double tolerance)
    {
        using var scratch = new CliScratch();
        string file = scratch.File("p.h5");

        var outcome = await Cli.Run("rom", "predict", "--model", burgers.Model, "--param", "4.5, 0.02", "--interp", interp, "--out", file, "--json");

        outcome.AssertSuccess();
        var set = SnapshotFile.Read(file);
        var train = SnapshotFile.Read(burgers.Train);
        Assert.Equal([1, 501, 1, 16], set.FieldShape);
        Assert.Equal(train.Time, set.Time);
        Assert.Equal(["w"], set.Channels);
        Assert.Equal(["mu1", "mu2"], set.ParamNames!);
        Assert.Equal([4.5, 0.02], set.Params!);
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.False(doc.RootElement.GetProperty("extrapolated").GetBoolean());
        Assert.Equal(interp, doc.RootElement.GetProperty("interpolation").GetString());
        // Close to the solver at the same point: the 3 x 3 grid is coarse, so only roughly (a network fitted to 9 points, more roughly).
        var truth = SnapshotFile.Read(burgers.Test);
        double num = 0, den = 0;
        for (int k = 0; k < set.SampleLength; k++) { num += Math.Pow(set.Fields[k] - truth.Fields[k], 2); den += Math.Pow(truth.Fields[k], 2); }
        Assert.InRange(Math.Sqrt(num / den), 0, tolerance);
    }

    [Fact]
    public async Task Evaluate_reports_errors_per_point_timing_speedup_projection_error_and_leave_one_out()
    {
        var outcome = await Cli.Run("rom", "evaluate", "--model", burgers.Model, "--data", burgers.Test, "--loo", "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        var root = doc.RootElement;
        double mean = root.GetProperty(RomMetrics.RelL2Mean).GetDouble();
        Assert.InRange(mean, 1e-6, 0.1);
        var points = root.GetProperty("per_parameter").EnumerateArray().ToArray();
        Assert.Equal(2, points.Length);
        Assert.Equal([4.5, 0.02], points[0].GetProperty("params").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(mean, points.Average(p => p.GetProperty("rel_l2").GetDouble()), 12);
        Assert.All(points, p => Assert.True(p.GetProperty("max_abs_err").GetDouble() > 0));
        double projection = root.GetProperty(RomMetrics.ReconstructionRelL2).GetDouble();
        Assert.InRange(projection, 0, mean); // the basis alone cannot do worse than basis plus interpolation here
        Assert.True(root.GetProperty(RomMetrics.SecondsPredict).GetDouble() > 0);
        Assert.True(root.GetProperty(RomMetrics.Speedup).GetDouble() > 0);
        Assert.Equal(4, root.GetProperty(RomMetrics.LooSkipped).GetInt32()); // the corners of the 3 x 3 grid
        Assert.Equal(5, root.GetProperty(RomMetrics.LooCount).GetInt32());
        Assert.InRange(root.GetProperty(RomMetrics.LooRelL2Mean).GetDouble(), 1e-6, 0.5);
        string folder = root.GetProperty("evaluation").GetString()!;
        Assert.EndsWith("evaluate-test-slerp", folder);
        foreach (string f in new[] { "metrics.json", "report.html", "error_vs_parameter.png", "error_vs_time.png", "spacetime_1.png", "loo_vs_parameter.png" })
            Assert.True(File.Exists(Path.Combine(folder, f)), f);
    }

    [Fact]
    public async Task Evaluate_with_rbf_reports_errors_and_leave_one_out_refitting_the_rbf()
    {
        var outcome = await Cli.Run("rom", "evaluate", "--model", burgers.Model, "--data", burgers.Test, "--interp", "rbf", "--loo", "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        var root = doc.RootElement;
        Assert.InRange(root.GetProperty(RomMetrics.RelL2Mean).GetDouble(), 1e-6, 0.1);
        Assert.Equal(0, root.GetProperty(RomMetrics.Extrapolated).GetInt32());
        Assert.Equal(4, root.GetProperty(RomMetrics.LooSkipped).GetInt32()); // the corners, outside the others' hull as for the stencils
        Assert.Equal(5, root.GetProperty(RomMetrics.LooCount).GetInt32());
        Assert.InRange(root.GetProperty(RomMetrics.LooRelL2Mean).GetDouble(), 1e-6, 0.5);
        string folder = root.GetProperty("evaluation").GetString()!;
        Assert.EndsWith("evaluate-test-rbf", folder);
        Assert.Contains("radial basis functions", File.ReadAllText(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public async Task Evaluate_with_the_conditioner_uses_the_network_trained_at_fit()
    {
        var outcome = await Cli.Run("rom", "evaluate", "--model", burgers.Model, "--data", burgers.Test, "--interp", "conditioner", "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.InRange(doc.RootElement.GetProperty(RomMetrics.RelL2Mean).GetDouble(), 1e-6, 0.2);
        Assert.InRange(doc.RootElement.GetProperty(RomMetrics.SecondsPredict).GetDouble(), 0, 1);
        Assert.EndsWith("evaluate-test-conditioner", doc.RootElement.GetProperty("evaluation").GetString());
    }

    [Fact]
    public void A_loaded_model_predicts_the_same_bits_as_the_one_just_fitted()
    {
        using var rom = RomRun.Load(RunFolder.Existing(burgers.Model));
        var train = SnapshotFile.Read(burgers.Train);
        var fitted = RomRun.FitModel(new Pod(new PodConfig(rom.Config.Latent, rom.Config.EnergyTarget)), train, burgers.Train);

        // The conditioner of the refitted model trains at first use with the default seed, as 'rom fit' did: the same bits.
        foreach (var kind in Enum.GetValues<InterpolationKind>())
        {
            var a = fitted.Predict([4.6, 0.021], kind, allowExtrapolation: false).Simulation;
            var b = RomRun.Predict(rom, [4.6, 0.021], kind, allowExtrapolation: false).Prediction.Simulation;
            Assert.True(a.AsSpan().SequenceEqual(b), $"{kind}: the loaded model's prediction differs");
        }
        using var again = RomRun.Load(RunFolder.Existing(burgers.Model));
        Assert.Equal(rom.Model.Codes.SelectMany(c => c), again.Model.Codes.SelectMany(c => c));
    }

    [Theory]
    [InlineData("slerp")]
    [InlineData("rbf")]
    [InlineData("conditioner")]
    public async Task A_point_outside_the_training_hull_is_refused_unless_extrapolation_is_allowed(string interp)
    {
        using var scratch = new CliScratch();
        string file = scratch.File("p.h5");

        (await Cli.Run("rom", "predict", "--model", burgers.Model, "--param", "6,0.02", "--interp", interp, "--out", file)).AssertBadInput("--param", "(6, 0.02)", "outside");
        Assert.False(File.Exists(file));

        var outcome = await Cli.Run("rom", "predict", "--model", burgers.Model, "--param", "6,0.02", "--interp", interp, "--allow-extrapolation", "--out", file, "--json");
        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.True(doc.RootElement.GetProperty("extrapolated").GetBoolean());
    }

    [Theory]
    [InlineData("4.5", "--param", "1 value")]
    [InlineData("4.5,0.02,1", "--param", "3 values")]
    [InlineData("4.5,abc", "'abc'", "not a number")]
    [InlineData("NaN,0.02", "'NaN'", "finite")]
    [InlineData("4,5;0.02", "--param", "not a number")]
    public async Task A_bad_param_is_refused_naming_the_option_and_nothing_is_written(string param, string mention, string problem)
    {
        using var scratch = new CliScratch();
        var outcome = await Cli.Run("rom", "predict", "--model", burgers.Model, "--param", param, "--out", scratch.File("p.h5"));

        outcome.AssertBadInput(mention, problem);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Theory]
    [InlineData("svd", "unknown value")]
    public async Task Unknown_reductions_are_refused_with_a_clear_message(string model, string problem)
    {
        using var scratch = new CliScratch();
        var outcome = await Cli.Run("rom", "fit", "--data", burgers.Train, "--model", model, "--out", scratch.File("m"));

        outcome.AssertBadInput("--model", problem);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task Training_data_with_one_simulation_repeated_points_or_no_params_is_refused_naming_the_file()
    {
        using var scratch = new CliScratch();
        var train = SnapshotFile.Read(burgers.Train);
        int len = train.SampleLength;
        string one = scratch.File("one.h5"), twice = scratch.File("twice.h5"), bare = scratch.File("bare.h5");
        SnapshotFile.Write(one, train with { Fields = train.Fields[..len], FieldShape = [1, .. train.FieldShape[1..]], Params = train.Params![..2], Aux = new Dictionary<string, NdArray>() }, false);
        var repeated = (double[])train.Params!.Clone();
        repeated[2] = repeated[0];
        repeated[3] = repeated[1];
        SnapshotFile.Write(twice, train with { Params = repeated }, false);
        SnapshotFile.Write(bare, train with { Params = null, ParamNames = null }, false);
        var before = Cli.Contents(scratch.Path);

        (await Cli.Run("rom", "fit", "--data", one, "--out", scratch.File("m"))).AssertBadInput("one.h5", "at least two");
        (await Cli.Run("rom", "fit", "--data", twice, "--out", scratch.File("m"))).AssertBadInput("twice.h5", "params", "simulations 0 and 1");
        (await Cli.Run("rom", "fit", "--data", bare, "--out", scratch.File("m"))).AssertBadInput("bare.h5", "params", "missing");
        Cli.AssertUnchanged(before, scratch.Path);
    }

    [Fact]
    public async Task Test_data_with_another_grid_time_axis_or_channels_is_refused_naming_the_file_and_nothing_is_written()
    {
        using var scratch = new CliScratch();
        string cells = scratch.File("cells.h5"), time = scratch.File("time.h5"), channels = scratch.File("channels.h5");
        (await Cli.Run("data", "burgers", "--params", "4.5:0.02", "--cells", "8", "--out", cells)).AssertSuccess();
        var test = SnapshotFile.Read(burgers.Test);
        SnapshotFile.Write(time, test with { Time = test.Time!.Select(t => 2 * t).ToArray() }, false);
        SnapshotFile.Write(channels, test with { Channels = ["u"] }, false);
        var before = Cli.Contents(burgers.Model);

        (await Cli.Run("rom", "evaluate", "--model", burgers.Model, "--data", cells)).AssertBadInput("cells.h5", "fields", "(501, 1, 16)");
        (await Cli.Run("rom", "evaluate", "--model", burgers.Model, "--data", time)).AssertBadInput("time.h5", "time", "differs");
        (await Cli.Run("rom", "evaluate", "--model", burgers.Model, "--data", channels)).AssertBadInput("channels.h5", "channels");
        Cli.AssertUnchanged(before, burgers.Model);
    }

    [Fact]
    public async Task An_existing_model_folder_is_kept_unless_forced()
    {
        var before = Cli.Contents(burgers.Model);

        (await Cli.Run("rom", "fit", "--data", burgers.Train, "--out", burgers.Model)).AssertBadInput("model folder", "--force");
        Cli.AssertUnchanged(before, burgers.Model);
    }

    [Theory]
    [InlineData(RomRun.PodFile)]
    [InlineData(RomConditioner.WeightsFile)]
    public async Task A_changed_weights_file_is_refused_by_its_checksum(string name)
    {
        using var scratch = new CliScratch();
        string model = scratch.File("m");
        (await Cli.Run("rom", "fit", "--data", burgers.Train, "--latent", "2", "--out", model)).AssertSuccess();
        string weights = Path.Combine(model, name);
        var bytes = File.ReadAllBytes(weights);
        bytes[100] ^= 1;
        File.WriteAllBytes(weights, bytes);

        (await Cli.Run("rom", "predict", "--model", model, "--param", "4.5,0.02", "--out", scratch.File("p.h5"))).AssertBadInput(name, "checksum");
    }

    [Fact]
    public async Task A_model_folder_without_a_conditioner_trains_one_at_first_use()
    {
        using var scratch = new CliScratch();
        string model = scratch.File("m");
        Directory.CreateDirectory(model);
        foreach (string f in Directory.EnumerateFiles(burgers.Model)) File.Copy(f, Path.Combine(model, Path.GetFileName(f)));
        File.Delete(Path.Combine(model, RomConditioner.WeightsFile));
        File.Delete(Path.Combine(model, RomConditioner.ConfigFile));
        string with = scratch.File("with.h5"), without = scratch.File("without.h5");

        (await Cli.Run("rom", "predict", "--model", burgers.Model, "--param", "4.5,0.02", "--interp", "conditioner", "--out", with)).AssertSuccess();
        (await Cli.Run("rom", "predict", "--model", model, "--param", "4.5,0.02", "--interp", "conditioner", "--out", without)).AssertSuccess();

        Assert.Equal(SnapshotFile.Read(with).Fields, SnapshotFile.Read(without).Fields); // the default settings are rom fit's
    }
}
