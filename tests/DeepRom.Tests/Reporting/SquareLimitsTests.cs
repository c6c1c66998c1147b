using CsCheck;
using DeepRom.Reporting;

namespace DeepRom.Tests.Reporting;

public class SquareLimitsTests
{
    [Fact]
    public void Limits_are_square_and_contain_every_finite_point()
    {
        Gen.Double[-1e3, 1e3].Array[1, 40].Select(Gen.Double[-1e3, 1e3].Array[1, 40]).Sample((xs, ys) =>
        {
            var limits = LatentPlots.SquareLimits(xs, ys);
            double width = limits.Right - limits.Left, height = limits.Top - limits.Bottom;
            return Math.Abs(width - height) <= 1e-9 * Math.Max(1, width)
                && xs.All(x => x >= limits.Left && x <= limits.Right)
                && ys.All(y => y >= limits.Bottom && y <= limits.Top);
        });
    }

    [Fact]
    public void Limits_ignore_non_finite_values()
    {
        var limits = LatentPlots.SquareLimits([double.NaN, 1, 2], [double.PositiveInfinity, 0, 1]);
        Assert.True(double.IsFinite(limits.Left) && double.IsFinite(limits.Top));
        Assert.True(limits.Right - limits.Left < 2);
    }
}
