namespace DeepRom.Metrics;

/// <summary>
/// How long a generated sequence stays close to the truth: the normalised error e_k = ||x_pred(k) - x_true(k)|| / RMS_k ||x_true(k)||
/// at each generated sample k = 1..H, and the valid prediction time, the time before e_k first exceeds a threshold.
/// </summary>
public sealed record ValidPredictionTime(double Time, int ValidSamples, double[] NormalisedError)
{
    /// <summary>The usual threshold on the normalised error.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>
    /// Predicted and true samples 1..H (H, d) row-major, sampled every <paramref name="dt"/>: the valid time is
    /// (k - 1) dt for the first k with e_k above <paramref name="threshold"/>, H dt when there is none.
    /// </summary>
    public static ValidPredictionTime Of(ReadOnlySpan<double> predicted, ReadOnlySpan<double> truth, int dimension, double dt,
        double threshold = DefaultThreshold)
    {
        if (predicted.Length != truth.Length || truth.Length % dimension != 0 || truth.Length == 0)
            throw new ArgumentException($"{predicted.Length} predicted and {truth.Length} true values are not the same (H, {dimension}) samples");
        int h = truth.Length / dimension;
        var error = new double[h];
        double meanSquare = 0;
        for (int k = 0; k < h; k++)
        {
            double e = 0, x = 0;
            for (int c = 0; c < dimension; c++)
            {
                double v = truth[k * dimension + c], diff = predicted[k * dimension + c] - v;
                e += diff * diff;
                x += v * v;
            }
            error[k] = Math.Sqrt(e);
            meanSquare += x / h;
        }
        // A zero truth gives every non-zero error an infinite normalised value, and a zero error a NaN taken as zero.
        double scale = Math.Sqrt(meanSquare);
        for (int k = 0; k < h; k++) error[k] = error[k] == 0 ? 0 : error[k] / scale;
        int valid = 0;
        while (valid < h && !(error[valid] > threshold) && !double.IsNaN(error[valid])) valid++;
        return new ValidPredictionTime(valid * dt, valid, error);
    }
}
