using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Reporting;
using DeepRom.Training;

namespace DeepRom.Runs.Hits;

/// <summary>Writes a hierarchy's plots and its self-contained <c>report.html</c>, for training and for a forecast.</summary>
public static class HitsReport
{
    public static void WriteTraining(RunFolder folder, HitsRunConfig config, HitsModelSpec spec, TrainingState state, double[] bestLosses)
    {
        var report = new HtmlReport("DeepRom multiscale time-steppers: training");
        report.Summary(new Dictionary<string, string>
        {
            ["training data"] = config.TrainData,
            ["validation data"] = config.ValidationData,
            ["levels"] = $"{config.Levels} (steps {Step(config.Levels.Lowest)} .. {Step(config.Levels.Highest)} dt, dt = {Text(spec.TimeStep)})",
            ["stepper"] = $"x + c_k MLP(x) (c_k: the level's RMS increment), [{spec.Model.Dimension}, {string.Join(", ", Enumerable.Repeat(spec.Model.Width, spec.Model.Depth))}, {spec.Model.Dimension}], ReLU, standardised states",
            ["loss"] = $"MSE of a {config.RolloutSteps}-step rollout, windows: {ChoiceName.Of(config.Windows)}",
            ["optimiser"] = $"Adam, lr {Text(config.LearningRate)}, {config.BatchSize} trajectories per minibatch, validation every {config.ValidateEvery} minibatches",
            ["iterations"] = $"{state.EpochsDone * config.ValidateEvery} of {config.MaxIterations}" + (state.EarlyStop is { } stop ? $" (stopped early: {stop})" : ""),
            ["training time"] = $"{Text(state.Seconds)} s",
        });
        report.Table(["level", "step (dt)", "best validation loss"],
            config.Levels.Levels.Select((k, i) => (IReadOnlyList<object?>)[k, Step(k), bestLosses[i]]),
            "Best validation loss of each level (MSE of the rollout in standardised units); the model keeps each level's best weights.");
        var rounds = state.History.Where(r => r.Parts.ContainsKey(HitsMetrics.LevelValidationLoss(config.Levels.Lowest))).ToArray();
        if (rounds.Length > 0)
        {
            double[] iterations = rounds.Select(r => (double)(r.Epoch + 1) * config.ValidateEvery).ToArray();
            var series = config.Levels.Levels.Select(k => new NamedSeries($"level {k}", rounds.Select(r => r.Parts[HitsMetrics.LevelValidationLoss(k)]).ToArray()))
                .Append(new NamedSeries("training (sum)", rounds.Select(r => r.Parts.GetValueOrDefault("loss", double.NaN)).ToArray())).ToArray();
            Figure(folder, report, "validation_loss.png",
                LinePlot.Render(iterations, series, new PlotLabels("Validation loss per level", "iteration", "rollout MSE (standardised)"), logY: true),
                "Rollout loss of every level on the validation windows at each validation, and the training loss summed over levels.");
        }
        ReportFile.WriteHtml(folder.File("report.html"), report, force: true);
    }

