using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Models.Hits;
using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Runs.Hits;

/// <summary>What training a hierarchy produced.</summary>
public sealed record HitsTrainResult(string Folder, JsonObject Metrics, TrainingState State);

/// <summary>A trained hierarchy read back from its folder.</summary>
public sealed record LoadedHierarchy(HitsRunConfig Config, HitsModelSpec Spec, StepperEnsemble Ensemble) : IDisposable
{
    public void Dispose() => Ensemble.Dispose();
}

/// <summary>
/// The time-stepper workflow (the same shape as <see cref="VaeRun"/>): read and check the trajectories, train every level
/// of the hierarchy together with checkpoints, keep each level's best validation weights, and write the model folder
/// (<c>config.json</c>, <c>model.json</c>, <c>model.bin</c>, <c>metrics.json</c>, plots, <c>report.html</c>).
/// Forecasting and evaluation are <see cref="HitsForecast"/>.
/// </summary>
public static class HitsRun
{
    public const string ConfigFile = "config.json";
    public const string ModelSpecFile = "model.json";
    public const string WeightsFile = "model.bin";
    public const string MetricsFile = "metrics.json";

    /// <summary>
    /// Trains (or, with <paramref name="resume"/>, continues) the run <paramref name="config"/> describes; a resumed run
    /// takes its settings from the folder, except that <paramref name="extendTo"/> can raise the iteration budget.
    /// Bad input is refused before anything is written.
    /// </summary>
    public static HitsTrainResult Train(HitsRunConfig config, RunFolder folder, bool resume, IProgress<TrainingProgress>? progress = null,
        Action<string>? log = null, CancellationToken ct = default, int? extendTo = null)
    {
        if (resume)
        {
            config = folder.ReadJson<HitsRunConfig>(ConfigFile);
            if (extendTo is { } iterations && iterations != config.MaxIterations)
            {
                if (iterations < config.MaxIterations)
                    throw new InputException("--max-iterations", "value", $"a resumed run can only be extended: it is set to {config.MaxIterations} iterations");
                config = config with { MaxIterations = iterations };
            }
        }
        config.Validate();
        // A budget below one validation round validates once, at its end; the round stays fixed once written, so a
        // resumed run counts its rounds the same way.
        if (!resume) config = config with { ValidateEvery = Math.Min(config.ValidateEvery, config.MaxIterations) };
        var (train, dt) = HitsData.Read(config.TrainData, log);
        var (validation, valDt) = HitsData.Read(config.ValidationData, log);
        HitsData.CheckMatches(validation, valDt, config.ValidationData, train.Dimension, dt);
        if (!resume && config.TrimLevelsToData)
        {
            LevelRange fitting = HitsData.LevelsFitting(config.Levels, config.RolloutSteps, Math.Min(train.Steps, validation.Steps));
            if (fitting != config.Levels)
                log?.Invoke($"note: trajectories of {Math.Min(train.Steps, validation.Steps)} samples train levels {fitting} of {config.Levels} ({config.RolloutSteps} steps of the next level's {2 * fitting.LargestStep} dt do not fit)");
            config = config with { Levels = fitting };
        }
        var (samples, why) = HitsData.TrainingNeeds(config.Levels, config.RolloutSteps);
        HitsData.RequireSamples(train, config.TrainData, samples, why);
        HitsData.RequireSamples(validation, config.ValidationData, samples, why);

        using var trainStates = HitsData.States(train);
        var scaling = StateScaling.Of(train.States, train.Dimension);
        var spec = new HitsModelSpec(new StepperEnsembleConfig(train.Dimension, config.Levels, config.Width, config.Depth),
            scaling, dt, config.RolloutSteps, StepperEnsemble.IncrementScales(trainStates, scaling, config.Levels));
        if (!resume)
        {
            folder.WriteJson(ConfigFile, config);
            folder.WriteJson(ModelSpecFile, spec);
        }

        torch.manual_seed(config.Seed);
        using var ensemble = new StepperEnsemble(spec.Model, spec.Scaling, spec.IncrementScale);
        using var validationStates = HitsData.States(validation);
        using var objective = new HierarchyObjective(ensemble, trainStates, validationStates, config.RolloutSteps, config.Windows,
            config.BatchSize, config.ValidateEvery);
        var trainer = new Trainer(config.Trainer, objective, new Checkpoint(folder.File("checkpoint")), progress, log)
        {
            Monitor = _ =>
            {
                double[] losses = objective.ValidationLosses();
                ensemble.KeepImproved(losses);
                return config.Levels.Levels.Zip(losses).ToDictionary(p => HitsMetrics.LevelValidationLoss(p.First), p => p.Second);
            },
            // Training stops when the worst level's best validation loss reaches the floor: every level has then reached it.
            Validation = _ => ensemble.BestLosses.Max(),
        };
        TrainingState state = trainer.Run(resume, ct);
        if (resume && extendTo is not null) folder.WriteJson(ConfigFile, config);
        ensemble.RestoreBest();
        AtomicFile.Write(folder.File(WeightsFile), force: true, temp => ensemble.save(temp));

        double[] best = ensemble.BestLosses;
        var metrics = new JsonObject
        {
            [HitsMetrics.TrainSeconds] = state.Seconds,
            [HitsMetrics.Iterations] = (long)state.EpochsDone * config.ValidateEvery,
            [HitsMetrics.ParametersPerLevel] = ensemble.ParametersPerLevel,
            [HitsMetrics.ValidationLossPerLevel] = PerLevel(config.Levels, best),
            [HitsMetrics.EarlyStop] = state.EarlyStop?.ToString(),
        };
        folder.WriteJson(MetricsFile, metrics);
        HitsReport.WriteTraining(folder, config, spec, state, best);
        return new HitsTrainResult(folder.Path, metrics, state);
    }

    /// <summary>Reads a model folder written by <see cref="Train"/>.</summary>
    public static LoadedHierarchy Load(RunFolder folder)
    {
        var config = folder.ReadJson<HitsRunConfig>(ConfigFile);
        var spec = folder.ReadJson<HitsModelSpec>(ModelSpecFile);
        try { spec.Model.Validate(); }
        catch (ArgumentException e) { throw new InputException(folder.File(ModelSpecFile), "Model", e.Message); }
        if (spec.Scaling.Mean.Length != spec.Model.Dimension || spec.Scaling.Std.Length != spec.Model.Dimension)
            throw new InputException(folder.File(ModelSpecFile), "Scaling", "does not match the state dimension");
        if (spec.IncrementScale is null || spec.IncrementScale.Length != spec.Model.Levels.Count || spec.IncrementScale.Any(r => r.Length != spec.Model.Dimension))
            throw new InputException(folder.File(ModelSpecFile), "IncrementScale", "does not match the levels and the state dimension");
        var ensemble = new StepperEnsemble(spec.Model, spec.Scaling, spec.IncrementScale);
        try { Checkpoint.LoadWeights(ensemble, folder.File(WeightsFile)); }
        catch
        {
            ensemble.Dispose();
            throw;
        }
        ensemble.eval();
        return new LoadedHierarchy(config, spec, ensemble);
    }

    /// <summary>Values by level as a JSON object {"k": value} (non-finite values as null).</summary>
    public static JsonObject PerLevel(LevelRange levels, IReadOnlyList<double> values) =>
        new(levels.Levels.Select((k, i) => KeyValuePair.Create(k.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (JsonNode?)(double.IsFinite(values[i]) ? JsonValue.Create(values[i]) : null))));
}
