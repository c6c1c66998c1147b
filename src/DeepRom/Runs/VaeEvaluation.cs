using DeepRom.Data;
using DeepRom.Metrics;
using DeepRom.Models.Vae;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Runs;

/// <summary>
/// A trained VAE measured on a snapshot set: posterior means and samples, reconstructions, and the metrics of
/// seed 001 (S_D on means and on samples, S_KL) plus MIG, NLL, KL (rate), distortion and relative L2 per channel.
/// </summary>
public sealed class VaeEvaluation
{
    public required double[,] PosteriorMeans { get; init; }
    public required double[,] PosteriorSamples { get; init; }
    public required double[,] PriorSamples { get; init; }
    public required double[,]? Parameters { get; init; }
    public required float[] Reconstructions { get; init; }
    public required Dictionary<string, double?> Metrics { get; init; }
    public required double[] RelativeL2 { get; init; }

    /// <summary>Metric-name prefix of a semi-supervised run's parameter error: root-mean-square error, in the user's
    /// units, of the parameters read off the posterior means through the run's label standardisation.</summary>
    public const string LabelRmsePrefix = "label_rmse_";

    /// <summary>
    /// Evaluates <paramref name="vae"/> on the rows of <paramref name="set"/> (all rows when null). With
    /// <paramref name="labels"/> (a semi-supervised run) the posterior means are also read as parameter estimates.
    /// </summary>
    public static VaeEvaluation Run(DenseVae vae, SnapshotSet set, IReadOnlyList<int>? rows, int seed, CancellationToken ct = default,
        LabelStandardisation? labels = null)
    {
        rows ??= Enumerable.Range(0, set.Count).ToArray();
        vae.eval();
        torch.manual_seed(seed);
        int n = rows.Count, d = vae.Config.Latents;
        int c = vae.Config.Channels, pixels = vae.Config.Height * vae.Config.Width;
        var means = new double[n, d];
        var samples = new double[n, d];
        var reconstructions = new float[(long)n * c * pixels];
        double nllSum = 0, klSum = 0;
        const int batch = 128;
        using var detached = vae.OutputLogVariance.detach(); // held while libtorch clones it
        using var logVarOut = detached.clone();
        for (int start = 0; start < n; start += batch)
        {
            ct.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            int size = Math.Min(batch, n - start);
            Tensor y = SnapshotTensors.Fields(set, rows.Skip(start).Take(size).ToArray());
            var (mu, logVar) = vae.Encode(y);
            Tensor z = mu + (0.5 * logVar).exp() * randn_like(mu);
            Tensor mean = vae.Decode(mu);
            Tensor nll = 0.5 * ((y - mean).square() * (-logVarOut).exp() + logVarOut + Math.Log(2 * Math.PI));
            nllSum += nll.sum().item<float>();
            klSum += vae.Prior.Regularisation(mu, logVar, z).sum().item<float>();
            Copy(mu, means, start);
            Copy(z, samples, start);
            mean.contiguous().data<float>().CopyTo(reconstructions, start * c * pixels);
        }
        double[,] prior;
        using (no_grad())
        using (var p = vae.Prior.Sample(n)) prior = SnapshotTensors.ToArray(p);

        float[] truth = new float[reconstructions.Length];
        for (int r = 0; r < n; r++) Array.Copy(set.Fields, (long)rows[r] * c * pixels, truth, (long)r * c * pixels, c * pixels);
        double[] relL2 = FieldErrors.RelativeL2PerChannel(truth, reconstructions, n, c, pixels);
        double[,]? theta = SnapshotTensors.Params(set, rows);
        var metrics = new Dictionary<string, double?>
        {
            ["rec_nll"] = nllSum / ((double)n * pixels),
            ["kl"] = klSum / n,
            ["distortion"] = nllSum / n,
            ["rel_l2"] = relL2.Average(),
            ["sd_mean"] = null,
            ["sd_samples"] = null,
            ["s_kl"] = null,
            ["mig"] = null,
        };
        for (int ch = 0; ch < c; ch++) metrics[$"rel_l2_{set.Channels[ch]}"] = relL2[ch];
        if (theta is not null && theta.GetLength(1) > 0)
        {
            metrics["sd_mean"] = DisentanglementScore.Compute(means, theta);
            metrics["sd_samples"] = DisentanglementScore.Compute(samples, theta);
            metrics["sd_theta"] = DisentanglementScore.Compute(theta, theta);
            metrics["mig"] = MutualInformationGap.Compute(means, theta);
            metrics["r2_linear"] = LinearInformativeness.Compute(means, theta);
            if (theta.GetLength(1) == d) metrics["s_kl"] = KlScoreOrNull(theta, samples);
            if (labels is not null && theta.GetLength(1) == d)
            {
                double[,] estimates = labels.ToParameters(means);
                for (int j = 0; j < d; j++)
                {
                    double sum = 0;
                    for (int i = 0; i < n; i++) sum += (estimates[i, j] - theta[i, j]) * (estimates[i, j] - theta[i, j]);
                    metrics[LabelRmsePrefix + set.ParamNames![j]] = Math.Sqrt(sum / n);
                }
            }
        }
        return new VaeEvaluation
        {
            PosteriorMeans = means,
            PosteriorSamples = samples,
            PriorSamples = prior,
            Parameters = theta,
            Reconstructions = reconstructions,
            Metrics = metrics,
            RelativeL2 = relL2,
        };
    }

    /// <summary>
    /// S_KL, or null where its k-NN estimate is undefined (too few samples for k neighbours, a constant latent):
    /// a small test set must not fail a finished training run.
    /// </summary>
    private static double? KlScoreOrNull(double[,] theta, double[,] samples)
    {
        try { return KlDisentanglementScore.Compute(theta, samples).Score; }
        catch (ArgumentException) { return null; }
    }

    /// <summary>Posterior means of the given rows, (rows, d), in batches and without gradients.</summary>
    public static double[,] EncodeMeans(DenseVae vae, SnapshotSet set, IReadOnlyList<int> rows)
    {
        var means = new double[rows.Count, vae.Config.Latents];
        const int batch = 256;
        for (int start = 0; start < rows.Count; start += batch)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            Tensor y = SnapshotTensors.Fields(set, rows.Skip(start).Take(Math.Min(batch, rows.Count - start)).ToArray());
            Copy(vae.Encode(y).Mu, means, start);
        }
        return means;
    }

    private static void Copy(Tensor source, double[,] target, int row)
    {
        using var cpu = source.to_type(ScalarType.Float64).contiguous();
        double[] flat = cpu.data<double>().ToArray();
        int d = target.GetLength(1);
        for (int i = 0; i < flat.Length / d; i++) for (int j = 0; j < d; j++) target[row + i, j] = flat[i * d + j];
    }
}
