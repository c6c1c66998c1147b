using DeepRom.Reporting;

namespace DeepRom.Runs.Hits.Benchmark;

/// <summary>The benchmark's plots (space-time images of truth and every model's output, error against time) and report.html.</summary>
public static class SequenceBenchmarkReport
{
    /// <summary>Rows of a space-time image at most: longer sequences are drawn every k-th sample, which images cannot resolve anyway.</summary>
    public const int ImageRows = 800;

    public static void Write(RunFolder folder, SequenceBenchmarkResult r)
    {
        var config = r.Config;
        bool forecast = config.Protocol == BenchmarkProtocol.Forecast;
        var report = new HtmlReport("DeepRom sequence generation: HiTS against LSTM, ESN and clockwork RNN");
        report.Summary(new Dictionary<string, string>
        {
            ["data"] = config.Data,
            ["protocol"] = forecast
                ? $"forecast: train on samples 0..{r.Split.TrainSamples - 1}, generate samples {r.Split.Start + 1}..{r.Split.Start + r.Split.Horizon} from sample {r.Split.Start}"
                : $"reproduce (the reference's): train on all {r.Split.TrainSamples} samples, generate samples 1..{r.Split.Horizon} again from x0",
            ["features"] = "scaled per component by the training part's mean and range, (x - mean) / (max - min); errors in the data's units",
            ["budget"] = $"{NumberText.Format(config.Minutes)} min of training per model, {config.Threads} libtorch thread(s)",
            ["dt"] = NumberText.Format(r.TimeStep),
        });
        report.Table(["model", "MSE (generated part)", forecast ? "valid time" : "valid time (not the protocol's)", "train s", "generate s", "epochs", "optimiser steps", "final training loss"],
            r.Models.Select(m => (IReadOnlyList<object?>)[ChoiceName.Of(m.Model), m.Mse, m.Valid.Time, m.TrainSeconds, m.GenerateSeconds, m.Epochs, m.OptimizerSteps, m.FinalLoss]),
            $"MSE over the {r.Split.Horizon} generated samples and all components. Valid time: time before the normalised error " +
            $"||x_pred - x_true|| / RMS ||x_true|| first exceeds {NumberText.Format(config.ValidErrorThreshold)}. Final training loss: the last epoch's mean, in scaled " +
            "features (HiTS: the rollout MSE summed over levels, in standardised units; ESN: the readout's fit).");
        report.Table(["model", "what it is"], r.Models.Select(m => (IReadOnlyList<object?>)[ChoiceName.Of(m.Model), m.Description]), "The models as trained.");
        if (!forecast)
            report.Paragraph("In the reproduce protocol the generated samples are the training samples: the table measures how well a model " +
                             "reproduces its training sequence, not how it forecasts. HiTS's levels are chosen on the same sequence.");
        else
            report.Paragraph("HiTS has no separate validation sequence here: each level's best weights and the coupled levels are chosen on the training part. " +
                             "The recurrent baselines read the training part to set their hidden state before generating; HiTS starts from the last training state.");

        int stride = Math.Max(1, (r.Split.Horizon + ImageRows - 1) / ImageRows);
        int rows = (r.Split.Horizon + stride - 1) / stride;
        float[] truth = Rows(r.Truth, r.Dimension, stride);
        var names = r.Models.Select(m => ChoiceName.Of(m.Model)).ToArray();
        Figure(folder, report, "spacetime.png",
            FieldPlots.Reconstruction(r.Models.Select(_ => truth).ToArray(), r.Models.Select(m => Rows(m.Generated, r.Dimension, stride)).ToArray(),
                new FieldShape(rows, r.Dimension), names, new PlotSize(1080, Math.Min(8192, 320 * r.Models.Count)), secondTitle: "generated"),
            $"Truth, each model's generated sequence and |error|: component index to the right, generated sample upward" +
            (stride > 1 ? $" (one sample in {stride})." : "."));

        double[] time = Enumerable.Range(1, r.Split.Horizon).Select(k => k * r.TimeStep).ToArray();
        Figure(folder, report, "error_vs_time.png",
            LinePlot.Render(time, r.Models.Select(m => new NamedSeries(ChoiceName.Of(m.Model), m.Valid.NormalisedError)).ToArray(),
                new PlotLabels("Normalised error against time", "time since the start of generation", "||x_pred - x_true|| / RMS ||x_true||"),
                logY: true, size: new PlotSize(900, 560)),
            "Normalised error of every model at each generated sample.");
        ReportFile.WriteHtml(folder.File("report.html"), report, force: true);
    }

    /// <summary>Every <paramref name="stride"/>-th row of (H, d) values, as floats for the image.</summary>
    private static float[] Rows(double[] values, int d, int stride)
    {
        int h = values.Length / d, rows = (h + stride - 1) / stride;
        var image = new float[rows * d];
        for (int k = 0; k < rows; k++)
        for (int c = 0; c < d; c++)
            image[k * d + c] = (float)values[k * stride * d + c];
        return image;
    }

    private static void Figure(RunFolder folder, HtmlReport report, string name, byte[] png, string caption)
    {
        ReportFile.WritePng(folder.File(name), png, force: true);
        report.Figure(png, caption);
    }
}
