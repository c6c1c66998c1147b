using System.Diagnostics;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Metrics;
using DeepRom.Models.Hits;
using DeepRom.Models.Hits.Forecasting;
using DeepRom.Numerics.Ode;
using DeepRom.Physics.Ode.Systems;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Runs.Hits;

/// <summary>One way of forecasting the test set: its error and the wall time it took for the whole set.</summary>
/// <param name="Level">The level of a single-level forecast.</param>
/// <param name="StepSamples">The RK4 step (in samples) of a classical or hybrid forecast.</param>
/// <param name="Tolerance">The relative tolerance of an adaptive integration.</param>
public sealed record MethodResult(string Name, double Mse, double Seconds, double[] MsePerSample, int? Level = null, int? StepSamples = null,
    double? Tolerance = null);

/// <summary>Everything a forecast evaluation measured, for metrics, report and command line.</summary>
/// <param name="Selection">The model selection on the validation set; null when the levels were given.</param>
/// <param name="Fast">The multiscale forecast over <paramref name="FastLevels"/>; null when the levels were given.</param>
/// <param name="FastLevels">The levels <see cref="ModelSelection.SelectFast"/> chose; null when the levels were given.</param>
/// <param name="Examples">Truth and multiscale forecast of the first test trajectories, each (T, d) row-major.</param>
public sealed record HitsForecastResult(
    string Folder,
    JsonObject Metrics,
    LevelRange Trained,
    LevelRange Used,
    LevelSelection? Selection,
    IReadOnlyList<MethodResult> Singles,
    MethodResult Multiscale,
    MethodResult? Fast,
    LevelRange? FastLevels,
    IReadOnlyList<MethodResult> Hybrid,
    IReadOnlyList<MethodResult> Rk4,
    MethodResult? Rk4EqualAccuracy,
    IReadOnlyList<MethodResult> Adaptive,
    MethodResult? AdaptiveEqualAccuracy,
    double TimeStep,
    IReadOnlyList<(double[] Truth, double[] Forecast)> Examples,
    int Dimension);

/// <summary>
/// Forecasts a test set with a trained hierarchy and compares: every level alone, the multiscale forecast over the
/// levels chosen on the validation set (or given), and, with the system's vector field, HiTS's hybrid (network anchors,
/// RK4 fill), plain RK4 at the largest step that is as accurate as the multiscale forecast, and an adaptive pair at the loosest
/// tolerance that is. Writes
/// <c>MODELDIR/forecast-NAME/</c> (metrics.json, plots, report.html).
/// </summary>
public static class HitsForecast
{
    /// <summary>Test trajectories shown in the report's trajectory figures.</summary>
    public const int ExampleCount = 3;

    /// <summary>RK4 steps the hybrid tries: 2^0 .. 2^4 samples (the reference's h = 0.01 .. 0.16).</summary>
    public const int HybridSteps = 5;

