using System.Diagnostics;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Reductions;

namespace DeepRom.Runs.Rom;

/// <summary>The errors of one predicted test simulation, in the data's units.</summary>
/// <param name="RelL2">Space-time relative L2 error ||prediction - truth|| / ||truth|| over the whole simulation.</param>
/// <param name="ReconstructionRelL2">The same for the truth projected onto the reduction: the reduction's share of the error.</param>
/// <param name="RelL2PerTime">The relative L2 error of each time step (one value for static data).</param>
public sealed record RomPointError(double[] Params, double RelL2, double MaxAbsErr, double ReconstructionRelL2, bool Extrapolated, double Seconds,
    double[] RelL2PerTime);

/// <summary>The leave-one-out estimate over the training simulations.</summary>
/// <param name="Errors">Relative L2 error of each simulation predicted by a model refitted without it; NaN where skipped.</param>
/// <param name="Skipped">Simulations outside the hull of the others (corners, hull vertices), which cannot be interpolated.</param>
/// <param name="ReductionRefitted">
/// True when the reduction itself was refitted without each simulation (POD). False for a network, where only the
/// interpolation leaves the point out: the network was trained on every simulation, the left-out one included, so the
/// estimate measures the interpolation of codes and is optimistic about the reduction.
/// </param>
public sealed record LeaveOneOut(double[] Errors, int Skipped, bool ReductionRefitted = true)
{
    public int Count => Errors.Count(double.IsFinite);

    public double Mean => Count == 0 ? double.NaN : Errors.Where(double.IsFinite).Average();
}

/// <summary>A fitted ROM against test simulations: per-point errors, timing, speed-up over the solver, optionally leave-one-out.</summary>
public sealed record RomEvaluationResult(string Folder, Dictionary<string, double?> Metrics, IReadOnlyList<RomPointError> Points, LeaveOneOut? Loo);

