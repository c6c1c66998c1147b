using DeepRom.Reporting;
using SkiaSharp;

namespace DeepRom.Tests.Reporting;

public class LatentPathPlotTests
{
    // ScottPlot's category-10 colours: C0 blue (#1f77b4) for the training codes, C1 orange (#ff7f0e) for the first path.
    private static bool IsOrange(SKColor c) => c.Red > 220 && c.Green is > 100 and < 150 && c.Blue < 60;
    private static bool IsBlue(SKColor c) => c.Red < 60 && c.Green is > 95 and < 140 && c.Blue > 160;

    private static int Count(DecodedPng image, Func<SKColor, bool> test, int x0 = 0, int x1 = int.MaxValue)
    {
        int n = 0;
        for (int y = 0; y < image.Height; y++)
        for (int x = Math.Max(0, x0); x < Math.Min(image.Width, x1); x++)
            if (test(image[x, y])) n++;
        return n;
    }

    private static readonly double[,] Codes = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 } };

    [Fact]
    public void The_training_codes_are_drawn_as_points_and_each_path_as_a_line()
    {
        var path = new double[50, 2];
        for (int k = 0; k < 50; k++) { path[k, 0] = k / 49.0; path[k, 1] = 0.5; }
        var withPath = DecodedPng.AssertPlot(LatentPathPlot.Render(Codes, [("slerp", path)], new PlotLabels("codes", "pc 1", "pc 2"), new PlotSize(400, 300)), 400, 300);
        var without = DecodedPng.AssertPlot(LatentPathPlot.Render(Codes, [], new PlotLabels("codes", "pc 1", "pc 2"), new PlotSize(400, 300)), 400, 300);
        // A horizontal line across the plot is many orange pixels; without a path only the legend could be orange, and there is no entry for it.
        Assert.True(Count(withPath, IsOrange) > 150, $"{Count(withPath, IsOrange)} orange pixels");
        Assert.Equal(0, Count(without, IsOrange));
        Assert.True(Count(without, IsBlue) > 4 * 10, $"{Count(without, IsBlue)} blue pixels");
    }

    [Fact]
    public void Non_finite_path_points_are_skipped() =>
        DecodedPng.AssertPlot(LatentPathPlot.Render(Codes, [("lerp", new double[,] { { 0, 0 }, { double.NaN, 1 }, { 1, 1 } })], new PlotLabels()), 600, 450);

    [Fact]
    public void Codes_of_the_wrong_width_are_refused() =>
        Assert.Throws<ArgumentException>(() => LatentPathPlot.Render(new double[3, 3], [], new PlotLabels()));
}
