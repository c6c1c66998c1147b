using DeepRom.Metrics;
using DeepRom.Models.Hits;
using DeepRom.Models.Hits.Forecasting;
using DeepRom.Training;
using static TorchSharp.torch;

namespace DeepRom.Runs.Hits.Benchmark;

/// <summary>
/// HiTS on one sequence: every level whose training windows fit trains as one ensemble within the time budget, and the
/// multiscale forecast couples the contiguous range of levels with the lowest forecast error on the training sequence.
/// </summary>
/// <remarks>
/// There is no separate validation sequence in this benchmark: each level's best weights and the chosen levels are judged
/// on the training part (in the reproduce protocol, that is also the test data, as in the reference).
/// </remarks>
public static class HitsOnSequence
{
    /// <summary>The levels whose p-step training windows fit in <paramref name="samples"/>: 0 .. B with p 2^B + 1 &lt;= samples, at most the reference's 0-10.</summary>
    public static LevelRange LevelsFor(int samples, int rollout) =>
        HitsData.LevelsFitting(LevelRange.Reference, rollout, samples);

    /// <summary>Trains on <paramref name="train"/> (T, d) scaled features for <paramref name="seconds"/> and chooses levels for a forecast of <paramref name="horizon"/> steps.</summary>
    public static FittedSequenceModel Fit(Tensor train, SequenceBenchmarkConfig config, int horizon, double seconds, Action<string>? log,
        CancellationToken ct)
    {
        int n = (int)train.shape[0], d = (int)train.shape[1];
        LevelRange levels = LevelsFor(n, config.HitsRollout);
        using var states = train.to_type(float64).view(1, n, d);
        var scaling = StateScaling.Of(states.contiguous().data<double>().ToArray(), d);
        var ensemble = new StepperEnsemble(new StepperEnsembleConfig(d, levels, config.HitsWidth, config.HitsDepth), scaling,
            StepperEnsemble.IncrementScales(states, scaling, levels));
        using var objective = new HierarchyObjective(ensemble, states, states, config.HitsRollout, WindowSampling.All, config.HitsBatch, config.HitsRound);
        var trainerConfig = new TrainerConfig
        {
            Epochs = int.MaxValue,
            BatchSize = config.HitsBatch,
            LearningRate = LearningRateSteps.Constant(1e-3),
            Seed = config.Seed,
            MonitorEvery = 1,
            MaxSeconds = seconds,
            Threads = config.Threads,
        };
        var trainer = new Trainer(trainerConfig, objective, log: log)
        {
            Monitor = _ =>
            {
                ensemble.KeepImproved(objective.ValidationLosses());
                return new Dictionary<string, double>();
            },
        };
        TrainingState state = trainer.Run(resume: false, ct);
        ensemble.RestoreBest();
        LevelRange used = Select(ensemble, states, levels, horizon, config.HitsSelectionStarts) ?? levels;
        log?.Invoke($"hits: levels {used} of {levels} chosen on the training sequence");
        var maps = LearnedFlowMap.Of(ensemble, used);
        Tensor Generate(Tensor context, int steps)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            Tensor start = context.narrow(0, context.shape[0] - 1, 1).to_type(float32);
            using var forecast = MultiscaleForecast.Run(start, steps, maps);
            return forecast.Interpolate(steps)[0].narrow(0, 1, steps).MoveToOuterDisposeScope();
        }
        string description = $"levels {levels} trained (steps 1..{levels.LargestStep} dt), {used} coupled; residual MLPs [{d}, {string.Join(", ", Enumerable.Repeat(config.HitsWidth, config.HitsDepth))}, {d}], " +
                             $"{config.HitsRollout}-step rollout loss, {config.HitsBatch} windows per level per minibatch, Adam 1e-3";
        return new FittedSequenceModel(Generate, state.EpochsDone, (long)state.EpochsDone * config.HitsRound,
            state.History.Count > 0 ? state.History[^1].Parts["loss"] : double.NaN, description, ensemble, used.ToString());
    }

    /// <summary>
    /// The range with the lowest MSE of forecasts over <paramref name="horizon"/> steps (at most the training length) from up to
    /// <paramref name="starts"/> evenly spaced training states; null when every range diverged.
    /// </summary>
    private static LevelRange? Select(StepperEnsemble ensemble, Tensor states, LevelRange levels, int horizon, int starts)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long n = states.shape[1];
        int h = (int)Math.Min(horizon, n - 1);
        long room = n - 1 - h;
        int count = (int)Math.Min(starts, room + 1);
        long[] first = Enumerable.Range(0, count).Select(j => count == 1 ? 0 : (long)Math.Round(j * (double)room / (count - 1))).ToArray();
        Tensor sequence = states[0];
        Tensor truth = stack(first.Select(s => sequence.narrow(0, s, h + 1)).ToArray(), 0);
        Tensor initial = truth.select(1, 0).to_type(float32);
        IEnumerable<double> Errors(int highest)
        {
            foreach (SampledForecast forecast in MultiscaleForecast.Refinements(initial, h, LearnedFlowMap.Of(ensemble, new LevelRange(levels.Lowest, highest))))
            {
                using var inner = NewDisposeScope();
                using (forecast) yield return ForecastError.Of(forecast.Interpolate(h), truth).Mse;
            }
        }
        return ModelSelection.Select(ModelSelection.AllRanges(levels, Errors))?.Selected;
    }
}
