namespace DeepRom.Physics.Cylinder;

/// <summary>One shedding cycle: from one upward zero crossing of the lift to the next.</summary>
/// <param name="Start">Time of the crossing that opens the cycle (linear interpolation between steps).</param>
/// <param name="Period">Length of the cycle.</param>
public readonly record struct SheddingCycle(double Start, double Period, double LiftMax, double LiftMin, double DragMax, double DragMean);

/// <summary>
/// Cuts a lift and drag history, given sample by sample, into shedding cycles at the lift's upward zero crossings and
/// says when the cycles repeat (the periodic regime).
/// </summary>
public sealed class SheddingCycles
{
    private readonly List<SheddingCycle> cycles = [];
    private double lastTime = double.NaN, lastLift = double.NaN, start = double.NaN;
    private double liftMax = double.NegativeInfinity, liftMin = double.PositiveInfinity, dragMax = double.NegativeInfinity, dragSum;
    private int samples;

    /// <summary>The complete cycles so far, oldest first.</summary>
    public IReadOnlyList<SheddingCycle> Cycles => cycles;

    /// <summary>Time of the latest upward zero crossing (NaN before the first).</summary>
    public double LastCrossing => start;

    /// <summary>Adds the coefficients at <paramref name="time"/>; returns true when the sample closed a cycle.</summary>
    public bool Add(double time, double lift, double drag)
    {
        bool closed = false;
        if (lastLift < 0 && lift >= 0)
        {
            double crossing = lastTime + (time - lastTime) * (-lastLift) / (lift - lastLift);
            if (!double.IsNaN(start))
            {
                cycles.Add(new SheddingCycle(start, crossing - start, liftMax, liftMin, dragMax, dragSum / Math.Max(samples, 1)));
                closed = true;
            }
            start = crossing;
            (liftMax, liftMin, dragMax, dragSum, samples) = (double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity, 0, 0);
        }
        (liftMax, liftMin, dragMax) = (Math.Max(liftMax, lift), Math.Min(liftMin, lift), Math.Max(dragMax, drag));
        dragSum += drag;
        samples++;
        (lastTime, lastLift) = (time, lift);
        return closed;
    }

    /// <summary>
    /// True when the last <paramref name="count"/> cycles agree in period and in lift maximum and minimum to within
    /// <paramref name="tolerance"/> (relative to the period and to the lift amplitude).
    /// </summary>
    public bool IsPeriodic(int count = 4, double tolerance = 2e-3)
    {
        if (cycles.Count < count) return false;
        var last = cycles.Skip(cycles.Count - count).ToArray();
        double amplitude = 0.5 * (last[^1].LiftMax - last[^1].LiftMin);
        if (!(amplitude > 1e-3)) return false;
        return Spread(last.Select(c => c.Period)) <= tolerance * last[^1].Period
            && Spread(last.Select(c => c.LiftMax)) <= tolerance * amplitude
            && Spread(last.Select(c => c.LiftMin)) <= tolerance * amplitude;
    }

    private static double Spread(IEnumerable<double> values) => values.Max() - values.Min();
}
