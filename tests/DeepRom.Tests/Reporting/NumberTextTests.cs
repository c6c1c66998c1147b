using System.Globalization;
using CsCheck;
using DeepRom.Reporting;

namespace DeepRom.Tests.Reporting;

public class NumberTextTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.012345678, "0.01235")]
    [InlineData(12345.6, "12346")]
    [InlineData(1e-9, "1e-09")]
    [InlineData(-3.14159e7, "-3.142e+07")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Formats_known_values(double value, string expected) => Assert.Equal(expected, NumberText.Format(value));

    [Fact]
    public void Formatted_text_parses_back_to_four_significant_digits()
    {
        Gen.Double[-1e12, 1e12].Select(Gen.Int[-12, 12], (m, e) => m * Math.Pow(10, e)).Sample(x =>
        {
            string text = NumberText.Format(x);
            double back = double.Parse(text, CultureInfo.InvariantCulture);
            // "G4" keeps 4 significant digits: relative rounding error at most 5e-4 of the leading digit.
            return Math.Abs(back - x) <= 5.01e-4 * Math.Abs(x) + 1e-300;
        });
    }

    [Fact]
    public void Power_of_ten_tick_labels()
    {
        Assert.Equal("1", NumberText.PowerOfTen(0));
        Assert.Equal("100", NumberText.PowerOfTen(2));
        Assert.Equal("0.01", NumberText.PowerOfTen(-2));
        Assert.Equal("1e-07", NumberText.PowerOfTen(-7));
        Assert.Equal("1e+05", NumberText.PowerOfTen(5));
    }
}
