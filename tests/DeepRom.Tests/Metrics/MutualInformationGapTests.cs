using CsCheck;
using DeepRom.Metrics;

namespace DeepRom.Tests.Metrics;

public class MutualInformationGapTests
{
    [Fact]
    public void Latents_equal_to_factors_give_a_gap_near_one()
    {
        var theta = Draws.StandardGaussian(new Random(21), 20000, 2);
        double mig = MutualInformationGap.Compute(theta, theta);
        // Only the plug-in bias of the unrelated pair, about (B-1)^2 / (2n) / log B, is missing.
        Assert.InRange(mig, 0.99, 1.0);
    }

    [Fact]
    public void Monotone_latent_of_a_single_factor_gives_exactly_one()
    {
        var theta = Draws.StandardGaussian(new Random(22), 1000, 1);
        var z = new double[1000, 2];
        for (int r = 0; r < 1000; r++) { z[r, 0] = Math.Exp(theta[r, 0]); z[r, 1] = -1.5; }
        Assert.Equal(1.0, MutualInformationGap.Compute(z, theta), 12);
    }

    [Fact]
    public void Independent_latents_give_a_gap_near_zero()
    {
        var rng = new Random(23);
        var theta = Draws.StandardGaussian(rng, 20000, 2);
        var z = Draws.StandardGaussian(rng, 20000, 2);
        Assert.InRange(MutualInformationGap.Compute(z, theta), 0, 0.01);
    }

    [Fact]
    public void Rotation_by_45_degrees_gives_a_small_gap()
    {
        var theta = Draws.StandardGaussian(new Random(24), 20000, 2);
        var z = Draws.Rotate(theta, Math.PI / 4);
        double rotated = MutualInformationGap.Compute(z, theta);
        double aligned = MutualInformationGap.Compute(theta, theta);
        Assert.InRange(rotated, 0, 0.05);
        Assert.True(aligned > rotated + 0.9);
    }

    [Fact]
    public void Equal_frequency_bins_are_balanced_and_keep_ties_together()
    {
        var bins = MutualInformationGap.Discretise([5, 1, 3, 3, 3, 0, 9, 7], 4, Binning.EqualFrequency);
        Assert.Equal([2, 0, 1, 1, 1, 0, 3, 3], bins);
        var width = MutualInformationGap.Discretise([0, 1, 2, 10], 5, Binning.EqualWidth);
        Assert.Equal([0, 0, 1, 4], width);
    }

    [Fact]
    public void Mutual_information_never_exceeds_either_entropy()
    {
        var gen = from n in Gen.Int[1, 60]
                  from a in Gen.Int[0, 4].Array[n]
                  from b in Gen.Int[0, 4].Array[n]
                  select (a, b);
        gen.Sample(c =>
        {
            double mi = MutualInformationGap.MutualInformation(c.a, c.b, 5, 5);
            Assert.InRange(mi, 0, Math.Min(MutualInformationGap.Entropy(c.a, 5), MutualInformationGap.Entropy(c.b, 5)) + 1e-12);
            Assert.Equal(MutualInformationGap.Entropy(c.a, 5), MutualInformationGap.MutualInformation(c.a, c.a, 5, 5), 12);
        });
    }
}
