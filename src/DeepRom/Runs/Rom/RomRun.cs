using System.Diagnostics;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Reductions;

namespace DeepRom.Runs.Rom;

/// <summary>What fitting a parametric ROM produced.</summary>
public sealed record RomFitResult(string Folder, Dictionary<string, double?> Metrics, string Stencil);

/// <summary>A fitted model read back from its folder.</summary>
public sealed record LoadedRom(RomRunConfig Config, RomModelSpec Spec, ReducedOrderModel Model);

/// <summary>
/// The parametric-ROM workflow (the same shape as <see cref="VaeRun"/>): fit a reduction and a latent interpolation to
/// training simulations and write a model folder (<c>config.json</c>, <c>model.json</c>, the basis in a checksummed
/// <c>pod.bin</c>, <c>metrics.json</c>, plots, <c>report.html</c>); predict a whole simulation at a new parameter
/// point; evaluate against test simulations (<see cref="RomEvaluation"/>).
/// </summary>
public static class RomRun
{
    public const string ConfigFile = "config.json";
    public const string ModelSpecFile = "model.json";
    public const string PodFile = "pod.bin";
    public const string MetricsFile = "metrics.json";

    /// <summary>Fits the model <paramref name="config"/> describes and writes the model folder; bad input is refused before anything is written.</summary>
    public static RomFitResult Fit(RomRunConfig config, RunFolder folder, Action<string>? log = null)
    {
        if (!ReductionKinds.IsBuilt(config.Reduction))
            throw new InputException("reduction", ChoiceName.Of(config.Reduction), "is planned, not built yet (use pod)");
        if (config.Latent < 1) throw new InputException("latent", config.Latent.ToString(System.Globalization.CultureInfo.InvariantCulture), "the latent budget must be at least 1");
        SnapshotSet train = SnapshotFile.Read(config.TrainData);
        foreach (string note in train.Notes) log?.Invoke($"note: {note}");
        RomData.CheckTraining(train, config.TrainData);

        var clock = Stopwatch.StartNew();
        var pod = new Pod(new PodConfig(config.Latent, config.EnergyTarget));
        ReducedOrderModel model = FitModel(pod, train, config.TrainData);
        double seconds = clock.Elapsed.TotalSeconds;

        var spec = new RomModelSpec(config.Reduction, train.FieldShape[1..], train.Channels, train.ParamNames!, train.Time,
            model.Scaling, pod.LatentSize, config.EnergyTarget, train.Generator);
        folder.WriteJson(ConfigFile, config);
        folder.WriteJson(ModelSpecFile, spec);
        ChecksummedArrayFile.Write(folder.File(PodFile), PodArrays(pod, model), force: true);
        string stencil = model.Interpolation(InterpolationKind.Lerp).Description;
        var metrics = new Dictionary<string, double?>
        {
            [RomMetrics.LatentSize] = pod.LatentSize,
            [RomMetrics.EnergyCaptured] = pod.EnergyCaptured,
            [RomMetrics.TrainingSimulations] = train.Count,
            [RomMetrics.FitSeconds] = seconds,
        };
        RomConditioner.FitAndSave(model, folder, config.Seed, metrics);
        folder.WriteJson(MetricsFile, metrics);
        RomReport.WriteFit(folder, config, spec, pod, model, stencil, metrics);
        return new RomFitResult(folder.Path, metrics, stencil);
    }

    /// <summary>Fits a POD-based model to all simulations of <paramref name="train"/> (also used for leave-one-out refits).</summary>
    internal static ReducedOrderModel FitModel(Pod pod, SnapshotSet train, string file, IReadOnlyList<int>? rows = null)
    {
        var simulations = RomData.Simulations(train);
        var parameters = RomData.ParameterRows(train);
        if (rows is not null)
        {
            simulations = rows.Select(k => simulations[k]).ToArray();
            parameters = rows.Select(k => parameters[k]).ToArray();
        }
        try
        {
            return ReducedOrderModel.Fit(pod, simulations, parameters, train.Channels.Length, RomData.GridSize(train));
        }
        catch (ArgumentException e)
        {
            throw new InputException(file, "params", e.Message);
        }
    }

