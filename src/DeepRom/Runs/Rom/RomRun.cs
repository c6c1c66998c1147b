using System.Diagnostics;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Reductions;
using DeepRom.Training;
using TorchSharp;

namespace DeepRom.Runs.Rom;

/// <summary>What fitting a parametric ROM produced.</summary>
public sealed record RomFitResult(string Folder, Dictionary<string, double?> Metrics, string Stencil);

/// <summary>A fitted model read back from its folder; disposing it frees a network's tensors.</summary>
public sealed record LoadedRom(RomRunConfig Config, RomModelSpec Spec, ReducedOrderModel Model) : IDisposable
{
    public void Dispose() => (Model.Reduction as IDisposable)?.Dispose();
}

/// <summary>
/// The parametric-ROM workflow (the same shape as <see cref="VaeRun"/>): fit a reduction and a latent interpolation to
/// training simulations and write a model folder (<c>config.json</c>, <c>model.json</c>, <c>metrics.json</c>, plots,
/// <c>report.html</c>, and the reduction: POD's basis in a checksummed <c>pod.bin</c>; a network's weights in
/// <c>model.bin</c>, its training checkpoint in <c>checkpoint/</c> and the codes in a checksummed <c>codes.bin</c>);
/// predict a whole simulation at a new parameter point; evaluate against test simulations (<see cref="RomEvaluation"/>).
/// </summary>
public static class RomRun
{
    public const string ConfigFile = "config.json";
    public const string ModelSpecFile = "model.json";
    public const string PodFile = "pod.bin";
    public const string WeightsFile = "model.bin";
    public const string CodesFile = "codes.bin";
    public const string CheckpointFolder = "checkpoint";
    public const string MetricsFile = "metrics.json";

    /// <summary>
    /// Fits the model <paramref name="config"/> describes and writes the model folder; bad input is refused before anything
    /// is written. With <paramref name="resume"/> a network's interrupted fit continues from the folder's checkpoint and
    /// takes its settings from the folder's <c>config.json</c>, except that <paramref name="extendTo"/> can raise the
    /// number of epochs. A network writes <c>config.json</c> before training, so that an interrupted fit can be resumed.
    /// </summary>
    public static RomFitResult Fit(RomRunConfig config, RunFolder folder, Action<string>? log = null, bool resume = false, int? extendTo = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken ct = default)
    {
        if (resume) config = Resumed(folder, extendTo);
        if (config.Latent < 1) throw new InputException("--latent", config.Latent.ToString(System.Globalization.CultureInfo.InvariantCulture), "the latent budget must be at least 1");
        SnapshotSet train = SnapshotFile.Read(config.TrainData);
        foreach (string note in train.Notes) log?.Invoke($"note: {note}");
        RomData.CheckTraining(train, config.TrainData);
        int steps = RomData.Steps(train);
        IReduction reduction = ReductionBuilder.Create(config, steps, train.SampleLength / steps);
        try
        {
            bool neural = reduction is NeuralReduction;
            if (!resume) folder.WriteJson(ConfigFile, config);
            var control = new FitControl(progress, log, neural ? new Checkpoint(folder.File(CheckpointFolder)) : null, resume, ct);
            var clock = Stopwatch.StartNew();
            ReducedOrderModel model = FitModel(reduction, train, config.TrainData, control: control);
            double seconds = clock.Elapsed.TotalSeconds;
            // An extension is recorded only once training from the checkpoint worked: refused input changes nothing.
            if (resume && extendTo is not null) folder.WriteJson(ConfigFile, config);

            var spec = new RomModelSpec(config.Reduction, train.FieldShape[1..], train.Channels, train.ParamNames!, train.Time,
                model.Scaling, reduction.LatentSize, config.EnergyTarget, train.Generator);
            folder.WriteJson(ModelSpecFile, spec);
            Save(folder, model);
            string stencil = model.Interpolation(InterpolationKind.Lerp).Description;
            var metrics = FitMetrics(reduction, train.Count, seconds);
            RomConditioner.FitAndSave(model, folder, config.Seed, metrics);
            folder.WriteJson(MetricsFile, metrics);
            RomReport.WriteFit(folder, config, spec, reduction, model, stencil, metrics);
            return new RomFitResult(folder.Path, metrics, stencil);
        }
        finally
        {
            (reduction as IDisposable)?.Dispose();
        }
    }

    /// <summary>The folder's settings for a resumed fit, extended to <paramref name="extendTo"/> epochs when given.</summary>
    private static RomRunConfig Resumed(RunFolder folder, int? extendTo)
    {
        RomRunConfig config = ReadConfig(folder);
        if (!ReductionKinds.IsNeural(config.Reduction) || config.Trainer is not { } trainer)
            throw new InputException(folder.Path, "--resume", $"{ChoiceName.Of(config.Reduction)} is fitted in one step and keeps no checkpoint; fit it again with --force");
        if (extendTo is not { } epochs || epochs == trainer.Epochs) return config;
        if (epochs < trainer.Epochs)
            throw new InputException("--epochs", "value", $"a resumed fit can only be extended: it is set to {trainer.Epochs} epochs");
        return config with { Trainer = trainer with { Epochs = epochs } };
    }

    /// <summary>The model folder's <c>config.json</c> (also one written before the networks existed).</summary>
    public static RomRunConfig ReadConfig(RunFolder folder) => folder.ReadJson<RomRunConfig>(ConfigFile);

