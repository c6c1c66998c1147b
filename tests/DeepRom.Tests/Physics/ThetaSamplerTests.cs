using CsCheck;
using DeepRom.Physics.Darcy;

namespace DeepRom.Tests.Physics;

public class ThetaSamplerTests
{
    private const int Count = 20000;

    private static (double Mean, double Variance) Moments(double[] v)
    {
        double mean = v.Average();
        return (mean, v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }

    [Fact]
    public void Normal_has_zero_mean_and_unit_variance()
    {
        Gen.Int.Sample(seed =>
        {
            var (mean, variance) = Moments(new ThetaSampler(ThetaDistribution.Normal, seed).Sample(Count, 2));
            Assert.True(Math.Abs(mean) < 0.025, $"mean {mean}");
            Assert.True(Math.Abs(variance - 1) < 0.04, $"variance {variance}");
        }, iter: 10);
    }

    [Fact]
    public void Scaled_has_unit_mean_and_variance_one_half()
    {
        Gen.Int.Sample(seed =>
        {
            var (mean, variance) = Moments(new ThetaSampler(ThetaDistribution.Scaled, seed).Sample(Count, 2));
            Assert.True(Math.Abs(mean - 1) < 0.02, $"mean {mean}");
            Assert.True(Math.Abs(variance - 0.5) < 0.02, $"variance {variance}");
        }, iter: 10);
    }

    [Fact]
    public void Gmm4_has_half_positive_components_near_plus_minus_one()
    {
        Gen.Int.Sample(seed =>
        {
            var theta = new ThetaSampler(ThetaDistribution.Gmm4, seed).Sample(Count, 2);
            var (mean, variance) = Moments(theta);
            Assert.True(Math.Abs(mean) < 0.03, $"mean {mean}");
            Assert.True(Math.Abs(variance - 1.0625) < 0.04, $"variance {variance}");
            double positive = theta.Count(t => t > 0) / (double)theta.Length;
            Assert.True(Math.Abs(positive - 0.5) < 0.015, $"fraction positive {positive}");
            var (distanceMean, distanceVariance) = Moments(theta.Select(t => Math.Abs(t) - 1).ToArray());
            Assert.True(Math.Abs(distanceMean) < 0.01 && Math.Abs(distanceVariance - 0.0625) < 0.005,
                $"|theta| - 1: mean {distanceMean}, variance {distanceVariance}");
        }, iter: 10);
    }

    [Fact]
    public void Same_seed_gives_the_same_samples_and_another_seed_different_ones()
    {
        foreach (var d in Enum.GetValues<ThetaDistribution>())
        {
            Assert.Equal(new ThetaSampler(d, 7).Sample(50, 3), new ThetaSampler(d, 7).Sample(50, 3));
            Assert.NotEqual(new ThetaSampler(d, 7).Sample(50, 3), new ThetaSampler(d, 8).Sample(50, 3));
        }
    }
}