    private static Dictionary<string, NdArray> PodArrays(Pod pod, ReducedOrderModel model)
    {
        int n = pod.Mean.Count, r = pod.LatentSize, p = model.Parameters.Count, s = model.Parameters[0].Length;
        return new Dictionary<string, NdArray>
        {
            ["mean"] = NdArray.Of(pod.Mean.ToArray(), n),
            ["modes"] = NdArray.Of(pod.Modes.SelectMany(m => m).ToArray(), r, n),
            ["singular_values"] = NdArray.Of(pod.SingularValues, pod.SingularValues.Length),
            ["parameters"] = NdArray.Of(model.Parameters.SelectMany(v => v).ToArray(), p, s),
            ["codes"] = NdArray.Of(model.Codes.SelectMany(v => v).ToArray(), p, r),
        };
    }

    /// <summary>Reads a model folder written by <see cref="Fit"/>; the basis loads back bit for bit.</summary>
    public static LoadedRom Load(RunFolder folder)
    {
        var config = folder.ReadJson<RomRunConfig>(ConfigFile);
        var spec = folder.ReadJson<RomModelSpec>(ModelSpecFile);
        string path = folder.File(PodFile);
        var arrays = ChecksummedArrayFile.Read(path);
        NdArray Get(string name) => arrays.TryGetValue(name, out var a) ? a : throw new InputException(path, name, "missing");
        double[] Values(string name) => (double[])Get(name).Data;
        double[][] Rows(string name)
        {
            var a = Get(name);
            if (a.Shape.Length != 2) throw new InputException(path, name, "expected a 2-D array");
            var v = (double[])a.Data;
            return Enumerable.Range(0, a.Shape[0]).Select(k => v.AsSpan(k * a.Shape[1], a.Shape[1]).ToArray()).ToArray();
        }
        var pod = new Pod(new PodConfig(config.Latent, config.EnergyTarget), Values("mean"), Rows("modes"), Values("singular_values"));
        if (pod.Mean.Count != spec.SampleShape.Aggregate(1, (a, b) => a * b) || pod.LatentSize != spec.LatentSize)
            throw new InputException(path, "modes", "do not match model.json");
        var model = new ReducedOrderModel(pod, spec.Scaling, Rows("parameters"), Rows("codes"));
        RomConditioner.Attach(folder, model);
        return new LoadedRom(config, spec, model);
    }

    /// <summary>
    /// The simulation at <paramref name="parameter"/> as a one-simulation snapshot set with the training data's time and
    /// channels, and how long the prediction itself took. A point outside the training hull is refused unless
    /// <paramref name="allowExtrapolation"/>; errors name <paramref name="source"/>.
    /// </summary>
    public static (SnapshotSet Set, RomPrediction Prediction, double Seconds) Predict(LoadedRom rom, double[] parameter, InterpolationKind kind,
        bool allowExtrapolation, string source = "parameter")
    {
        if (parameter.Length != rom.Spec.ParamNames.Length)
            throw new InputException(source, ReducedOrderModel.Describe(parameter),
                $"has {parameter.Length} value{(parameter.Length == 1 ? "" : "s")}, the model's parameters are ({string.Join(", ", rom.Spec.ParamNames)})");
        if (parameter.Any(v => !double.IsFinite(v))) throw new InputException(source, ReducedOrderModel.Describe(parameter), "must be finite numbers");
        rom.Model.Interpolation(kind); // an interpolation fitted at first use (rbf) is fitted here, outside the prediction's time
        var clock = Stopwatch.StartNew();
        var prediction = rom.Model.Predict(parameter, kind, allowExtrapolation, source);
        double seconds = clock.Elapsed.TotalSeconds;
        var config = new System.Text.Json.Nodes.JsonObject
        {
            ["interpolation"] = ChoiceName.Of(kind),
            ["reduction"] = ChoiceName.Of(rom.Spec.Reduction),
            ["latent_size"] = rom.Spec.LatentSize,
            ["extrapolated"] = prediction.Latent.Extrapolated,
            ["training_data"] = rom.Config.TrainData,
            ["neighbours"] = new System.Text.Json.Nodes.JsonArray(prediction.Latent.Neighbours.Select(k => (System.Text.Json.Nodes.JsonNode)k).ToArray()),
            ["weights"] = new System.Text.Json.Nodes.JsonArray(prediction.Latent.Weights.Select(w => (System.Text.Json.Nodes.JsonNode)w).ToArray()),
        };
        var set = new SnapshotSet(prediction.Simulation, [1, .. rom.Spec.SampleShape], rom.Spec.Channels, (double[])parameter.Clone(),
            rom.Spec.ParamNames, rom.Spec.Time, new Dictionary<string, NdArray>(), "deeprom rom predict", config.ToJsonString());
        return (set, prediction, seconds);
    }
}