    private static Dictionary<string, double?> FitMetrics(IReduction reduction, int simulations, double seconds)
    {
        var metrics = new Dictionary<string, double?>
        {
            [RomMetrics.LatentSize] = reduction.LatentSize,
            [RomMetrics.TrainingSimulations] = simulations,
        };
        switch (reduction)
        {
            case Pod pod:
                metrics[RomMetrics.EnergyCaptured] = pod.EnergyCaptured;
                metrics[RomMetrics.FitSeconds] = seconds;
                break;
            case NeuralReduction network:
                var state = network.State!;
                var last = state.History.Count > 0 ? state.History[^1].Parts : new Dictionary<string, double>();
                // The training's wall time summed over an interrupted fit's runs (encoding the codes afterwards takes well under a second).
                metrics[RomMetrics.FitSeconds] = state.Seconds;
                metrics[RomMetrics.Epochs] = state.EpochsDone;
                metrics[RomMetrics.TrainingLoss] = last.TryGetValue("loss", out double loss) ? loss : null;
                metrics[RomMetrics.TrainingMse] = last.TryGetValue("mse", out double mse) ? mse : null;
                metrics[RomMetrics.NetworkParameters] = network.ParameterCount;
                metrics[RomMetrics.Recoveries] = state.Recoveries;
                break;
        }
        return metrics;
    }

    /// <summary>Fits a model to the simulations of <paramref name="train"/> (all, or <paramref name="rows"/>: leave-one-out refits).</summary>
    internal static ReducedOrderModel FitModel(IReduction reduction, SnapshotSet train, string file, IReadOnlyList<int>? rows = null, FitControl? control = null)
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
            return ReducedOrderModel.Fit(reduction, simulations, parameters, train.Channels.Length, RomData.GridSize(train), control);
        }
        catch (ArgumentException e)
        {
            throw new InputException(file, "params", e.Message);
        }
    }

    /// <summary>Writes the fitted reduction, the training parameters and their codes.</summary>
    private static void Save(RunFolder folder, ReducedOrderModel model)
    {
        var arrays = new Dictionary<string, NdArray>
        {
            ["parameters"] = NdArray.Of(model.Parameters.SelectMany(v => v).ToArray(), model.Parameters.Count, model.Parameters[0].Length),
            ["codes"] = NdArray.Of(model.Codes.SelectMany(v => v).ToArray(), model.Codes.Count, model.Reduction.LatentSize),
        };
        switch (model.Reduction)
        {
            case Pod pod:
                int n = pod.Mean.Count;
                arrays["mean"] = NdArray.Of(pod.Mean.ToArray(), n);
                arrays["modes"] = NdArray.Of(pod.Modes.SelectMany(m => m).ToArray(), pod.LatentSize, n);
                arrays["singular_values"] = NdArray.Of(pod.SingularValues, pod.SingularValues.Length);
                ChecksummedArrayFile.Write(folder.File(PodFile), arrays, force: true);
                break;
            case NeuralReduction network:
                network.SaveWeights(folder.File(WeightsFile));
                ChecksummedArrayFile.Write(folder.File(CodesFile), arrays, force: true);
                break;
            default:
                throw new NotSupportedException($"no file layout for {model.Reduction.GetType().Name}");
        }
    }

    /// <summary>
    /// libtorch threads for a loaded network's predictions. One simulation at a time is too little work to share: on the
    /// two-core AMD EPYC under load, an LSH-VAE prediction on Burgers took 21 ms on one thread and 326 ms on two, a CAE's
    /// 35 and 118 ms (<c>DeepRom.Bench rom-predict</c>).
    /// </summary>
    public const int PredictionThreads = 1;

    /// <summary>Reads a model folder written by <see cref="Fit"/>; the basis or the weights load back bit for bit; a network predicts on <see cref="PredictionThreads"/> threads.</summary>
    public static LoadedRom Load(RunFolder folder)
    {
        var config = ReadConfig(folder);
        var spec = folder.ReadJson<RomModelSpec>(ModelSpecFile);
        bool neural = ReductionKinds.IsNeural(spec.Reduction);
        string path = folder.File(neural ? CodesFile : PodFile);
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
        var codes = Rows("codes");
        if (codes.Any(c => c.Length != spec.LatentSize)) throw new InputException(path, "codes", "do not match model.json");
        if (!neural)
        {
            var pod = new Pod(new PodConfig(config.Latent, config.EnergyTarget), Values("mean"), Rows("modes"), Values("singular_values"));
            if (pod.Mean.Count != spec.SampleShape.Aggregate(1, (a, b) => a * b) || pod.LatentSize != spec.LatentSize)
                throw new InputException(path, "modes", "do not match model.json");
            var model = new ReducedOrderModel(pod, spec.Scaling, Rows("parameters"), codes);
            RomConditioner.Attach(folder, model);
            return new LoadedRom(config, spec, model);
        }
        var reduction = ReductionBuilder.Create(config, spec.Steps, spec.Nodes);
        torch.set_num_threads(PredictionThreads);
        try
        {
            if (reduction.LatentSize != spec.LatentSize) throw new InputException(folder.File(ConfigFile), "Latent", "does not match model.json");
            ((NeuralReduction)reduction).LoadWeights(folder.File(WeightsFile));
            var model = new ReducedOrderModel(reduction, spec.Scaling, Rows("parameters"), codes);
            RomConditioner.Attach(folder, model);
            return new LoadedRom(config, spec, model);
        }
        catch
        {
            (reduction as IDisposable)?.Dispose();
            throw;
        }
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
