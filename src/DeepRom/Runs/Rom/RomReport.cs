using System.Globalization;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Reductions;
using DeepRom.Reporting;
using DeepRom.Training;

namespace DeepRom.Runs.Rom;

/// <summary>Writes a parametric ROM's plots and its self-contained <c>report.html</c>, for a fit and for an evaluation.</summary>
public static class RomReport
{
    private const int SpaceTimeFigures = 2;

    public static void WriteFit(RunFolder folder, RomRunConfig config, RomModelSpec spec, IReduction reduction, ReducedOrderModel model, string stencil,
        Dictionary<string, double?> metrics)
    {
        var report = new HtmlReport("DeepRom parametric ROM: fit");
        var summary = new Dictionary<string, string>
        {
            ["training data"] = config.TrainData,
            ["reduction"] = ChoiceName.Of(config.Reduction),
            ["latent budget"] = Text(config.Latent),
            [reduction is Pod ? "modes kept" : "code size"] = Text(reduction.LatentSize),
            ["simulation shape"] = "(" + string.Join(", ", spec.SampleShape) + ")",
            ["parameters"] = string.Join(", ", spec.ParamNames),
            ["interpolation stencil"] = stencil,
        };
        if (config.Trainer is { } trainer) summary["seed"] = Text(trainer.Seed);
        report.Summary(summary);
        report.Metrics(metrics.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value!.Value)));
        switch (reduction)
        {
            case Pod pod:
                WritePod(folder, report, config, pod);
                break;
            case NeuralReduction network:
                WriteTraining(folder, report, config, network);
                break;
        }
        AddLatentPath(folder, report, model);
        ReportFile.WriteHtml(folder.File("report.html"), report, force: true);
    }

    private static void WritePod(RunFolder folder, HtmlReport report, RomRunConfig config, Pod pod)
    {
        report.Paragraph("POD of the snapshot matrix (one mean-centred column per simulation, each channel standardised over the " +
                         "training data), computed through the P x P Gram matrix. The budget is cut to fewer modes when they already " +
                         $"capture {config.EnergyTarget:0.####%} of the energy, or when the remaining singular values are numerically zero.");
        var sigma = pod.SingularValues.Where(v => v > 0).ToArray();
        var index = Enumerable.Range(1, sigma.Length).Select(i => (double)i).ToArray();
        Figure(folder, report, "singular_values.png",
            LinePlot.Render(index, [new NamedSeries("singular value / largest", sigma.Select(v => v / sigma[0]).ToArray()),
                    new NamedSeries("1 - energy captured", index.Select(i => Math.Max(1 - Pod.EnergyOf(sigma, (int)i), 1e-17)).ToArray())],
                new PlotLabels("POD spectrum", "mode", ""), logY: true),
            $"Normalised singular values and the energy left out by the first k modes; {pod.LatentSize} modes kept.");
    }

    private static void WriteTraining(RunFolder folder, HtmlReport report, RomRunConfig config, NeuralReduction network)
    {
        var backbone = config.Cae?.Backbone ?? config.BetaVae?.Backbone;
        string what = config.Reduction == ReductionKind.BetaVae
            ? "A single-level beta-VAE: loss = squared error summed over a simulation + beta x KL(q(z|x) || N(0, I)), beta annealed " +
              $"from {config.BetaVae!.Beta.InitialFraction:g2} x {config.BetaVae.Beta.Target:g3} to {config.BetaVae.Beta.Target:g3} between " +
              $"{config.BetaVae.Beta.RampStart:0%} and {config.BetaVae.Beta.RampEnd:0%} of the epochs; the code is the posterior mean."
            : "A convolutional autoencoder trained on the mean squared error; the code is its dense bottleneck.";
        report.Paragraph(what + " Backbone: the values of each time step (channels x grid, each channel standardised over the training " +
                         $"data) are lifted to {backbone?.Width} features, convolved along time (kernel {backbone?.Kernel}) and halved " +
                         $"in length down to at most {backbone?.BottleneckSteps} steps; the decoder mirrors it. Trained with " +
                         $"{config.Trainer!.Optimiser}, minibatches of {config.Trainer.BatchSize}, {network.ParameterCount} weights.");
        if (network.State is not { History.Count: > 0 } state) return;
        report.Section("Training");
        double[] epochs = state.History.Select(h => (double)h.Epoch + 1).ToArray();
        var names = state.History.SelectMany(h => h.Parts.Keys).Distinct().Where(n => n != Trainer.GradientNormPart).ToArray();
        var losses = names.Select(n => new NamedSeries(n, state.History.Select(h => h.Parts.TryGetValue(n, out double v) ? v : double.NaN).ToArray())).ToArray();
        Figure(folder, report, "loss.png", TrainingCurves.Losses(epochs, losses),
            "Loss parts per epoch: mse per value in the standardised units; for the beta-VAE kl per simulation and loss as optimised.");
        if (state.History.Any(h => h.Schedule.ContainsKey("beta")))
            Figure(folder, report, "beta.png", TrainingCurves.Beta(epochs, state.History.Select(h => Math.Max(h.Schedule.GetValueOrDefault("beta"), 1e-12)).ToArray()),
                "Beta during each epoch.");
        foreach (string e in state.Events) report.Paragraph(e);
    }

    public static void WriteEvaluation(RunFolder folder, LoadedRom rom, SnapshotSet test, InterpolationKind kind, RomEvaluationResult result)
    {
        var report = new HtmlReport("DeepRom parametric ROM: evaluation");
        report.Summary(new Dictionary<string, string>
        {
            ["training data"] = rom.Config.TrainData,
            ["test simulations"] = Text(test.Count),
            ["reduction"] = $"{ChoiceName.Of(rom.Spec.Reduction)}, {rom.Spec.LatentSize} {(rom.Model.Reduction is Pod ? "modes" : "latent")}",
            ["interpolation"] = ChoiceName.Of(kind) + ", " + rom.Model.Interpolation(kind).Description,
        });
        report.Metrics(result.Metrics.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value!.Value)));
        report.Paragraph("rel_l2 is the space-time relative L2 error ||prediction - truth|| / ||truth|| of a whole simulation; " +
                         "reconstruction_rel_l2 the same for the truth encoded and decoded by the reduction (for POD, projected onto the basis), the part of the error that no " +
                         "interpolation can remove. seconds_predict is the mean wall time of one prediction (interpolation, decoding, " +
                         "unscaling; one warm-up prediction not counted); speedup is the test data's mean solver time divided by it." +
                         KindNote(kind, rom.Model.Reduction is Pod));
        report.Table(["params", "rel_l2", "max_abs_err", "reconstruction_rel_l2", "extrapolated"],
            result.Points.Select(p => (IReadOnlyList<object?>)[ReducedOrderModel.Describe(p.Params), p.RelL2, p.MaxAbsErr, p.ReconstructionRelL2, p.Extrapolated]));

        var parameters = result.Points.Select(p => p.Params).ToArray();
        Figure(folder, report, "error_vs_parameter.png",
            ErrorPlots.AgainstParameters(parameters, result.Points.Select(p => p.RelL2).ToArray(), rom.Spec.ParamNames, "relative L2"),
            "Space-time relative L2 error of each test simulation against each parameter.");
        if (rom.Spec.Time is { } time)
        {
            var series = result.Points.Take(6).Select(p => new NamedSeries(Short(p.Params), p.RelL2PerTime)).ToArray();
            Figure(folder, report, "error_vs_time.png", LinePlot.Render(time, series, new PlotLabels("Error against time", "time", "relative L2"), logY: true),
                "Relative L2 error of each time step (first 6 test simulations).");
        }
        if (rom.Spec.Time is not null && rom.Spec.SampleShape.Length == 3)
            WriteSpaceTime(folder, report, rom, test, kind);
        if (result.Loo is { } loo)
        {
            report.Section("Leave-one-out");
            var train = RomData.ParameterRows(SnapshotFile.Read(rom.Config.TrainData));
            var kept = Enumerable.Range(0, train.Length).Where(k => double.IsFinite(loo.Errors[k])).ToArray();
            report.Paragraph((loo.ReductionRefitted
                                 ? "Each training simulation predicted by a model refitted without it"
                                 : "Each training simulation predicted by interpolating the other simulations' codes (the network is not retrained " +
                                   "without it, so it has seen the left-out simulation: the estimate is optimistic about the reduction)") +
                             $": mean relative L2 {Text(loo.Mean)} over {loo.Count}; " +
                             $"{loo.Skipped} skipped because the others' hull does not contain them (they would need extrapolation).");
            if (kept.Length > 0)
                Figure(folder, report, "loo_vs_parameter.png",
                    ErrorPlots.AgainstParameters(kept.Select(k => train[k]).ToArray(), kept.Select(k => loo.Errors[k]).ToArray(), rom.Spec.ParamNames, "LOO relative L2"),
                    "Leave-one-out error of each training simulation against each parameter.");
        }
        ReportFile.WriteHtml(folder.File("report.html"), report, force: true);
    }

    /// <summary>Truth, prediction and error as space-time images (time upward) for the first test simulations of 1-D fields.</summary>
    private static void WriteSpaceTime(RunFolder folder, HtmlReport report, LoadedRom rom, SnapshotSet test, InterpolationKind kind)
    {
        int steps = rom.Spec.SampleShape[0], channels = rom.Spec.SampleShape[1], cells = rom.Spec.SampleShape[2];
        var shape = new FieldShape(steps, cells);
        var simulations = RomData.Simulations(test);
        var parameters = RomData.ParameterRows(test);
        for (int k = 0; k < Math.Min(SpaceTimeFigures, test.Count); k++)
        {
            float[] predicted = rom.Model.Predict(parameters[k], kind, allowExtrapolation: true).Simulation;
            var truth = new List<float[]>();
            var prediction = new List<float[]>();
            for (int c = 0; c < channels; c++)
            {
                var t = new float[steps * cells];
                var p = new float[steps * cells];
                for (int s = 0; s < steps; s++)
                {
                    simulations[k].Span.Slice((s * channels + c) * cells, cells).CopyTo(t.AsSpan(s * cells));
                    predicted.AsSpan((s * channels + c) * cells, cells).CopyTo(p.AsSpan(s * cells));
                }
                truth.Add(t);
                prediction.Add(p);
            }
            Figure(folder, report, $"spacetime_{k + 1}.png",
                FieldPlots.Reconstruction(truth, prediction, shape, rom.Spec.Channels, secondTitle: "prediction"),
                $"Test simulation {k + 1} at {ReducedOrderModel.Describe(parameters[k])}: truth, prediction and |error|; cell index to the right, time step upward.");
        }
    }

    private static string KindNote(InterpolationKind kind, bool pod) => kind switch
    {
        InterpolationKind.Slerp => pod ? " Slerp acts on the centred POD coefficients, pairwise over the stencil's corners."
            : " Slerp acts on the network's codes, pairwise over the stencil's corners.",
        InterpolationKind.Rbf => " Radial basis functions are exact at the training points and use all of them for every prediction; " +
                                 "outside the training hull they extrapolate the same formula.",
        InterpolationKind.Conditioner => " The conditioner is a network trained at 'rom fit' time; it is not exact at the training points, " +
                                         "and outside the training hull its output is a genuine extrapolation.",
        _ => "",
    };

    // Legends need a few digits, not the round-trip form.
    private static string Short(double[] point) => "(" + string.Join(", ", point.Select(v => v.ToString("G4", CultureInfo.InvariantCulture))) + ")";

    private static string Text(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The training codes and the interpolation paths between them (<see cref="RomLatentFigure"/>), when the codes have two or more values.</summary>
    private static void AddLatentPath(RunFolder folder, HtmlReport report, ReducedOrderModel model)
    {
        if (RomLatentFigure.Render(model) is { } png) Figure(folder, report, RomLatentFigure.FileName, png, RomLatentFigure.Caption(model));
    }

    private static void Figure(RunFolder folder, HtmlReport report, string name, byte[] png, string caption)
    {
        ReportFile.WritePng(folder.File(name), png, force: true);
        report.Figure(png, caption);
    }
}
