using static TorchSharp.torch;

namespace DeepRom.Models.Hits.Forecasting;

/// <summary>
/// The vectorised multiscale forecast of HiTS: the coarsest flow map marches over the whole horizon from the initial
/// states; each finer one then steps from every state known so far at once (one batch), filling the gaps its coarser
/// neighbour left; the finest fills the tail. Costs a handful of batched steps per level instead of one step per sample.
/// </summary>
public static class MultiscaleForecast
{
    /// <summary>
    /// Forecasts <paramref name="initial"/> (N, d) over <paramref name="horizon"/> samples with <paramref name="maps"/> (any
    /// order; each step must divide the next coarser one). The result reaches at least sample <paramref name="horizon"/> and
    /// has the initial states' dtype.
    /// </summary>
    public static SampledForecast Run(Tensor initial, int horizon, IReadOnlyList<IFlowMap> maps)
    {
        return Refine(initial, horizon, Ordered(initial, horizon, maps), everyLevel: false).Single();
    }

    /// <summary>
    /// The forecasts with the coarsest map alone, then with the two coarsest, and so on down to all of
    /// <paramref name="maps"/>: each is what <see cref="Run"/> gives with those maps, but every one reuses the states its
    /// predecessor computed, so all of them together cost about as much as the last. The caller disposes each.
    /// </summary>
    public static IEnumerable<SampledForecast> Refinements(Tensor initial, int horizon, IReadOnlyList<IFlowMap> maps) =>
        Refine(initial, horizon, Ordered(initial, horizon, maps), everyLevel: true);

    /// <summary>The maps coarsest first, after checking the arguments.</summary>
    private static IFlowMap[] Ordered(Tensor initial, int horizon, IReadOnlyList<IFlowMap> maps)
    {
        if (maps.Count == 0) throw new ArgumentException("no flow maps to forecast with", nameof(maps));
        if (initial.ndim != 2) throw new ArgumentException("initial states must be (N, d)", nameof(initial));
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        IFlowMap[] ordered = maps.OrderByDescending(m => m.Steps).ToArray();
        for (int k = 1; k < ordered.Length; k++)
            if (ordered[k].Steps < 1 || ordered[k - 1].Steps % ordered[k].Steps != 0)
                throw new ArgumentException($"step {ordered[k].Steps} does not divide the coarser step {ordered[k - 1].Steps}", nameof(maps));
        return ordered;
    }

    /// <summary>The forecast after every level (<paramref name="everyLevel"/>) or after the finest only.</summary>
    private static IEnumerable<SampledForecast> Refine(Tensor initial, int horizon, IFlowMap[] ordered, bool everyLevel)
    {
        long n = initial.shape[0], d = initial.shape[1];
        Tensor values = initial.unsqueeze(1).DetachFromDisposeScope();
        var steps = new List<long> { 0 };
        long span = horizon;
        try
        {
            foreach (IFlowMap map in ordered)
            {
                long count = span / map.Steps;
                if (count > 0)
                {
                    using var scope = NewDisposeScope();
                    int anchors = steps.Count;
                    var known = new List<Tensor>((int)count + 1) { values };
                    Tensor y = values.reshape(-1, d);
                    for (long t = 1; t <= count; t++)
                    {
                        // The forecast keeps the initial states' precision whatever the map computes in.
                        y = Advance(map, y).to_type(values.dtype);
                        known.Add(y.view(n, anchors, d));
                    }
                    // (N, anchors, count + 1, d): each anchor followed by the states stepped from it, in time order.
                    // Detached: the caller's dispose scopes come and go between refinements, these states must outlive them.
                    Tensor refined = stack(known, 2).view(n, anchors * (count + 1), d).DetachFromDisposeScope();
                    values.Dispose();
                    values = refined;
                    steps = steps.SelectMany(s => Enumerable.Range(0, (int)count + 1).Select(t => s + t * (long)map.Steps)).ToList();
                    span = map.Steps - 1;
                }
                if (everyLevel || map == ordered[^1]) yield return WithTail(values, steps, horizon, map);
            }
        }
        finally
        {
            values.Dispose();
        }
    }

    /// <summary>Rows per block when a map steps a large batch; see <see cref="Advance"/>.</summary>
    public const int BlockRows = 8192;

    /// <summary>
    /// Steps every row of <paramref name="states"/> with <paramref name="map"/>, in blocks of <see cref="BlockRows"/> rows.
    /// The finest level steps from every state at once, hundreds of thousands of rows: whole, a network's activations
    /// (rows x width floats per layer) overflow the caches and the page cache and made the forecast several times slower
    /// than stepping block by block.
    /// </summary>
    private static Tensor Advance(IFlowMap map, Tensor states)
    {
        if (states.shape[0] <= BlockRows) return map.Advance(states);
        using var scope = NewDisposeScope();
        return cat(states.split(BlockRows).Select(map.Advance).ToArray(), 0).MoveToOuterDisposeScope();
    }

    /// <summary>The known states with <paramref name="finest"/> stepping on from the last one until the horizon is reached.</summary>
    private static SampledForecast WithTail(Tensor values, List<long> steps, int horizon, IFlowMap finest)
    {
        using var scope = NewDisposeScope();
        var tail = new List<Tensor> { values };
        var tailSteps = new List<long>(steps);
        Tensor last = values.select(1, -1);
        while (tailSteps[^1] < horizon)
        {
            last = finest.Advance(last).to_type(values.dtype);
            tail.Add(last.unsqueeze(1));
            tailSteps.Add(tailSteps[^1] + finest.Steps);
        }
        return new SampledForecast(tailSteps.ToArray(), cat(tail, 1).MoveToOuterDisposeScope());
    }
}
