namespace DeepRom.Models.Hits.Forecasting;

/// <summary>The contiguous range of levels a multiscale forecast uses, and the validation error of every range tried.</summary>
public sealed record LevelSelection(LevelRange Selected, double Error, IReadOnlyList<(LevelRange Levels, double Error)> Tried);

/// <summary>
/// Chooses which levels the multiscale forecast couples: the contiguous range with the lowest validation error. Coarse
/// levels that are inaccurate, or fine levels whose errors pile up over many steps, spoil the coupled forecast; leaving
/// them out (hyperbolic: the reference keeps levels 3-10) lowers its error.
/// </summary>
/// <remarks>
/// Every contiguous range is tried. The reference searched greedily (first the best prefix dropping coarse levels, then
/// the best suffix of it dropping fine ones), which can miss the best range. Trying all L (L + 1) / 2 ranges costs
/// no more when the ranges sharing their coarsest level are forecast as refinements of one another
/// (<see cref="MultiscaleForecast.Refinements"/>). Ties go to fewer levels, then to coarser ones: the cheaper forecast.
/// </remarks>
public static class ModelSelection
{
    /// <summary>The range of <paramref name="errors"/> with the lowest error (non-finite errors never win); null when none is finite.</summary>
    public static LevelSelection? Select(IEnumerable<(LevelRange Levels, double Error)> errors)
    {
        var tried = errors.ToArray();
        LevelRange? best = null;
        double lowest = double.PositiveInfinity;
        foreach (var (range, e) in tried)
        {
            if (!double.IsFinite(e)) continue;
            if (best is null || e < lowest || (e == lowest && Cheaper(range, best)))
            {
                best = range;
                lowest = e;
            }
        }
        return best is null ? null : new LevelSelection(best, lowest, tried);
    }

    /// <summary>
    /// The cheapest range that is at least as accurate on validation data as the best single level: the one with the coarsest
    /// finest level (its finest level sets how many network evaluations a forecast takes), the lowest error among equals.
    /// The accuracy-only choice of <see cref="Select"/> often reaches down to 1 dt, and then evaluates a network at every
    /// sample like the 1-dt network alone; this keeps the multiscale forecast's speed. Null when no single level is finite.
    /// </summary>
    public static LevelSelection? SelectFast(IReadOnlyList<(LevelRange Levels, double Error)> tried)
    {
        var singles = tried.Where(t => t.Levels.Count == 1 && double.IsFinite(t.Error)).ToArray();
        if (singles.Length == 0) return null;
        double target = singles.Min(t => t.Error);
        var (range, error) = tried.Where(t => double.IsFinite(t.Error) && t.Error <= target)
            .OrderByDescending(t => t.Levels.Lowest).ThenBy(t => t.Error).ThenBy(t => t.Levels.Count).First();
        return new LevelSelection(range, error, tried);
    }

    /// <summary>
    /// Every contiguous range of <paramref name="trained"/> with its error: for each coarsest level, <paramref name="refinements"/>
    /// gives the errors of the ranges reaching down from it, coarsest-only first (as <see cref="MultiscaleForecast.Refinements"/> yields them).
    /// </summary>
    public static IEnumerable<(LevelRange Levels, double Error)> AllRanges(LevelRange trained, Func<int, IEnumerable<double>> refinements)
    {
        foreach (int highest in trained.Levels)
        {
            int lowest = highest;
            foreach (double error in refinements(highest))
            {
                if (lowest < trained.Lowest) throw new InvalidOperationException($"more refinements than levels below {highest}");
                yield return (new LevelRange(lowest, highest), error);
                lowest--;
            }
        }
    }

    private static bool Cheaper(LevelRange a, LevelRange b) => a.Count < b.Count || (a.Count == b.Count && a.Lowest > b.Lowest);
}
