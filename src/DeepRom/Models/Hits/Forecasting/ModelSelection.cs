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
/// the best suffix of it dropping fine ones), which can miss the best range; trying all L (L + 1) / 2 ranges costs
/// about 1.5 times as much, because the expensive ranges (those reaching down to the finest level) are tried by both.
/// Ties go to fewer levels, then to coarser ones: the cheaper forecast.
/// </remarks>
public static class ModelSelection
{
    /// <summary>The range within <paramref name="trained"/> whose <paramref name="error"/> is lowest (non-finite errors never win).</summary>
    public static LevelSelection Select(LevelRange trained, Func<LevelRange, double> error)
    {
        var tried = new List<(LevelRange, double)>();
        LevelRange? best = null;
        double lowest = double.PositiveInfinity;
        foreach (LevelRange range in trained.SubRanges())
        {
            double e = error(range);
            tried.Add((range, e));
            if (!double.IsFinite(e)) continue;
            if (best is null || e < lowest || (e == lowest && Cheaper(range, best)))
            {
                best = range;
                lowest = e;
            }
        }
        return new LevelSelection(best ?? trained, best is null ? double.NaN : lowest, tried);
    }

    private static bool Cheaper(LevelRange a, LevelRange b) => a.Count < b.Count || (a.Count == b.Count && a.Lowest > b.Lowest);
}
