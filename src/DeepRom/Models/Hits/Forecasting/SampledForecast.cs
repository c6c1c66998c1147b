using static TorchSharp.torch;

namespace DeepRom.Models.Hits.Forecasting;

/// <summary>
/// A forecast known at some samples only: states (N, K, d) at the sorted sample indices <see cref="Steps"/> (0 first).
/// <see cref="Interpolate"/> fills every sample in between linearly, as the reference does.
/// </summary>
public sealed class SampledForecast : IDisposable
{
    public SampledForecast(long[] steps, Tensor states)
    {
        if (steps.Length == 0 || steps[0] != 0) throw new ArgumentException("a forecast starts at sample 0", nameof(steps));
        for (int k = 1; k < steps.Length; k++)
            if (steps[k] <= steps[k - 1]) throw new ArgumentException("sample indices must increase", nameof(steps));
        if (states.ndim != 3 || states.shape[1] != steps.Length)
            throw new ArgumentException($"states ({string.Join(", ", states.shape)}) do not hold one state per sample index ({steps.Length})", nameof(states));
        Steps = steps;
        States = states;
    }

    /// <summary>Sample indices (multiples of dt) at which the states are known.</summary>
    public long[] Steps { get; }

    /// <summary>(N, K, d): the states at <see cref="Steps"/>.</summary>
    public Tensor States { get; }

    /// <summary>The states at every sample 0 .. <paramref name="horizon"/> as (N, horizon + 1, d), exact at the known samples.</summary>
    public Tensor Interpolate(int horizon)
    {
        if (Steps[^1] < horizon) throw new ArgumentException($"the forecast reaches sample {Steps[^1]}, not {horizon}", nameof(horizon));
        var left = new long[horizon + 1];
        var right = new long[horizon + 1];
        var weight = new double[horizon + 1];
        int j = 0;
        for (int t = 0; t <= horizon; t++)
        {
            while (j + 1 < Steps.Length && Steps[j + 1] <= t) j++;
            left[t] = j;
            right[t] = Math.Min(j + 1, Steps.Length - 1);
            weight[t] = right[t] == j ? 0 : (t - Steps[j]) / (double)(Steps[j + 1] - Steps[j]);
        }
        using var scope = NewDisposeScope();
        Tensor a = States.index_select(1, tensor(left));
        Tensor b = States.index_select(1, tensor(right));
        Tensor w = tensor(weight, dtype: States.dtype).view(1, -1, 1);
        // a + (b - a) w is exactly a where w = 0, so known samples come out unchanged.
        return (a + (b - a) * w).MoveToOuterDisposeScope();
    }

    public void Dispose() => States.Dispose();
}
