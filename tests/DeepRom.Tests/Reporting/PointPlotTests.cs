using DeepRom.Reporting;
using SkiaSharp;

namespace DeepRom.Tests.Reporting;

public class PointPlotTests
{
    // ScottPlot's category-10 colours: C0 blue (#1f77b4), C1 orange (#ff7f0e).
    private static bool IsOrange(SKColor c) => c.Red > 220 && c.Green is > 100 and < 150 && c.Blue < 60;
    private static bool IsBlue(SKColor c) => c.Red < 60 && c.Green is > 95 and < 140 && c.Blue > 160;

    private static int Count(DecodedPng image, Func<SKColor, bool> test)
    {
        int n = 0;
        for (int y = 0; y < image.Height; y++)
        for (int x = 0; x < image.Width; x++)
            if (test(image[x, y])) n++;
        return n;
    }

    [Fact]
    public void Each_group_is_drawn_in_its_own_colour_on_log_log_axes()
    {
        NamedPoints[] groups = [new("networks", [0.01, 0.1, 1.0], [1e-3, 1e-5, 1e-7]), new("rk4", [0.02], [1e-9])];

        var image = DecodedPng.AssertPlot(PointPlot.Render(groups, new PlotLabels("cost", "seconds", "MSE"), logX: true, logY: true, size: new PlotSize(400, 300)), 400, 300);

        Assert.True(Count(image, IsBlue) > 3 * 20, $"{Count(image, IsBlue)} blue pixels");
        Assert.True(Count(image, IsOrange) > 20, $"{Count(image, IsOrange)} orange pixels");
    }

    [Fact]
    public void Non_positive_values_keep_the_axis_linear_and_non_finite_points_are_left_out()
    {
        NamedPoints[] groups = [new("a", [0.0, 1.0, double.NaN], [1.0, -2.0, 3.0])];
        DecodedPng.AssertPlot(PointPlot.Render(groups, logX: true, logY: true, size: new PlotSize(300, 200)), 300, 200);
    }

    [Fact]
    public void Groups_with_unequal_coordinates_are_refused() =>
        Assert.Throws<ArgumentException>(() => PointPlot.Render([new NamedPoints("a", [1.0, 2.0], [1.0])]));
}
