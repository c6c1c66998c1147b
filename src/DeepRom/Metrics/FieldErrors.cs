namespace DeepRom.Metrics;

/// <summary>Reconstruction errors of field sets stored row-major as (n, channels, pixels) float32 arrays.</summary>
/// <remarks>A channel whose true fields are all zero has no relative error; it comes out as NaN.</remarks>
public static class FieldErrors
{
    /// <summary>
    /// Per channel c, over the whole set: ||truth_c - prediction_c||_2 / ||truth_c||_2, the norms taken over all samples
    /// and pixels together (large-norm samples weigh more).
    /// </summary>
    public static double[] RelativeL2PerChannel(float[] truth, float[] prediction, int n, int channels, int pixels)
    {
        Check(truth, prediction, n, channels, pixels);
        var err = new double[channels];
        var norm = new double[channels];
        for (int s = 0; s < n; s++)
            for (int c = 0; c < channels; c++)
            {
                int off = (s * channels + c) * pixels;
                for (int p = 0; p < pixels; p++)
                {
                    double t = truth[off + p], e = t - prediction[off + p];
                    err[c] += e * e;
                    norm[c] += t * t;
                }
            }
        var result = new double[channels];
        for (int c = 0; c < channels; c++) result[c] = norm[c] > 0 ? Math.Sqrt(err[c] / norm[c]) : double.NaN;
        return result;
    }

    /// <summary>
    /// Per channel c, the mean over samples of the per-sample ratio ||truth_sc - prediction_sc||_2 / ||truth_sc||_2
    /// (every sample weighs the same). NaN if any sample has an all-zero true field in that channel.
    /// </summary>
    public static double[] MeanRelativeL2PerChannel(float[] truth, float[] prediction, int n, int channels, int pixels)
    {
        Check(truth, prediction, n, channels, pixels);
        var result = new double[channels];
        for (int s = 0; s < n; s++)
            for (int c = 0; c < channels; c++)
            {
                int off = (s * channels + c) * pixels;
                double err = 0, norm = 0;
                for (int p = 0; p < pixels; p++)
                {
                    double t = truth[off + p], e = t - prediction[off + p];
                    err += e * e;
                    norm += t * t;
                }
                result[c] += (norm > 0 ? Math.Sqrt(err / norm) : double.NaN) / n;
            }
        return result;
    }

    /// <summary>
    /// Gaussian negative log-likelihood per element, 0.5 (log 2 pi + log var + (truth - mean)^2 / var), averaged over
    /// samples, channels and pixels. <paramref name="logVariance"/> has length pixels (one value per pixel, shared by
    /// samples and channels, as in the Darcy VAE), channels * pixels, or n * channels * pixels.
    /// </summary>
    public static double GaussianNllPerElement(float[] truth, float[] mean, float[] logVariance, int n, int channels, int pixels)
    {
        Check(truth, mean, n, channels, pixels);
        int len = logVariance.Length;
        int stride = len == pixels ? pixels
            : len == channels * pixels ? channels * pixels
            : len == n * channels * pixels ? n * channels * pixels
            : throw new ArgumentException($"logVariance has {len} values; expected {pixels}, {channels * pixels} or {n * channels * pixels}", nameof(logVariance));
        double sum = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            double lv = logVariance[i % stride], e = truth[i] - mean[i];
            sum += 0.5 * (Math.Log(2 * Math.PI) + lv + e * e * Math.Exp(-lv));
        }
        return sum / truth.Length;
    }

    /// <summary>Gaussian negative log-likelihood of each whole sample (summed over channels and pixels), averaged over samples.</summary>
    public static double GaussianNllPerSample(float[] truth, float[] mean, float[] logVariance, int n, int channels, int pixels) =>
        GaussianNllPerElement(truth, mean, logVariance, n, channels, pixels) * channels * pixels;

    private static void Check(float[] truth, float[] other, int n, int channels, int pixels)
    {
        if (n < 1 || channels < 1 || pixels < 1) throw new ArgumentException("n, channels and pixels must be positive");
        long expected = (long)n * channels * pixels;
        if (truth.Length != expected) throw new ArgumentException($"truth has {truth.Length} values; expected {expected}", nameof(truth));
        if (other.Length != expected) throw new ArgumentException($"prediction has {other.Length} values; expected {expected}", nameof(other));
    }
}
