using System.Text.Json;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Runs;
using DeepRom.Runs.Rom;
using DeepRom.Tests.Data;
using DeepRom.Tests.Models.Rom;
using DeepRom.Training;

namespace DeepRom.Tests.Cli;

/// <summary>A travelling pulse on a 3 x 3 parameter grid (10 steps, 12 cells) and a short cae and beta-vae fit of it, made once.</summary>
public sealed class PulseFits : IDisposable
{
    public const int Steps = 10, Cells = 12, Epochs = 4;

    public PulseFits()
    {
        SnapshotFile.Write(Train, Set(TravellingPulse.Grid), force: false);
        SnapshotFile.Write(Test, Set([[0.9, 0.75], [1.1, 1.25]]), force: false);
        foreach (string kind in Kinds)
            Cli.Run(FitArgs(kind, Model(kind))).GetAwaiter().GetResult().AssertSuccess();
    }

    public static readonly string[] Kinds = ["lsh-vae", "cae", "beta-vae"];

    internal CliScratch Scratch { get; } = new();
    public string Train => Scratch.File("train.h5");
    public string Test => Scratch.File("test.h5");
    public string Model(string kind) => Scratch.File($"model-{kind}");

    public string[] FitArgs(string kind, string folder, params string[] extra) =>
        ["rom", "fit", "--data", Train, "--model", kind, "--latent", "3", "--epochs", Epochs.ToString(), "--out", folder, .. extra];

    /// <summary>Simulations (P, T, 1, cells) of the pulse at <paramref name="points"/>, with time and params.</summary>
    public static SnapshotSet Set(double[][] points, int steps = Steps, int cells = Cells) =>
        new(points.SelectMany(p => TravellingPulse.Simulation(p, steps, cells)).ToArray(), [points.Length, steps, 1, cells], ["u"],
            points.SelectMany(p => p).ToArray(), ["a", "c"], Enumerable.Range(0, steps).Select(t => 0.1 * t).ToArray(),
            new Dictionary<string, NdArray>(), "travelling pulse", "{}");

    public void Dispose() => Scratch.Dispose();
}

public class RomNetworkTests(PulseFits pulse) : IClassFixture<PulseFits>
{
    public static TheoryData<string> Kinds() => new(PulseFits.Kinds);

