using System.Diagnostics;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Metrics;
using DeepRom.Models.Sequence;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Runs.Hits.Benchmark;

/// <summary>One model's outcome: its error over the generated samples (data units), its costs and what training reached.</summary>
/// <param name="Generated">The generated samples (H, d) row-major, data units.</param>
/// <param name="Valid">Normalised error and valid prediction time (reported for the forecast protocol).</param>
public sealed record SequenceModelResult(SequenceModelKind Model, double Mse, double TrainSeconds, double GenerateSeconds, int Epochs,
    long OptimizerSteps, double FinalLoss, ValidPredictionTime Valid, double[] Generated, string Description, string? Levels);

/// <summary>Everything one benchmark run measured.</summary>
/// <param name="Truth">The true samples Start + 1 .. Start + H (H, d) row-major.</param>
public sealed record SequenceBenchmarkResult(string Folder, JsonObject Metrics, SequenceBenchmarkConfig Config, SequenceSplit Split, double TimeStep,
    int Dimension, double[] Truth, IReadOnlyList<SequenceModelResult> Models);

/// <summary>
/// HiTS against the sequence-generation baselines (LSTM, echo-state network, clockwork RNN) on one sequence, as in the
/// HiTS paper's sequence experiments: features scaled by the training part's mean and range, every model trained for the
/// same wall time, then generating free-running; scored in the data's units. Writes config.json, metrics.json, plots and
/// report.html.
/// </summary>
/// <remarks>
/// The recurrent baselines read the training part (in the reproduce protocol only x0) as their context before generating,
/// which sets their hidden state; HiTS needs only the last state.
/// </remarks>
public static class SequenceBenchmark
{
    public const string ConfigFile = "config.json";
    public const string MetricsFile = "metrics.json";

    /// <summary>
    /// Runs the benchmark into the run folder that <paramref name="openFolder"/> opens, called only once the data have
    /// passed their checks, so that bad input leaves nothing behind.
    /// </summary>
    /// <param name="progress">Receives the number of models done.</param>
    public static SequenceBenchmarkResult Run(SequenceBenchmarkConfig config, Func<RunFolder> openFolder, Action<string>? log = null,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        config.Validate();
        var (set, dt) = HitsData.Read(config.Data, log);
        if (set.Count != 1)
            throw new InputException(config.Data, "states", $"hold {set.Count} trajectories; the benchmark takes one sequence (states (1, S, d))");
        var split = SequenceSplit.For(config.Protocol, set.Steps, config.TrainFraction, config.Data);
        RequireTrainingLength(config, split);
        if (config.Threads > 0) torch.set_num_threads(config.Threads);

        int d = set.Dimension;
        var scaling = RangeScaling.Of(set.States.AsSpan(0, split.TrainSamples * d), d);
        using var train = tensor(scaling.Scale(set.States.AsSpan(0, split.TrainSamples * d)), dtype: float32).view(split.TrainSamples, d);
        using var context = config.Protocol == BenchmarkProtocol.Reproduce ? train.narrow(0, 0, 1) : train.alias();
        double[] truth = set.States.AsSpan((split.Start + 1) * d, split.Horizon * d).ToArray();
        RunFolder folder = openFolder();
        folder.WriteJson(ConfigFile, config);

        var results = new List<SequenceModelResult>();
        foreach (SequenceModelKind kind in config.Models)
        {
            ct.ThrowIfCancellationRequested();
            log?.Invoke($"{ChoiceName.Of(kind)}: training for {config.Minutes:g4} min");
            torch.manual_seed(config.Seed);
            double budget = config.Minutes * 60;
            var clock = Stopwatch.StartNew();
            using FittedSequenceModel fitted = kind switch
            {
                SequenceModelKind.Hits => HitsOnSequence.Fit(train, config, split.Horizon, budget, log, ct),
                SequenceModelKind.Lstm => BaselineFits.Lstm(train, config, budget, log, ct),
                SequenceModelKind.Esn => BaselineFits.EchoState(train, config),
                SequenceModelKind.Cwrnn => BaselineFits.ClockworkRnn(train, config, budget, log, ct),
                _ => throw new ArgumentOutOfRangeException(nameof(config), kind, "unknown model"),
            };
            double trainSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            double[] generated;
            using (var scaled = fitted.Generate(context, split.Horizon))
                generated = scaling.Unscale(scaled.to_type(float64).contiguous().data<double>().ToArray());
            double generateSeconds = clock.Elapsed.TotalSeconds;
            double mse = MeanSquaredError(generated, truth);
            var valid = ValidPredictionTime.Of(generated, truth, d, dt, config.ValidErrorThreshold);
            log?.Invoke($"{ChoiceName.Of(kind)}: {fitted.Epochs} epochs in {trainSeconds:0.#} s, generated {split.Horizon} steps in {generateSeconds:0.##} s, MSE {mse:g3}");
            results.Add(new SequenceModelResult(kind, mse, trainSeconds, generateSeconds, fitted.Epochs, fitted.OptimizerSteps, fitted.FinalLoss, valid,
                generated, fitted.Description, fitted.Levels));
            progress?.Report(results.Count);
        }

        var result = new SequenceBenchmarkResult(folder.Path, new JsonObject(), config, split, dt, d, truth, results);
        result = result with { Metrics = ToJson(result) };
        folder.WriteJson(MetricsFile, result.Metrics);
        SequenceBenchmarkReport.Write(folder, result);
        return result;
    }

