using DeepRom.Models.Vae;
using DeepRom.Runs;
using DeepRom.Training;

namespace DeepRom.Tests.Models;

public class BetaScheduleTests
{
    [Fact]
    public void Reconstruction_phase_has_no_regulariser()
    {
        var s = BetaSchedule.Reference(10);
        Assert.False(s.Regularises(9));
        Assert.True(s.Regularises(10));
        Assert.Equal(0.0, s.AtEpochStart(3, 0.7));
        Assert.Equal(1e-9, s.AtEpochStart(10, 0.0));
    }

    [Fact]
    public void Adaptive_rule_follows_the_reference_formula()
    {
        var s = BetaSchedule.Reference(0);
        // L_rec > 0: f = -1, beta shrinks by exp(-nu L_rec).
        Assert.Equal(0.5 * Math.Exp(-0.005 * 2.0), s.AfterStep(1, 0.5, 2.0), 15);
        // L_rec < 0: f = tanh(tau (beta - 1)) < 0, so beta grows by exp(nu f L_rec).
        double f = Math.Tanh(0.5 - 1.0);
        Assert.Equal(0.5 * Math.Exp(0.005 * f * -3.0), s.AfterStep(1, 0.5, -3.0), 15);
    }

    [Fact]
    public void Adaptive_beta_reaches_the_cap_when_reconstruction_is_good_and_never_exceeds_it()
    {
        var s = BetaSchedule.Reference(0);
        double beta = s.AtEpochStart(0, 0);
        for (int step = 0; step < 20000; step++) beta = s.AfterStep(0, beta, -4.0);
        Assert.Equal(1.0, beta, 6);
        Assert.True(beta <= 1.0);
    }

    [Fact]
    public void Linear_and_cyclical_ramps()
    {
        var linear = new BetaSchedule { Kind = BetaScheduleKind.Linear, ReconstructionEpochs = 2, RampEpochs = 4, Max = 2 };
        Assert.Equal([0, 0, 0.5, 1.0, 1.5, 2.0, 2.0], Enumerable.Range(0, 7).Select(e => linear.AtEpochStart(e, 0)));
        var cyclical = linear with { Kind = BetaScheduleKind.Cyclical };
        Assert.Equal(0.5, cyclical.AtEpochStart(2 + 8, 0));
        Assert.Equal(2.0, cyclical.AtEpochStart(2 + 7, 0));
    }

    [Fact]
    public void Rescaling_keeps_phase_fractions()
    {
        var config = new VaeRunConfig
        {
            Trainer = new TrainerConfig { Epochs = 6500, LearningRate = new LearningRateSteps([0, 5900], [5e-4, 1e-4]) },
            Beta = BetaSchedule.Reference(4000) with { RampEpochs = 100 },
        };
        var small = config.RescaledTo(650);
        Assert.Equal(650, small.Trainer.Epochs);
        Assert.Equal(400, small.Beta.ReconstructionEpochs);
        Assert.Equal(10, small.Beta.RampEpochs);
        Assert.Equal([0, 590], small.Trainer.LearningRate.Starts);
    }
}