    private static JsonElement Metrics(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, RomRun.MetricsFile))).RootElement;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fit_writes_weights_codes_checkpoint_metrics_and_a_report(string kind)
    {
        string folder = pulse.Model(kind);
        foreach (string f in new[] { "config.json", "model.json", RomRun.WeightsFile, RomRun.CodesFile, "metrics.json", "report.html", "loss.png" })
            Assert.True(File.Exists(Path.Combine(folder, f)), f);
        Assert.True(Directory.Exists(Path.Combine(folder, RomRun.CheckpointFolder)));
        Assert.Equal(kind is "beta-vae" or "lsh-vae", File.Exists(Path.Combine(folder, "beta.png")));
        var metrics = Metrics(folder);
        Assert.Equal(3, metrics.GetProperty(RomMetrics.LatentSize).GetInt32());
        Assert.Equal(PulseFits.Epochs, metrics.GetProperty(RomMetrics.Epochs).GetInt32());
        Assert.Equal(9, metrics.GetProperty(RomMetrics.TrainingSimulations).GetInt32());
        Assert.True(metrics.GetProperty(RomMetrics.FitSeconds).GetDouble() > 0);
        Assert.True(metrics.GetProperty(RomMetrics.TrainingMse).GetDouble() > 0);
        Assert.True(metrics.GetProperty(RomMetrics.NetworkParameters).GetInt32() > 0);
        var config = RomRun.ReadConfig(RunFolder.Existing(folder));
        Assert.Equal(PulseFits.Epochs, config.Trainer!.Epochs);
        Assert.Equal(kind == "cae", config.Cae is not null);
        Assert.Equal(kind == "beta-vae", config.BetaVae is not null);
        Assert.Equal(kind == "lsh-vae", config.LshVae is not null);
    }

    [Fact]
    public async Task A_fit_needs_its_data_and_a_resume_refuses_other_data()
    {
        string folder = pulse.Scratch.File("model-needs-data");

        (await Cli.Run("rom", "fit", "--model", "cae", "--out", folder)).AssertBadInput("--data", "required");
        Assert.False(Directory.Exists(folder));
        (await Cli.Run("rom", "fit", "--data", pulse.Test, "--out", pulse.Model("cae"), "--resume")).AssertBadInput("--data", "was started on");
    }

    [Fact]
    public async Task An_lsh_vae_fitted_without_augmentation_records_it_and_other_models_refuse_the_option()
    {
        string folder = pulse.Scratch.File("model-lsh-plain");

        var outcome = await Cli.Run(pulse.FitArgs("lsh-vae", folder, "--no-augmentation"));

        outcome.AssertSuccess();
        Assert.False(RomRun.ReadConfig(RunFolder.Existing(folder)).LshVae!.Augmentation.Enabled);
        Assert.True(RomRun.ReadConfig(RunFolder.Existing(pulse.Model("lsh-vae"))).LshVae!.Augmentation.Enabled);
        (await Cli.Run(pulse.FitArgs("cae", pulse.Scratch.File("model-cae-plain"), "--no-augmentation"))).AssertBadInput("--no-augmentation", "lsh-vae");
        Assert.False(Directory.Exists(pulse.Scratch.File("model-cae-plain")));
        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--out", folder, "--resume", "--no-augmentation")).AssertBadInput("--no-augmentation", "--resume");
    }

    [Fact]
    public async Task An_lsh_vae_fitted_with_a_time_stride_records_it_and_bad_strides_are_refused()
    {
        string folder = pulse.Scratch.File("model-lsh-stride");

        var outcome = await Cli.Run(pulse.FitArgs("lsh-vae", folder, "--time-stride", "2"));

        outcome.AssertSuccess();
        Assert.Equal(2, RomRun.ReadConfig(RunFolder.Existing(folder)).LshVae!.TimeStride);
        Assert.Equal(1, RomRun.ReadConfig(RunFolder.Existing(pulse.Model("lsh-vae"))).LshVae!.TimeStride);
        (await Cli.Run(pulse.FitArgs("lsh-vae", pulse.Scratch.File("model-lsh-stride0"), "--time-stride", "0"))).AssertBadInput("--time-stride", "at least 1");
        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--model", "pod", "--out", pulse.Scratch.File("model-pod-stride"), "--time-stride", "2"))
            .AssertBadInput("--time-stride", "lsh-vae");
        Assert.False(Directory.Exists(pulse.Scratch.File("model-lsh-stride0")));
        Assert.False(Directory.Exists(pulse.Scratch.File("model-pod-stride")));
        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--out", folder, "--resume", "--time-stride", "2")).AssertBadInput("--time-stride", "--resume");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Predict_and_evaluate_run_end_to_end_and_leave_one_out_says_it_keeps_the_network(string kind)
    {
        using var scratch = new CliScratch();
        string file = scratch.File("p.h5");

        (await Cli.Run("rom", "predict", "--model", pulse.Model(kind), "--param", "0.9,0.75", "--out", file)).AssertSuccess();
        var evaluation = await Cli.Run("rom", "evaluate", "--model", pulse.Model(kind), "--data", pulse.Test, "--interp", "lerp", "--loo", "--json");
        var human = await Cli.Run("rom", "evaluate", "--model", pulse.Model(kind), "--data", pulse.Test, "--loo");

        var set = SnapshotFile.Read(file);
        Assert.Equal([1, PulseFits.Steps, 1, PulseFits.Cells], set.FieldShape);
        Assert.All(set.Fields, v => Assert.True(float.IsFinite(v)));
        evaluation.AssertSuccess();
        using var doc = JsonDocument.Parse(evaluation.Out);
        var root = doc.RootElement;
        Assert.InRange(root.GetProperty(RomMetrics.RelL2Mean).GetDouble(), 1e-6, 10);
        Assert.True(root.GetProperty(RomMetrics.SecondsPredict).GetDouble() > 0);
        Assert.Equal(0, root.GetProperty(RomMetrics.LooReductionRefitted).GetInt32());
        Assert.Equal(4, root.GetProperty(RomMetrics.LooSkipped).GetInt32()); // the corners of the 3 x 3 grid
        Assert.Equal(5, root.GetProperty(RomMetrics.LooCount).GetInt32());
        string folder = root.GetProperty("evaluation").GetString()!;
        Assert.Contains("not retrained", File.ReadAllText(Path.Combine(folder, "report.html")));
        human.AssertSuccess();
        Assert.Contains("interpolation only", human.Out);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_reloaded_model_encodes_to_the_stored_codes_and_predicts_the_same_bits(string kind)
    {
        var folder = RunFolder.Existing(pulse.Model(kind));
        var train = SnapshotFile.Read(pulse.Train);
        using var first = RomRun.Load(folder);
        using var second = RomRun.Load(folder);

        var simulations = RomData.Simulations(train);
        for (int k = 0; k < train.Count; k++)
            Assert.Equal(first.Model.Codes[k], first.Model.Reduction.Encode(first.Model.Scaling.Apply(simulations[k].Span)));
        foreach (var interpolation in new[] { InterpolationKind.Lerp, InterpolationKind.Slerp })
        {
            var a = RomRun.Predict(first, [0.95, 1.1], interpolation, allowExtrapolation: false).Prediction.Simulation;
            var b = RomRun.Predict(second, [0.95, 1.1], interpolation, allowExtrapolation: false).Prediction.Simulation;
            Assert.True(a.AsSpan().SequenceEqual(b), $"{interpolation}: the reloaded model's prediction differs");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_interrupted_fit_resumes_to_the_same_codes_and_weights_as_an_uninterrupted_one(string kind)
    {
        using var scratch = new CliScratch();
        string folder = scratch.File("m");
        var config = RomRunConfig.Defaults(Path.GetFullPath(pulse.Train), ChoiceName.Parse<ReductionKind>(kind, "--model", "value"), 3, 0, PulseFits.Epochs);
        using var interrupt = new CancellationTokenSource();
        var stopAfterTwo = new CallerThreadProgress<TrainingProgress>(p => { if (p.Epoch == 2) interrupt.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() => RomRun.Fit(config, RunFolder.Open(folder, resume: false, force: false), progress: stopAfterTwo, ct: interrupt.Token));
        Assert.False(File.Exists(Path.Combine(folder, RomRun.CodesFile)));
        // The settings, the training file included, come from the folder: --data may be left out.
        var resumed = await Cli.Run("rom", "fit", "--out", folder, "--resume");

        resumed.AssertSuccess();
        Assert.Contains("resumed after epoch 2 of 4", resumed.Err);
        var expected = ChecksummedArrayFile.Read(Path.Combine(pulse.Model(kind), RomRun.CodesFile));
        var actual = ChecksummedArrayFile.Read(Path.Combine(folder, RomRun.CodesFile));
        Assert.Equal((double[])expected["codes"].Data, (double[])actual["codes"].Data);
        Assert.Equal(File.ReadAllBytes(Path.Combine(pulse.Model(kind), RomRun.WeightsFile)), File.ReadAllBytes(Path.Combine(folder, RomRun.WeightsFile)));
        Assert.Equal(PulseFits.Epochs, Metrics(folder).GetProperty(RomMetrics.Epochs).GetInt32());
    }

    [Fact]
    public async Task Resume_with_more_epochs_extends_a_fit_and_fewer_is_refused_leaving_the_folder_alone()
    {
        using var scratch = new CliScratch();
        string folder = scratch.File("m");
        (await Cli.Run(pulse.FitArgs("cae", folder))).AssertSuccess();
        var before = Cli.Contents(folder);

        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--epochs", "3", "--out", folder, "--resume")).AssertBadInput("--epochs", "extended");
        Cli.AssertUnchanged(before, folder);
        var extended = await Cli.Run("rom", "fit", "--data", pulse.Train, "--epochs", "6", "--out", folder, "--resume", "--json");

        extended.AssertSuccess();
        Assert.Equal(6, Metrics(folder).GetProperty(RomMetrics.Epochs).GetInt32());
        Assert.Equal(6, RomRun.ReadConfig(RunFolder.Existing(folder)).Trainer!.Epochs);
    }

    [Theory]
    [InlineData("static")]
    [InlineData("lumped")]
    [InlineData("grid2d")]
    public async Task Default_networks_fit_static_lumped_and_two_dimensional_data(string layout)
    {
        using var scratch = new CliScratch();
        string file = scratch.File("data.h5");
        var pulses = PulseFits.Set(TravellingPulse.Grid, steps: 6, cells: 8);
        SnapshotFile.Write(file, layout switch
        {
            "static" => pulses with { Fields = pulses.Fields.Where((_, i) => i % 48 < 8).ToArray(), FieldShape = [9, 1, 8], Time = null },
            "lumped" => pulses with { FieldShape = [9, 6, 8], Channels = Enumerable.Range(0, 8).Select(c => $"x{c}").ToArray() },
            _ => pulses with { FieldShape = [9, 6, 1, 2, 4] },
        }, force: false);

        foreach (string kind in PulseFits.Kinds)
        {
            string folder = scratch.File(kind);
            (await Cli.Run("rom", "fit", "--data", file, "--model", kind, "--latent", "2", "--epochs", "2", "--out", folder)).AssertSuccess();
            (await Cli.Run("rom", "predict", "--model", folder, "--param", "1.1,0.9", "--out", scratch.File($"{kind}.h5"))).AssertSuccess();
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Bad_training_data_and_options_are_refused_naming_the_file_or_option_and_nothing_is_written(string kind)
    {
        using var scratch = new CliScratch();
        string one = scratch.File("one.h5"), twice = scratch.File("twice.h5"), nan = scratch.File("nan.h5");
        SnapshotFile.Write(one, PulseFits.Set(TravellingPulse.Grid[..1]), force: false);
        SnapshotFile.Write(twice, PulseFits.Set([TravellingPulse.Grid[0], TravellingPulse.Grid[0], TravellingPulse.Grid[4]]), force: false);
        var raw = RawDataset.ValidDynamic();
        var fields = (float[])raw.Arrays["fields"].Values.Clone();
        fields[3] = float.NaN;
        raw.Arrays["fields"] = (fields, raw.Arrays["fields"].Shape);
        raw.Write(nan, DataFileFormat.Hdf5);
        var before = Cli.Contents(scratch.Path);
        string m = scratch.File("m");

        (await Cli.Run("rom", "fit", "--data", one, "--model", kind, "--out", m)).AssertBadInput("one.h5", "at least two");
        (await Cli.Run("rom", "fit", "--data", twice, "--model", kind, "--out", m)).AssertBadInput("twice.h5", "params", "simulations 0 and 1");
        (await Cli.Run("rom", "fit", "--data", nan, "--model", kind, "--out", m)).AssertBadInput("nan.h5", "non-finite");
        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--model", kind, "--latent", "0", "--out", m)).AssertBadInput("--latent");
        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--model", kind, "--epochs", "0", "--out", m)).AssertBadInput("--epochs");
        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--model", kind, "--out", m, "--resume")).AssertBadInput(m, "nothing to resume");
        Cli.AssertUnchanged(before, scratch.Path);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Mismatched_test_data_and_a_wrong_parameter_dimension_are_refused(string kind)
    {
        using var scratch = new CliScratch();
        string cells = scratch.File("cells.h5");
        SnapshotFile.Write(cells, PulseFits.Set([[0.9, 0.75]], cells: 8), force: false);
        var before = Cli.Contents(pulse.Model(kind));

        (await Cli.Run("rom", "evaluate", "--model", pulse.Model(kind), "--data", cells)).AssertBadInput("cells.h5", "fields");
        (await Cli.Run("rom", "predict", "--model", pulse.Model(kind), "--param", "0.9", "--out", scratch.File("p.h5"))).AssertBadInput("--param", "1 value");
        Cli.AssertUnchanged(before, pulse.Model(kind));
        Assert.False(File.Exists(scratch.File("p.h5")));
    }

    [Fact]
    public async Task Pod_refuses_resume_and_epochs()
    {
        using var scratch = new CliScratch();
        string folder = scratch.File("pod");
        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--latent", "2", "--out", folder)).AssertSuccess();
        var before = Cli.Contents(folder);

        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--out", folder, "--resume")).AssertBadInput("--resume", "--force");
        (await Cli.Run("rom", "fit", "--data", pulse.Train, "--epochs", "3", "--out", scratch.File("other"))).AssertBadInput("--epochs", "pod");
        Cli.AssertUnchanged(before, folder);
    }

    [Fact]
    public void A_config_written_before_the_networks_existed_still_loads_as_pod()
    {
        using var scratch = new CliScratch();
        File.WriteAllText(scratch.File(RomRun.ConfigFile),
            """{ "TrainData": "/data/train.h5", "Reduction": "Pod", "Latent": 4, "EnergyTarget": 0.9999, "Seed": 0 }""");

        var config = RomRun.ReadConfig(RunFolder.Existing(scratch.Path));

        Assert.Equal(ReductionKind.Pod, config.Reduction);
        Assert.Equal(4, config.Latent);
        Assert.Null(config.Trainer);
        Assert.Null(config.Cae);
        Assert.Null(config.BetaVae);
    }

    /// <summary>Reports on the caller's thread, so a cancellation lands in the epoch that asked for it.</summary>
    private sealed class CallerThreadProgress<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