    /// <summary>Relative tolerances of the adaptive comparison, loosest first: scipy's default 1e-3 down to 1e-9 (absolute tolerance a thousandth of each).</summary>
    public static IReadOnlyList<double> AdaptiveTolerances { get; } = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9];

    /// <param name="threads">libtorch's intra-op threads (0 leaves libtorch's choice, one per core).</param>
    /// <param name="progress">Receives the percentage of the forecasts done.</param>
    public static HitsForecastResult Run(RunFolder modelFolder, string testFile, LevelRange? levels, OdeSystemKind? system, int threads = 0,
        Action<string>? log = null, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        if (threads < 0) throw new InputException("--threads", "value", $"must be 0 (one per core) or more, got {threads}");
        using var model = HitsRun.Load(modelFolder);
        LevelRange trained = model.Spec.Model.Levels;
        if (levels is { } given && !trained.Contains(given))
            throw new InputException("--levels", given.ToString(), $"lies outside the trained levels {trained}");
        var (test, dt) = HitsData.Read(testFile, log);
        CheckData(model, test, dt, testFile, levels ?? trained);
        if (threads > 0) torch.set_num_threads(threads);
        DynamicalSystem? field = system is { } kind ? DynamicalSystems.Create(kind) : null;
        if (field is not null && field.Dimension != model.Spec.Model.Dimension)
            throw new InputException("--hybrid-rk4", field.Name, $"has {field.Dimension} state components, the model {model.Spec.Model.Dimension}");
        TrajectorySet? validation = null;
        if (levels is null)
        {
            string file = model.Config.ValidationData;
            (validation, double valDt) = HitsData.Read(file, log);
            CheckData(model, validation, valDt, file, trained);
        }

        int work = (levels is null ? trained.SubRanges().Count() : 0) + trained.Count + 1 + (field is null ? 0 : HybridSteps + (int)Math.Log2(Math.Max(1, test.Steps - 1)) + 1 + AdaptiveTolerances.Count);
        int done = 0;
        void Tick() { ct.ThrowIfCancellationRequested(); progress?.Report(100.0 * ++done / work); }

        LevelSelection? selection = null;
        if (validation is not null)
        {
            using var states = HitsData.States(validation);
            using var initial = states.select(1, 0).to_type(float32);
            int horizon = validation.Steps - 1;
            IEnumerable<double> Errors(int highest)
            {
                var down = LearnedFlowMap.Of(model.Ensemble, new LevelRange(trained.Lowest, highest));
                foreach (SampledForecast forecast in MultiscaleForecast.Refinements(initial, horizon, down))
                {
                    using var scope = NewDisposeScope();
                    using (forecast) yield return ForecastError.Of(forecast.Interpolate(horizon), states).Mse;
                    Tick();
                }
            }
            selection = ModelSelection.Select(ModelSelection.AllRanges(trained, Errors));
            if (selection is null) log?.Invoke($"note: every range of levels diverged on {model.Config.ValidationData}; forecasting with all of them");
        }
        LevelRange used = selection?.Selected ?? levels ?? trained;
        LevelRange? fastLevels = selection is null ? null : ModelSelection.SelectFast(selection.Tried)?.Selected;

        using var truth = HitsData.States(test);
        using var x0 = truth.select(1, 0).to_type(float32);
        using var x0Double = truth.select(1, 0).clone();
        int steps = test.Steps - 1;
        var singles = new List<MethodResult>();
        foreach (int k in trained.Levels)
        {
            singles.Add(Measure($"level {k} ({LevelRange.StepOf(k)} dt)", x => MultiscaleForecast.Run(x, steps, [new LearnedFlowMap(model.Ensemble, k)]), x0, truth, steps) with { Level = k });
            Tick();
        }
        double[][]? exampleForecasts = null;
        MethodResult multiscale = Measure($"multiscale (levels {used})", x => MultiscaleForecast.Run(x, steps, LearnedFlowMap.Of(model.Ensemble, used)), x0, truth, steps,
            dense => exampleForecasts = Examples(dense, test));
        Tick();
        MethodResult? fast = fastLevels is not { } f ? null
            : f == used ? multiscale with { Name = $"fast multiscale (levels {f})" }
            : Measure($"fast multiscale (levels {f})", x => MultiscaleForecast.Run(x, steps, LearnedFlowMap.Of(model.Ensemble, f)), x0, truth, steps);

        var hybrid = new List<MethodResult>();
        var rk4 = new List<MethodResult>();
        MethodResult? equal = null, adaptiveEqual = null;
        var adaptive = new List<MethodResult>();
        if (field is not null)
        {
            var anchors = new LearnedFlowMap(model.Ensemble, used.Highest);
            for (int j = 0; j < HybridSteps && (1 << j) <= anchors.Steps; j++)
            {
                int h = 1 << j;
                hybrid.Add(Measure($"hybrid: level {used.Highest} anchors, RK4 h = {h} dt", x => ClassicalForecast.Hybrid(x, steps, anchors, field, dt, h), x0Double, truth, steps)
                    with { StepSamples = h });
                Tick();
            }
            // Classical steps up to the horizon: RK4 may stay accurate at steps coarser than any trained level.
            for (int k = 0; LevelRange.StepOf(k) <= steps && k <= LevelRange.MaxLevel; k++)
            {
                int h = LevelRange.StepOf(k);
                rk4.Add(Measure($"RK4 h = {h} dt", x => ClassicalForecast.Rk4(x, steps, field, dt, h), x0Double, truth, steps) with { StepSamples = h });
                Tick();
            }
            // The largest step up to which every step is no worse than the multiscale forecast: classical integration at equal
            // accuracy (a blown-up step that happens to land close again does not count).
            equal = rk4.TakeWhile(r => r.Mse <= multiscale.Mse).LastOrDefault();
            foreach (double rtol in AdaptiveTolerances)
            {
                var tolerance = new ErrorTolerance(rtol, rtol * 1e-3);
                adaptive.Add(Measure($"adaptive RK45 rtol {rtol:0e0}", x => ClassicalForecast.Adaptive(x, steps, field, dt, tolerance), x0Double, truth, steps)
                    with { Tolerance = rtol });
                Tick();
            }
            // The loosest tolerance from which every tighter one is no worse than the multiscale forecast.
            adaptiveEqual = adaptive.AsEnumerable().Reverse().TakeWhile(r => r.Mse <= multiscale.Mse).LastOrDefault();
        }

        var examples = Enumerable.Range(0, exampleForecasts?.Length ?? 0)
            .Select(m => (Truth: test.States.AsSpan(m * test.Steps * test.Dimension, test.Steps * test.Dimension).ToArray(), Forecast: exampleForecasts![m]))
            .ToArray();
        string name = "forecast-" + Path.GetFileNameWithoutExtension(testFile);
        var target = RunFolder.Open(modelFolder.File(name), resume: false, force: true);
        var result = new HitsForecastResult(target.Path, new JsonObject(), trained, used, selection, singles, multiscale, fast, fastLevels, hybrid, rk4, equal,
            adaptive, adaptiveEqual, dt, examples, test.Dimension);
        result = result with { Metrics = ToJson(result, test.Count, steps) };
        target.WriteJson(HitsRun.MetricsFile, result.Metrics);
        HitsReport.WriteForecast(target, model, testFile, result);
        return result;
    }

    /// <summary>Refuses data of another dimension or dt, or too short for one step of the coarsest level in use.</summary>
    private static void CheckData(LoadedHierarchy model, TrajectorySet set, double dt, string file, LevelRange levels)
    {
        HitsData.CheckMatches(set, dt, file, model.Spec.Model.Dimension, model.Spec.TimeStep);
        HitsData.RequireSamples(set, file, levels.LargestStep + 1L, $"one step of the coarsest level in use ({levels.LargestStep} dt, level {levels.Highest})");
    }

    /// <summary>
    /// Times one forecast of the whole set (after a warm-up on a few trajectories, so that one-off costs are not counted),
    /// from the initial states to every sample, and scores it.
    /// </summary>
    private static MethodResult Measure(string name, Func<Tensor, SampledForecast> forecast, Tensor initial, Tensor truth, int steps,
        Action<Tensor>? keep = null)
    {
        using var scope = NewDisposeScope();
        using (var warm = forecast(initial.narrow(0, 0, Math.Min(8, initial.shape[0])))) warm.Interpolate(steps).Dispose();
        var clock = Stopwatch.StartNew();
        using var sampled = forecast(initial);
        Tensor dense = sampled.Interpolate(steps);
        double seconds = clock.Elapsed.TotalSeconds;
        var error = ForecastError.Of(dense, truth);
        keep?.Invoke(dense);
        return new MethodResult(name, error.Mse, seconds, error.MsePerSample);
    }

    private static double[][] Examples(Tensor dense, TrajectorySet test)
    {
        int count = Math.Min(ExampleCount, test.Count);
        return Enumerable.Range(0, count).Select(m => dense[m].to_type(float64).contiguous().data<double>().ToArray()).ToArray();
    }

    /// <summary>metrics.json and the command's JSON: the figures by the names in <see cref="HitsMetrics"/>.</summary>
    private static JsonObject ToJson(HitsForecastResult r, int trajectories, int horizon)
    {
        MethodResult best = r.Singles.Where(s => double.IsFinite(s.Mse)).MinBy(s => s.Mse) ?? r.Singles[0];
        static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
        static JsonObject Entry(MethodResult m) => new() { ["step"] = m.StepSamples, ["mse"] = Number(m.Mse), ["seconds"] = m.Seconds };
        MethodResult? oneDt = r.Singles.FirstOrDefault(s => s.Level == 0);
        MethodResult? bestHybrid = r.Hybrid.Where(h => double.IsFinite(h.Mse)).MinBy(h => h.Mse);
        var json = new JsonObject
        {
            [HitsMetrics.MseMultiscale] = Number(r.Multiscale.Mse),
            [HitsMetrics.MseBestSingle] = Number(best.Mse),
            [HitsMetrics.BestSingleLevel] = best.Level,
            [HitsMetrics.MsePerLevel] = HitsRun.PerLevel(r.Trained, r.Singles.Select(s => s.Mse).ToArray()),
            [HitsMetrics.SelectedLevels] = new JsonArray(r.Used.Lowest, r.Used.Highest),
            [HitsMetrics.SecondsMultiscale] = r.Multiscale.Seconds,
            [HitsMetrics.SecondsSingle1Dt] = oneDt?.Seconds,
            [HitsMetrics.SecondsPerLevel] = HitsRun.PerLevel(r.Trained, r.Singles.Select(s => s.Seconds).ToArray()),
            [HitsMetrics.TestTrajectories] = trajectories,
            [HitsMetrics.Horizon] = horizon,
        };
        if (r.Fast is { } fast)
        {
            json[HitsMetrics.FastLevels] = r.FastLevels is { } f ? new JsonArray(f.Lowest, f.Highest) : null;
            json[HitsMetrics.MseFast] = Number(fast.Mse);
            json[HitsMetrics.SecondsFast] = fast.Seconds;
        }
        if (r.Selection is { } selection)
            json[HitsMetrics.SelectionValidationMse] = new JsonObject(selection.Tried.Select(t => KeyValuePair.Create(t.Levels.ToString(), Number(t.Error))));
        if (r.Hybrid.Count > 0)
        {
            json[HitsMetrics.MseHybrid] = bestHybrid is null ? null : Number(bestHybrid.Mse);
            json[HitsMetrics.Hybrid] = new JsonArray(r.Hybrid.Select(m => (JsonNode)Entry(m)).ToArray());
            json[HitsMetrics.Rk4] = new JsonArray(r.Rk4.Select(m => (JsonNode)Entry(m)).ToArray());
            json[HitsMetrics.Rk4EqualAccuracy] = r.Rk4EqualAccuracy is { } e ? Entry(e) : null;
            static JsonObject Tolerance(MethodResult m) => new() { ["rtol"] = m.Tolerance, ["mse"] = Number(m.Mse), ["seconds"] = m.Seconds };
            json[HitsMetrics.Adaptive] = new JsonArray(r.Adaptive.Select(m => (JsonNode)Tolerance(m)).ToArray());
            json[HitsMetrics.AdaptiveEqualAccuracy] = r.AdaptiveEqualAccuracy is { } a ? Tolerance(a) : null;
        }
        return json;
    }
}
