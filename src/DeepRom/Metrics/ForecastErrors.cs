using static TorchSharp.torch;

namespace DeepRom.Metrics;

/// <summary>The mean squared error of a forecast against the true trajectories, over samples 1..T-1 (the start is given).</summary>
public sealed record ForecastError(double Mse, double[] MsePerSample)
{
    /// <summary>
    /// MSE over trajectories, samples 1..T-1 and components of <paramref name="prediction"/> against <paramref name="truth"/>,
    /// both (N, T, d), in float64 (the paper's test MSE); and the same per sample (averaged over trajectories and components).
    /// </summary>
    public static ForecastError Of(Tensor prediction, Tensor truth)
    {
        if (!prediction.shape.SequenceEqual(truth.shape))
            throw new ArgumentException($"prediction ({string.Join(", ", prediction.shape)}) and truth ({string.Join(", ", truth.shape)}) differ in shape");
        if (truth.shape[1] < 2) throw new ArgumentException("a forecast error needs at least one sample after the start");
        using var scope = NewDisposeScope();
        long t = truth.shape[1];
        Tensor squares = (prediction.to_type(float64).narrow(1, 1, t - 1) - truth.to_type(float64).narrow(1, 1, t - 1)).square();
        double[] perSample = squares.mean(new long[] { 0, 2 }).data<double>().ToArray();
        return new ForecastError(squares.mean().item<double>(), perSample);
    }
}