    public static void WriteForecast(RunFolder folder, LoadedHierarchy model, string testFile, HitsForecastResult result)
    {
        var report = new HtmlReport("DeepRom multiscale time-steppers: forecast");
        report.Summary(new Dictionary<string, string>
        {
            ["test data"] = Path.GetFullPath(testFile),
            ["trained levels"] = result.Trained.ToString(),
            ["levels used"] = result.Used + (result.Selection is null ? " (given)" : " (lowest validation MSE of every contiguous range)"),
            ["horizon"] = $"{result.Metrics[HitsMetrics.Horizon]} samples of dt = {Text(result.TimeStep)}",
        });
        var rows = result.Singles.Append(result.Multiscale).Concat(result.Fast is { } f ? [f] : []).Concat(result.Hybrid).Concat(result.Rk4).Concat(result.Adaptive)
            .Select(m => (IReadOnlyList<object?>)[m.Name, m.Mse, m.Seconds]);
        report.Table(["forecast", "test MSE", "seconds (whole test set)"], rows,
            "Test MSE over all trajectories, samples 1..T-1 and components, in the data's units; wall time to forecast the whole test set.");
        report.Paragraph("Single levels step from the initial state with one network and interpolate linearly between their steps. The multiscale " +
                         "forecast lets the coarsest level march over the horizon and each finer level fill every gap at once. " +
                         (result.Fast is null ? "" : "The fast multiscale forecast couples the range with the coarsest finest level among those at least as accurate on " +
                                                     "the validation set as the best single level: fewer network evaluations for the same validation accuracy. ") +
                         (result.Hybrid.Count > 0
                             ? "The hybrid takes the coarsest level's states as anchors and fills the gaps with classical RK4 on the known vector field; " +
                               "plain RK4 runs alone over the whole horizon. " +
                               (result.Rk4EqualAccuracy is { } e ? $"RK4 with a step of {e.StepSamples} dt is as accurate as the multiscale forecast and takes {Text(e.Seconds)} s." : "No RK4 step tried was as accurate as the multiscale forecast.") +
                               (result.AdaptiveEqualAccuracy is { } a ? $" The adaptive RK45 pair is as accurate from rtol {Text(a.Tolerance ?? 0)} and takes {Text(a.Seconds)} s." : " No adaptive tolerance tried was as accurate as the multiscale forecast.")
                             : "Pass --hybrid-rk4 SYSTEM to compare with classical RK4 and the hybrid."));

        double[] time = Enumerable.Range(1, result.Multiscale.MsePerSample.Length).Select(k => k * result.TimeStep).ToArray();
        var errorSeries = result.Singles.Select(s => new NamedSeries($"level {s.Level}", s.MsePerSample))
            .Append(new NamedSeries($"multiscale {result.Used}", result.Multiscale.MsePerSample)).ToArray();
        Figure(folder, report, "error_vs_time.png",
            LinePlot.Render(time, errorSeries, new PlotLabels("Forecast error against time", "time", "MSE"), logY: true, size: new PlotSize(900, 560)),
            "MSE over the test set at each time of every single level and of the multiscale forecast.");

        var groups = new List<NamedPoints>
        {
            new("single levels", result.Singles.Select(s => s.Seconds).ToArray(), result.Singles.Select(s => s.Mse).ToArray()),
            new("multiscale", [result.Multiscale.Seconds], [result.Multiscale.Mse]),
        };
        if (result.Fast is { } fast) groups.Add(new("fast multiscale", [fast.Seconds], [fast.Mse]));
        if (result.Hybrid.Count > 0)
        {
            groups.Add(new("hybrid (RK4 fill)", result.Hybrid.Select(s => s.Seconds).ToArray(), result.Hybrid.Select(s => s.Mse).ToArray()));
            groups.Add(new("RK4", result.Rk4.Select(s => s.Seconds).ToArray(), result.Rk4.Select(s => s.Mse).ToArray()));
            groups.Add(new("adaptive RK45", result.Adaptive.Select(s => s.Seconds).ToArray(), result.Adaptive.Select(s => s.Mse).ToArray()));
        }
        Figure(folder, report, "accuracy_vs_cost.png",
            PointPlot.Render(groups, new PlotLabels("Accuracy against cost", "seconds for the test set", "test MSE"), logX: true, logY: true, connect: true),
            "Test MSE against the wall time of forecasting the whole test set.");

        int d = result.Dimension;
        string[] names = Enumerable.Range(1, d).Select(c => $"x{c}").ToArray();
        int samples = result.Multiscale.MsePerSample.Length + 1;
        double[] fullTime = Enumerable.Range(0, samples).Select(k => k * result.TimeStep).ToArray();
        for (int m = 0; m < result.Examples.Count; m++)
        {
            var (truth, forecast) = result.Examples[m];
            var series = new List<NamedSeries>();
            for (int c = 0; c < d; c++)
            {
                series.Add(new NamedSeries($"{names[c]} truth", Component(truth, c, d)));
                series.Add(new NamedSeries($"{names[c]} multiscale", Component(forecast, c, d)));
            }
            Figure(folder, report, $"trajectory_{m + 1}.png",
                LinePlot.Render(fullTime, series, new PlotLabels($"Test trajectory {m + 1}", "time", "state")),
                $"Test trajectory {m + 1}: each state component against time, truth and the multiscale forecast.");
        }
        if (result.Selection is { } selection)
        {
            var best = selection.Tried.Where(t => double.IsFinite(t.Error)).OrderBy(t => t.Error).Take(10);
            report.Table(["levels", "validation MSE"], best.Select(t => (IReadOnlyList<object?>)[t.Levels.ToString(), t.Error]),
                $"The ten contiguous ranges of levels with the lowest validation MSE (of {selection.Tried.Count} tried).");
        }
        ReportFile.WriteHtml(folder.File("report.html"), report, force: true);
    }

    private static double[] Component(double[] states, int c, int d) => Enumerable.Range(0, states.Length / d).Select(k => states[k * d + c]).ToArray();

    private static int Step(int level) => Models.Hits.LevelRange.StepOf(level);

    private static string Text(double v) => NumberText.Format(v);

    private static void Figure(RunFolder folder, HtmlReport report, string name, byte[] png, string caption)
    {
        ReportFile.WritePng(folder.File(name), png, force: true);
        report.Figure(png, caption);
    }
}
