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
    /// order; each step must divide the next coarser one). The result reaches at least sample <paramref name="horizon"/>.
    /// </summary>
    public static SampledForecast Run(Tensor initial, int horizon, IReadOnlyList<IFlowMap> maps)
    {
        if (maps.Count == 0) throw new ArgumentException("no flow maps to forecast with", nameof(maps));
        if (initial.ndim != 2) throw new ArgumentException("initial states must be (N, d)", nameof(initial));
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        IFlowMap[] ordered = maps.OrderByDescending(m => m.Steps).ToArray();
        for (int k = 1; k < ordered.Length; k++)
            if (ordered[k].Steps < 1 || ordered[k - 1].Steps % ordered[k].Steps != 0)
                throw new ArgumentException($"step {ordered[k].Steps} does not divide the coarser step {ordered[k - 1].Steps}", nameof(maps));
        long n = initial.shape[0], d = initial.shape[1];

        using var scope = NewDisposeScope();
        Tensor values = initial.unsqueeze(1);
        var steps = new List<long> { 0 };
        long span = horizon;
        foreach (IFlowMap map in ordered)
        {
            long count = span / map.Steps;
            if (count == 0) continue;
            int anchors = steps.Count;
            var known = new List<Tensor>((int)count + 1) { values };
            Tensor y = values.reshape(-1, d);
            for (long t = 1; t <= count; t++)
            {
                y = map.Advance(y);
                known.Add(y.view(n, anchors, d));
            }
            // (N, anchors, count + 1, d): each anchor followed by the states stepped from it, in time order.
            values = stack(known, 2).view(n, anchors * (count + 1), d);
            steps = steps.SelectMany(s => Enumerable.Range(0, (int)count + 1).Select(t => s + t * (long)map.Steps)).ToList();
            span = map.Steps - 1;
        }
        IFlowMap finest = ordered[^1];
        if (steps[^1] < horizon)
        {
            var tail = new List<Tensor> { values };
            Tensor last = values.select(1, -1);
            while (steps[^1] < horizon)
            {
                last = finest.Advance(last);
                tail.Add(last.unsqueeze(1));
                steps.Add(steps[^1] + finest.Steps);
            }
            values = cat(tail, 1);
        }
        return new SampledForecast(steps.ToArray(), values.MoveToOuterDisposeScope());
    }
}
