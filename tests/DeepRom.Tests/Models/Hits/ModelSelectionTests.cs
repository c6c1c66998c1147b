using DeepRom.Models.Hits;
using DeepRom.Models.Hits.Forecasting;

namespace DeepRom.Tests.Models.Hits;

public class ModelSelectionTests
{
    private static IEnumerable<(LevelRange, double)> Errors(LevelRange trained, Func<LevelRange, double> error) =>
        trained.SubRanges().Select(r => (r, error(r)));

    [Fact]
    public void All_ranges_come_from_the_refinements_below_each_coarsest_level()
    {
        var ranges = ModelSelection.AllRanges(new LevelRange(1, 3), highest => Enumerable.Range(0, highest).Select(j => 10.0 * highest + j)).ToArray();

        Assert.Equal(new LevelRange(1, 3).SubRanges().OrderBy(r => r.Highest).ThenByDescending(r => r.Lowest), ranges.Select(r => r.Levels));
        Assert.Equal((new LevelRange(1, 3), 32.0), ranges[^1]);
    }

    [Fact]
    public void The_contiguous_range_with_the_lowest_error_is_selected_after_trying_every_range()
    {
        var selection = ModelSelection.Select(Errors(LevelRange.Reference, r => 1e-6 * (1 + Math.Abs(r.Lowest - 3) + Math.Abs(r.Highest - 8))))!;

        Assert.Equal(new LevelRange(3, 8), selection.Selected);
        Assert.Equal(1e-6, selection.Error);
        Assert.Equal(66, selection.Tried.Count);
    }

    [Fact]
    public void A_range_a_greedy_prefix_then_suffix_search_misses_is_found()
    {
        // Dropping coarse levels first looks bad unless fine levels are dropped too: only 2-5 is good.
        double Error(LevelRange r) => r == new LevelRange(2, 5) ? 1e-7 : r.Lowest == 0 ? 1e-3 - 1e-5 * r.Highest : 1e-3;

        Assert.Equal(new LevelRange(2, 5), ModelSelection.Select(Errors(new LevelRange(0, 6), Error))!.Selected);
    }

    [Fact]
    public void Ties_go_to_fewer_then_coarser_levels_and_non_finite_errors_never_win()
    {
        Assert.Equal(new LevelRange(4, 4), ModelSelection.Select(Errors(new LevelRange(0, 4), r => r.Count == 1 ? 1.0 : r.Count == 5 ? double.NaN : 2.0))!.Selected);
        Assert.Equal(new LevelRange(2, 3), ModelSelection.Select(Errors(new LevelRange(0, 3), r => r.Count == 2 ? 0.5 : double.PositiveInfinity))!.Selected);
        Assert.Null(ModelSelection.Select(Errors(new LevelRange(0, 3), _ => double.NaN)));
    }

    [Fact]
    public void The_fast_choice_is_the_range_with_the_coarsest_finest_level_that_matches_the_best_single_level()
    {
        // The best single level is 4 (error 2); ranges down to level 0 are the most accurate; from level 3 up they are still
        // better than level 4 alone, from level 5 up they are worse.
        double Error(LevelRange r) => r.Count == 1 ? (r.Lowest == 4 ? 2.0 : 5.0) : r.Lowest <= 3 ? 1.0 + r.Lowest / 10.0 + r.Highest / 100.0 : 3.0;
        var tried = Errors(new LevelRange(0, 8), Error).ToArray();

        Assert.Equal(0, ModelSelection.Select(tried)!.Selected.Lowest);
        var fast = ModelSelection.SelectFast(tried)!;
        Assert.Equal(new LevelRange(4, 4), fast.Selected);
        Assert.Equal(2.0, fast.Error);

        // Once level 4 alone is worse than the 3-x ranges but 4-x ranges beat it, the fast choice stays at the coarsest such finest level.
        double Better(LevelRange r) => r.Lowest == 4 && r.Count > 1 ? 1.5 + r.Highest / 100.0 : Error(r);
        Assert.Equal(new LevelRange(4, 5), ModelSelection.SelectFast(Errors(new LevelRange(0, 8), Better).ToArray())!.Selected);
        Assert.Null(ModelSelection.SelectFast(Errors(new LevelRange(0, 3), _ => double.NaN).ToArray()));
    }
}
