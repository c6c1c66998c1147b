using DeepRom.Numerics.Ode;
using static TorchSharp.torch;

namespace DeepRom.Models.Hits.Forecasting;

/// <summary>
/// Forecasts with the known vector field and classical RK4 at a fixed step, for an honest comparison with the networks:
/// RK4 alone over the whole horizon, an adaptive pair at a tolerance, and HiTS's hybrid, in which a coarse network sets anchors and RK4 fills the gaps
/// from all of them at once. States are stepped in float64.
/// </summary>
public static class ClassicalForecast
{
    /// <summary>RK4 from <paramref name="initial"/> (N, d) with a step of <paramref name="stepSamples"/> samples of <paramref name="dt"/>, to at least <paramref name="horizon"/>.</summary>
    public static SampledForecast Rk4(Tensor initial, int horizon, IVectorField field, double dt, int stepSamples)
    {
        CheckField(initial, field);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSamples, 1);
        int steps = (horizon + stepSamples - 1) / stepSamples;
        int n = (int)initial.shape[0], d = field.Dimension;
        double[] start;
        using (var states = initial.to_type(float64).contiguous()) start = states.data<double>().ToArray();
        var trajectories = new double[(long)n * (steps + 1) * d];
        new RungeKutta4(field).Integrate(start, 0, stepSamples * dt, steps, trajectories);
        return new SampledForecast(Enumerable.Range(0, steps + 1).Select(k => (long)k * stepSamples).ToArray(),
            tensor(trajectories, dtype: float64).view(n, steps + 1, d));
    }

    /// <summary>
    /// Dormand &amp; Prince's adaptive 5(4) pair (scipy's RK45) from every initial state in turn, read off its dense output at
    /// every sample up to <paramref name="horizon"/>: the adaptive integrator a user would reach for, at the given tolerance.
    /// </summary>
    public static SampledForecast Adaptive(Tensor initial, int horizon, IVectorField field, double dt, ErrorTolerance tolerance)
    {
        CheckField(initial, field);
        int n = (int)initial.shape[0], d = field.Dimension;
        double[] start;
        using (var states = initial.to_type(float64).contiguous()) start = states.data<double>().ToArray();
        double[] times = Enumerable.Range(0, horizon + 1).Select(k => k * dt).ToArray();
        var trajectories = new double[(long)n * (horizon + 1) * d];
        var solver = new DormandPrince54(field, tolerance);
        for (int m = 0; m < n; m++)
            solver.Solve(start.AsSpan(m * d, d), times, trajectories.AsSpan(m * (horizon + 1) * d, (horizon + 1) * d));
        return new SampledForecast(Enumerable.Range(0, horizon + 1).Select(k => (long)k).ToArray(),
            tensor(trajectories, dtype: float64).view(n, horizon + 1, d));
    }

    /// <summary>
    /// The hybrid forecast: <paramref name="anchors"/> (a coarse flow map) chained from <paramref name="initial"/> sets a state every
    /// <c>anchors.Steps</c> samples; RK4 with a step of <paramref name="stepSamples"/> samples fills every gap from its left anchor,
    /// all gaps in one batch.
    /// </summary>
    public static SampledForecast Hybrid(Tensor initial, int horizon, IFlowMap anchors, IVectorField field, double dt, int stepSamples)
    {
        CheckField(initial, field);
        if (stepSamples < 1 || anchors.Steps % stepSamples != 0)
            throw new ArgumentException($"the RK4 step ({stepSamples} samples) must divide the anchor step ({anchors.Steps})", nameof(stepSamples));
        using var start = initial.to_type(float64);
        using var coarse = MultiscaleForecast.Run(start, horizon, [anchors]);
        int n = (int)initial.shape[0], d = field.Dimension, k = coarse.Steps.Length;
        int fill = anchors.Steps / stepSamples - 1;
        Tensor anchorStates = coarse.States;
        if (fill == 0 || k == 1) return new SampledForecast(coarse.Steps, anchorStates.clone());

        // Every anchor but the last starts a gap: (N (K - 1), d) states stepped together.
        double[] starts;
        using (var left = anchorStates.narrow(1, 0, k - 1).reshape(-1, d)) starts = left.data<double>().ToArray();
        var filled = new double[starts.Length * (long)(fill + 1)];
        new RungeKutta4(field).Integrate(starts, 0, stepSamples * dt, fill, filled);
        using var scope = NewDisposeScope();
        Tensor gaps = tensor(filled, dtype: float64).view(n, (k - 1) * (fill + 1), d);
        Tensor values = cat([gaps, anchorStates.narrow(1, k - 1, 1)], 1);
        long[] steps = coarse.Steps.Take(k - 1).SelectMany(s => Enumerable.Range(0, fill + 1).Select(m => s + (long)m * stepSamples))
            .Append(coarse.Steps[^1]).ToArray();
        return new SampledForecast(steps, values.MoveToOuterDisposeScope());
    }

    private static void CheckField(Tensor initial, IVectorField field)
    {
        if (initial.ndim != 2 || initial.shape[1] != field.Dimension)
            throw new ArgumentException($"initial states ({string.Join(", ", initial.shape)}) do not have the field's dimension {field.Dimension}", nameof(initial));
    }
}