    /// <summary>Refuses a training part too short for some chosen model, naming the data file and what needs the samples.</summary>
    private static void RequireTrainingLength(SequenceBenchmarkConfig config, SequenceSplit split)
    {
        var needs = new List<(int Samples, string Why)>();
        if (config.Models.Contains(SequenceModelKind.Hits))
            needs.Add((config.HitsRollout + 1, $"HiTS's {config.HitsRollout}-step rollout of its smallest step (1 dt)"));
        if (config.Models.Contains(SequenceModelKind.Esn))
            needs.Add((BaselineFits.EchoStateNeeds(config), $"the ESN's washout of {config.EsnWashout} steps"));
        foreach (var (samples, why) in needs)
            if (split.TrainSamples < samples)
                throw new InputException(config.Data, "states", $"the training part has {split.TrainSamples} samples, fewer than the {samples} that {why} needs");
    }

    private static double MeanSquaredError(double[] predicted, double[] truth)
    {
        double sum = 0;
        for (int k = 0; k < truth.Length; k++) sum += (predicted[k] - truth[k]) * (predicted[k] - truth[k]);
        return sum / truth.Length;
    }

    /// <summary>metrics.json and the command's JSON: each figure an object from model name to value (non-finite values as null).</summary>
    private static JsonObject ToJson(SequenceBenchmarkResult r)
    {
        static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
        JsonObject ByModel(Func<SequenceModelResult, JsonNode?> value) =>
            new(r.Models.Select(m => KeyValuePair.Create(ChoiceName.Of(m.Model), value(m))));
        var json = new JsonObject
        {
            [SequenceBenchmarkMetrics.Protocol] = ChoiceName.Of(r.Config.Protocol),
            [SequenceBenchmarkMetrics.Mse] = ByModel(m => Number(m.Mse)),
            [SequenceBenchmarkMetrics.TrainSeconds] = ByModel(m => m.TrainSeconds),
            [SequenceBenchmarkMetrics.GenerateSeconds] = ByModel(m => m.GenerateSeconds),
            [SequenceBenchmarkMetrics.Epochs] = ByModel(m => m.Epochs),
            [SequenceBenchmarkMetrics.OptimizerSteps] = ByModel(m => m.OptimizerSteps),
            [SequenceBenchmarkMetrics.FinalLoss] = ByModel(m => Number(m.FinalLoss)),
            [SequenceBenchmarkMetrics.BudgetSeconds] = r.Config.Minutes * 60,
            [SequenceBenchmarkMetrics.TrainSamples] = r.Split.TrainSamples,
            [SequenceBenchmarkMetrics.GeneratedSamples] = r.Split.Horizon,
            [SequenceBenchmarkMetrics.TimeStep] = r.TimeStep,
        };
        if (r.Config.Protocol == BenchmarkProtocol.Forecast)
            json[SequenceBenchmarkMetrics.ValidTime] = ByModel(m => m.Valid.Time);
        if (r.Models.FirstOrDefault(m => m.Levels is not null) is { } hits) json[SequenceBenchmarkMetrics.HitsLevels] = hits.Levels;
        return json;
    }
}