/// <summary>Evaluates a model folder on a test file and writes <c>MODELDIR/evaluate-NAME-INTERP/</c>.</summary>
public static class RomEvaluation
{
    public static RomEvaluationResult Run(RunFolder modelFolder, string testFile, InterpolationKind kind, bool allowExtrapolation, bool leaveOneOut,
        Action<string>? log = null, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        using LoadedRom rom = RomRun.Load(modelFolder);
        SnapshotSet test = SnapshotFile.Read(testFile);
        foreach (string note in test.Notes) log?.Invoke($"note: {note}");
        RomData.CheckMatches(rom.Spec, test, testFile);
        var parameters = RomData.ParameterRows(test);
        var interpolation = rom.Model.Interpolation(kind);
        for (int k = 0; k < parameters.Length; k++)
            if (!allowExtrapolation && !interpolation.Contains(parameters[k]))
                throw new InputException(testFile, "params", $"simulation {k} at {ReducedOrderModel.Describe(parameters[k])} lies outside the hull of the training parameters (allow extrapolation to evaluate it anyway)");
        SnapshotSet? train = null;
        if (leaveOneOut)
        {
            train = SnapshotFile.Read(rom.Config.TrainData);
            if (!train.FieldShape[1..].SequenceEqual(rom.Spec.SampleShape) || train.ParamCount != rom.Spec.ParamNames.Length)
                throw new InputException(rom.Config.TrainData, "fields", "no longer matches the model fitted to it (leave-one-out refits on the training file)");
        }

        // One prediction before timing, so that the timed ones do not include the JIT and the interpolation's first fit.
        rom.Model.Predict(parameters[0], kind, allowExtrapolation: true);
        int steps = rom.Spec.Time?.Length ?? 1;
        var points = new List<RomPointError>();
        var simulations = RomData.Simulations(test);
        for (int k = 0; k < test.Count; k++)
        {
            ct.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var prediction = rom.Model.Predict(parameters[k], kind, allowExtrapolation: true);
            double seconds = clock.Elapsed.TotalSeconds;
            var truth = simulations[k].Span;
            float[] projected = rom.Model.Reconstruct(truth);
            points.Add(new RomPointError(parameters[k], RelativeL2(prediction.Simulation, truth), MaxAbs(prediction.Simulation, truth),
                RelativeL2(projected, truth), prediction.Latent.Extrapolated, seconds, PerTime(prediction.Simulation, truth, steps)));
            progress?.Report(k + 1);
        }
        LeaveOneOut? loo = train is null ? null : LeaveOneOutErrors(rom, train, kind, ct, progress, test.Count);

        double secondsPredict = points.Average(p => p.Seconds);
        var metrics = new Dictionary<string, double?>
        {
            [RomMetrics.RelL2Mean] = points.Average(p => p.RelL2),
            [RomMetrics.RelL2Max] = points.Max(p => p.RelL2),
            [RomMetrics.MaxAbsErr] = points.Max(p => p.MaxAbsErr),
            [RomMetrics.ReconstructionRelL2] = points.Average(p => p.ReconstructionRelL2),
            [RomMetrics.SecondsPredict] = secondsPredict,
            [RomMetrics.TestSimulations] = test.Count,
            [RomMetrics.Extrapolated] = points.Count(p => p.Extrapolated),
            [RomMetrics.LatentSize] = rom.Spec.LatentSize,
        };
        if (test.Aux.TryGetValue("solver_seconds", out var solver) && solver.Shape.Length == 1)
        {
            double mean = solver.Data is double[] d ? d.Average() : ((float[])solver.Data).Average(v => (double)v);
            metrics[RomMetrics.SolverSeconds] = mean;
            metrics[RomMetrics.Speedup] = mean / secondsPredict;
        }
        if (loo is not null)
        {
            metrics[RomMetrics.LooRelL2Mean] = loo.Count > 0 ? loo.Mean : null;
            metrics[RomMetrics.LooCount] = loo.Count;
            metrics[RomMetrics.LooSkipped] = loo.Skipped;
            metrics[RomMetrics.LooReductionRefitted] = loo.ReductionRefitted ? 1 : 0;
        }

        var target = RunFolder.Open(modelFolder.File(FolderName(testFile, kind)), resume: false, force: true);
        var result = new RomEvaluationResult(target.Path, metrics, points, loo);
        target.WriteJson(RomRun.MetricsFile, ToJson(result));
        RomReport.WriteEvaluation(target, rom, test, kind, result);
        return result;
    }

    /// <summary>The evaluation's folder name inside the model folder: <c>evaluate-NAME-INTERP</c>, NAME the test file's name.</summary>
    public static string FolderName(string testFile, InterpolationKind kind) => $"evaluate-{Path.GetFileNameWithoutExtension(testFile)}-{ChoiceName.Of(kind)}";

    /// <summary>metrics.json: the metrics, then one object per test point.</summary>
    public static System.Text.Json.Nodes.JsonObject ToJson(RomEvaluationResult result)
    {
        var json = new System.Text.Json.Nodes.JsonObject();
        foreach (var (k, v) in result.Metrics) json[k] = v is { } x && double.IsFinite(x) ? x : null;
        json["per_parameter"] = new System.Text.Json.Nodes.JsonArray(result.Points.Select(p => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
        {
            ["params"] = new System.Text.Json.Nodes.JsonArray(p.Params.Select(v => (System.Text.Json.Nodes.JsonNode)v).ToArray()),
            ["rel_l2"] = p.RelL2,
            ["max_abs_err"] = p.MaxAbsErr,
            ["reconstruction_rel_l2"] = p.ReconstructionRelL2,
            ["extrapolated"] = p.Extrapolated,
            ["seconds_predict"] = p.Seconds,
        }).ToArray());
        if (result.Loo is { } loo)
            json["loo_rel_l2"] = new System.Text.Json.Nodes.JsonArray(loo.Errors.Select(e => (System.Text.Json.Nodes.JsonNode?)(double.IsFinite(e) ? e : null)).ToArray());
        return json;
    }

