using DeepRom.Metrics;

namespace DeepRom.Tests.Metrics;

public class FieldErrorsTests
{
    // n = 2 samples, 2 channels, 2 pixels; layout (sample, channel, pixel).
    private static readonly float[] Truth = [3, 4, 1, 0, /* sample 2 */ 0, 1, 2, 2];
    private static readonly float[] Prediction = [3, 1, 1, 1, /* sample 2 */ 0, 2, 2, 2];

    [Fact]
    public void Relative_l2_over_the_whole_set_pools_samples()
    {
        var e = FieldErrors.RelativeL2PerChannel(Truth, Prediction, 2, 2, 2);
        // channel 0: errors (0, 3) and (0, -1) -> sqrt(10); truth norm sqrt(9 + 16 + 0 + 1) = sqrt(26)
        Assert.Equal(Math.Sqrt(10.0 / 26.0), e[0], 12);
        // channel 1: errors (0, -1) and (0, 0) -> 1; truth norm sqrt(1 + 0 + 4 + 4) = 3
        Assert.Equal(1.0 / 3.0, e[1], 12);
    }

    [Fact]
    public void Mean_relative_l2_weighs_every_sample_equally()
    {
        var e = FieldErrors.MeanRelativeL2PerChannel(Truth, Prediction, 2, 2, 2);
        Assert.Equal((3.0 / 5.0 + 1.0 / 1.0) / 2, e[0], 12);
        Assert.Equal((1.0 / 1.0 + 0.0) / 2, e[1], 12);
    }

    [Fact]
    public void All_zero_truth_gives_nan()
    {
        var e = FieldErrors.RelativeL2PerChannel([0, 0], [1, 0], 1, 1, 2);
        Assert.True(double.IsNaN(e[0]));
    }

    [Fact]
    public void Gaussian_nll_with_a_per_pixel_log_variance()
    {
        float[] logVar = [0, MathF.Log(4)];
        double c = 0.5 * Math.Log(2 * Math.PI);
        // pixel 0 (var 1): residuals 0, 0, 0, 0; pixel 1 (var 4): residuals 3, -1, -1, 0
        double expectedSum = 4 * c + 4 * (c + 0.5 * Math.Log(4)) + 0.5 * (9 + 1 + 1 + 0) / 4;
        double perElement = FieldErrors.GaussianNllPerElement(Truth, Prediction, logVar, 2, 2, 2);
        Assert.Equal(expectedSum / 8, perElement, 6);
        Assert.Equal(expectedSum / 2, FieldErrors.GaussianNllPerSample(Truth, Prediction, logVar, 2, 2, 2), 5);
    }

    [Fact]
    public void Gaussian_nll_of_a_standard_normal_at_its_mean()
    {
        double nll = FieldErrors.GaussianNllPerElement([1, 2, 3], [1, 2, 3], [0, 0, 0], 3, 1, 1);
        Assert.Equal(0.5 * Math.Log(2 * Math.PI), nll, 12);
    }

    [Fact]
    public void Shapes_are_checked()
    {
        Assert.Throws<ArgumentException>(() => FieldErrors.RelativeL2PerChannel(Truth, Prediction, 2, 2, 3));
        Assert.Throws<ArgumentException>(() => FieldErrors.GaussianNllPerElement(Truth, Prediction, [0, 0, 0], 2, 2, 2));
    }
}
