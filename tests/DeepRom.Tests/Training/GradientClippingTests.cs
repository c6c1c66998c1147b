using DeepRom.Training;

namespace DeepRom.Tests.Training;

/// <summary>Gradient-norm clipping: off by default, a no-op below the limit, active above it, its norms recorded.</summary>
public class GradientClippingTests
{
    [Fact]
    public void A_limit_above_every_gradient_changes_nothing_and_records_the_norms()
    {
        using var plain = new TinyRegression();
        using var loose = new TinyRegression();
        var off = new Trainer(TrainerTests.Config(3), plain).Run(resume: false);
        var on = new Trainer(TrainerTests.Config(3) with { GradientClipNorm = 1e30 }, loose).Run(resume: false);

        Assert.Equal(plain.Weights(), loose.Weights());
        Assert.DoesNotContain(Trainer.GradientNormPart, off.History[0].Parts.Keys);
        Assert.All(on.History, h => Assert.True(h.Parts[Trainer.GradientNormPart] > 0));
    }

    [Fact]
    public void A_limit_below_the_gradients_changes_the_steps()
    {
        using var plain = new TinyRegression();
        using var clipped = new TinyRegression();
        var free = new Trainer(TrainerTests.Config(3) with { GradientClipNorm = 1e30 }, plain).Run(resume: false);
        double typical = free.History[0].Parts[Trainer.GradientNormPart];
        new Trainer(TrainerTests.Config(3) with { GradientClipNorm = typical * 1e-3 }, clipped).Run(resume: false);

        Assert.NotEqual(plain.Weights(), clipped.Weights());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_limit_that_is_not_positive_is_refused(double limit) =>
        Assert.Throws<ArgumentException>(() => (TrainerTests.Config(1) with { GradientClipNorm = limit }).Validate());
}