    /// <summary>
    /// Refits without each training simulation in turn and predicts it; points the others cannot interpolate are skipped.
    /// POD is refitted whole; a network is kept as trained (retraining it per point would take hours) and only the
    /// interpolation is refitted over the other points' codes.
    /// </summary>
    private static LeaveOneOut LeaveOneOutErrors(LoadedRom rom, SnapshotSet train, InterpolationKind kind, CancellationToken ct, IProgress<double>? progress, int done)
    {
        var parameters = RomData.ParameterRows(train);
        var simulations = RomData.Simulations(train);
        bool refit = rom.Model.Reduction is Pod;
        var errors = new double[train.Count];
        int skipped = 0;
        for (int j = 0; j < train.Count; j++)
        {
            ct.ThrowIfCancellationRequested();
            errors[j] = double.NaN;
            int[] rows = Enumerable.Range(0, train.Count).Where(k => k != j).ToArray();
            ReducedOrderModel model;
            try
            {
                if (rows.Length < 2) throw new InputException("", "", "too few");
                model = refit
                    ? RomRun.FitModel(new Pod(new PodConfig(rom.Config.Latent, rom.Config.EnergyTarget)), train, rom.Config.TrainData, rows)
                    : Without(rom.Model, j);
                model.Interpolation(InterpolationKind.Lerp); // the stencil over the others (fails for too few or collinear points)
            }
            catch (Exception e) when (e is InputException or ArgumentException)
            {
                skipped++; // the others do not span the parameter space (too few, collinear)
                continue;
            }
            // Every kind shares the stencils' hull, so the check needs no (possibly slow) refit of the interpolation.
            if (!model.Interpolation(InterpolationKind.Lerp).Contains(parameters[j]))
            {
                skipped++;
                continue;
            }
            // The same interpolation and settings as the model's (a loaded conditioner's seed and size), refitted without j.
            var interpolation = rom.Model.Interpolation(kind).CreateUnfitted();
            try
            {
                interpolation.Fit(model.Parameters, model.Codes);
            }
            catch (ArgumentException)
            {
                skipped++; // e.g. radial basis functions on points that no longer determine the polynomial
                continue;
            }
            model.Attach(kind, interpolation);
            errors[j] = RelativeL2(model.Predict(parameters[j], kind, allowExtrapolation: false).Simulation, simulations[j].Span);
            progress?.Report(done + j + 1);
        }
        return new LeaveOneOut(errors, skipped, refit);
    }

    /// <summary>The same reduction and scaling with the interpolation over all training points but <paramref name="left"/>.</summary>
    private static ReducedOrderModel Without(ReducedOrderModel model, int left)
    {
        var rows = Enumerable.Range(0, model.Parameters.Count).Where(k => k != left).ToArray();
        return new ReducedOrderModel(model.Reduction, model.Scaling, rows.Select(k => model.Parameters[k]).ToArray(), rows.Select(k => model.Codes[k]).ToArray());
    }

    private static double RelativeL2(ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth)
    {
        double num = 0, den = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            double d = (double)prediction[i] - truth[i];
            num += d * d;
            den += (double)truth[i] * truth[i];
        }
        return den > 0 ? Math.Sqrt(num / den) : Math.Sqrt(num);
    }

    private static double MaxAbs(ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth)
    {
        double max = 0;
        for (int i = 0; i < truth.Length; i++) max = Math.Max(max, Math.Abs((double)prediction[i] - truth[i]));
        return max;
    }

    private static double[] PerTime(float[] prediction, ReadOnlySpan<float> truth, int steps)
    {
        int length = truth.Length / steps;
        var errors = new double[steps];
        for (int t = 0; t < steps; t++)
            errors[t] = RelativeL2(prediction.AsSpan(t * length, length), truth.Slice(t * length, length));
        return errors;
    }
}
