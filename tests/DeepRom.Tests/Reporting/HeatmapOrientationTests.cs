using DeepRom.Reporting;
using SkiaSharp;

namespace DeepRom.Tests.Reporting;

public class HeatmapOrientationTests
{
    // Viridis runs from dark purple (minimum) to yellow (maximum).
    private static bool IsYellow(SKColor c) => c.Red > 200 && c.Green > 190 && c.Blue < 120;
    private static bool IsPurple(SKColor c) => c.Red < 110 && c.Green < 50 && c.Blue > 60;

    [Fact]
    public void Row_zero_of_a_field_is_drawn_at_the_bottom()
    {
        var shape = new FieldShape(10, 12);
        var field = PlotSamples.Field(shape, (_, j) => j == 0 ? 1.0 : 0.0);
        var png = FieldPlots.Reconstruction([field], [field], shape, ["p"], new PlotSize(900, 300));
        var image = DecodedPng.From(png);

        // A vertical line through the truth panel (left third), well left of its colour bar.
        int x = 300 / 3;
        var yellow = Enumerable.Range(0, image.Height).Where(y => IsYellow(image[x, y])).ToList();
        var purple = Enumerable.Range(0, image.Height).Where(y => IsPurple(image[x, y])).ToList();
        Assert.NotEmpty(yellow);
        Assert.NotEmpty(purple);
        // Image y grows downward: the bright band must lie below all of the dark area.
        Assert.True(yellow.Min() > purple.Max(), $"bright rows {yellow.Min()}..{yellow.Max()}, dark rows {purple.Min()}..{purple.Max()}");
        // One row of ten should take roughly a tenth of the heatmap's height, not the whole of it.
        Assert.InRange(yellow.Count, 0.05 * (yellow.Count + purple.Count), 0.2 * (yellow.Count + purple.Count));
    }

    [Fact]
    public void Column_zero_of_a_field_is_drawn_at_the_left()
    {
        var shape = new FieldShape(10, 12);
        var field = PlotSamples.Field(shape, (i, _) => i == 0 ? 1.0 : 0.0);
        var image = DecodedPng.From(FieldPlots.Reconstruction([field], [field], shape, ["p"], new PlotSize(900, 300)));
        int y = 300 / 2;
        var yellow = Enumerable.Range(0, 200).Where(x => IsYellow(image[x, y])).ToList();
        var purple = Enumerable.Range(0, 200).Where(x => IsPurple(image[x, y])).ToList();
        Assert.NotEmpty(yellow);
        Assert.NotEmpty(purple);
        Assert.True(yellow.Max() < purple.Min(), $"bright columns {yellow.Min()}..{yellow.Max()}, dark columns {purple.Min()}..{purple.Max()}");
    }
}
