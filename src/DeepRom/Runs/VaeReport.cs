using System.Globalization;
using DeepRom.Data;
using DeepRom.Models.Vae;
using DeepRom.Reporting;
using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Runs;

/// <summary>Writes a VAE run's PNG plots and its self-contained <c>report.html</c>.</summary>
public static class VaeReport
{
    private static readonly double[] TraversalValues = [-3, -2, -1, 0, 1, 2, 3];

    public static void Write(RunFolder folder, VaeRunConfig config, TrainingState? state, VaeEvaluation evaluation,
        SnapshotSet data, IReadOnlyList<int> rows, DenseVae vae)
    {
        var report = new HtmlReport("DeepRom disentangling VAE");
        report.Summary(new Dictionary<string, string>
        {
            ["training data"] = config.TrainData,
            ["evaluated on"] = $"{rows.Count} samples",
            ["preset"] = config.Preset,
            ["prior"] = config.Prior.ToString(),
            ["latents"] = vae.Config.Latents.ToString(CultureInfo.InvariantCulture),
            ["labelled samples"] = config.Labels.ToString(CultureInfo.InvariantCulture),
            ["loss normalisation"] = config.Normalisation.ToString(),
            ["epochs"] = (state?.EpochsDone ?? config.Trainer.Epochs).ToString(CultureInfo.InvariantCulture),
            ["seed"] = config.Trainer.Seed.ToString(CultureInfo.InvariantCulture),
        });
        if (Metrics.DisentanglementVerdict.From(evaluation.Metrics) is { } verdict) report.Paragraph("Latent space " + verdict.Describe() + ".");
        report.Metrics(evaluation.Metrics.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value!.Value)));
        report.Paragraph("S_D (eq 6 of seed 001) in [1/s, 1]: 1 means every latent follows exactly one generative parameter. " +
                         "sd_mean uses posterior means over the whole evaluation set, sd_samples one posterior sample per input. " +
                         "A finite sample of independent parameters is itself slightly correlated (about 1/sqrt(n)), so even the true " +
                         "parameters score sd_theta < 1 on the same set: compare sd_mean with sd_theta. " +
                         "S_KL (eq 7) is the k-NN KL divergence from p(theta) to the best axis-wise affine map of q(z); 0 is ideal. " +
                         "r2_linear is the share of each parameter's variance an affine map of the posterior means recovers: near 1 " +
                         "with a low S_D means the parameters are all there but along rotated or mixed axes. " +
                         "rec_nll is the Gaussian NLL per pixel at the posterior mean, kl the regulariser per sample (the rate).");

        if (state is not null && state.History.Count > 0)
        {
            report.Section("Training");
            double[] epochs = state.History.Select(h => (double)h.Epoch + 1).ToArray();
            var names = state.History.SelectMany(h => h.Parts.Keys).Distinct().ToArray();
            NamedSeries Series(string name) => new(name, state.History.Select(h => h.Parts.TryGetValue(name, out double v) ? v : double.NaN).ToArray());
            var losses = names.Where(n => !n.StartsWith("test_", StringComparison.Ordinal)).Select(Series).ToArray();
            Figure(folder, report, "loss.png", TrainingCurves.Losses(epochs, losses, logY: false), "Loss parts per epoch (per pixel / per latent, as optimised).");
            if (names.Contains("test_sd_mean"))
            {
                var monitored = state.History.Where(h => h.Parts.ContainsKey("test_sd_mean")).ToArray();
                Figure(folder, report, "sd_per_epoch.png",
                    LinePlot.Render(monitored.Select(h => (double)h.Epoch + 1).ToArray(), [new NamedSeries("S_D (test, posterior means)", monitored.Select(h => h.Parts["test_sd_mean"]).ToArray())],
                        new PlotLabels("Disentanglement during training", "epoch", "S_D")),
                    "S_D of the test set's posterior means, measured during training.");
            }
            Figure(folder, report, "beta.png", TrainingCurves.Beta(epochs, state.History.Select(h => Math.Max(h.Schedule.GetValueOrDefault("beta"), 1e-12)).ToArray()), "Beta at the end of each epoch.");
            foreach (string e in state.Events) report.Paragraph(e);
        }

        report.Section("Latent space");
        if (evaluation.Parameters is { } theta && theta.GetLength(1) >= 2 && vae.Config.Latents >= 2)
            Figure(folder, report, "latent_scatter.png", LatentPlots.PosteriorPriorParameters(evaluation.PosteriorSamples, evaluation.PriorSamples, theta),
                "Aggregated posterior q(z) (one sample per input), prior samples p(z), and the generative parameters p(theta).");
        if (evaluation.Parameters is { } th)
            Figure(folder, report, "disentanglement_grid.png", LatentPlots.DisentanglementGrid(evaluation.PosteriorMeans, th, data.ParamNames),
                "Each latent (posterior mean, rows) against each generative parameter (columns): a disentangled space shows one clean curve per row.");

        report.Section("Fields");
        var shape = new FieldShape(vae.Config.Height, vae.Config.Width);
        int pixels = shape.Height * shape.Width, channels = vae.Config.Channels;
        var truth = new List<float[]>();
        var reconstruction = new List<float[]>();
        for (int c = 0; c < channels; c++)
        {
            truth.Add(data.Fields.AsSpan((int)((long)rows[0] * channels * pixels + c * pixels), pixels).ToArray());
            reconstruction.Add(evaluation.Reconstructions.AsSpan(c * pixels, pixels).ToArray());
        }
        Figure(folder, report, "reconstruction.png", FieldPlots.Reconstruction(truth, reconstruction, shape, data.Channels),
            "First evaluation sample: truth, reconstruction (decoded posterior mean) and absolute error per channel.");
        for (int i = 0; i < Math.Min(vae.Config.Latents, 4); i++)
            Figure(folder, report, $"traversal_z{i + 1}.png", FieldPlots.Traversal(i, TraversalValues, Traverse(vae, evaluation, i, pixels), shape, data.Channels[0]),
                $"Latent traversal of z_{i + 1} from -3 to 3 (other latents at their posterior-mean average), channel {data.Channels[0]}.");

        ReportFile.WriteHtml(folder.File("report.html"), report, force: true);
    }

    private static void Figure(RunFolder folder, HtmlReport report, string name, byte[] png, string caption)
    {
        ReportFile.WritePng(folder.File(name), png, force: true);
        report.Figure(png, caption);
    }

    /// <summary>Decoded first channel along latent <paramref name="latent"/>, the others at the mean posterior mean.</summary>
    private static IReadOnlyList<float[]> Traverse(DenseVae vae, VaeEvaluation evaluation, int latent, int pixels)
    {
        int d = vae.Config.Latents, n = evaluation.PosteriorMeans.GetLength(0);
        var centre = new double[d];
        for (int r = 0; r < n; r++) for (int j = 0; j < d; j++) centre[j] += evaluation.PosteriorMeans[r, j] / n;
        var codes = new float[TraversalValues.Length * d];
        for (int k = 0; k < TraversalValues.Length; k++)
            for (int j = 0; j < d; j++) codes[k * d + j] = (float)(j == latent ? TraversalValues[k] : centre[j]);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        vae.eval();
        Tensor decoded = vae.Decode(tensor(codes, new long[] { TraversalValues.Length, d })).select(1, 0).contiguous();
        float[] flat = decoded.data<float>().ToArray();
        return Enumerable.Range(0, TraversalValues.Length).Select(k => flat.AsSpan(k * pixels, pixels).ToArray()).ToArray();
    }
}
