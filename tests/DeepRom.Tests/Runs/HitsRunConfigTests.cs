using DeepRom.Runs.Hits;

namespace DeepRom.Tests.Runs;

public class HitsRunConfigTests
{
    private static readonly HitsRunConfig Config = new() { TrainData = "t", ValidationData = "v", MaxIterations = 1000, ValidateEvery = 100 };

    [Fact]
    public void The_rate_is_constant_unless_a_final_rate_is_given_then_it_holds_for_half_the_run_and_falls_geometrically()
    {
        Assert.All(Enumerable.Range(0, 10), e => Assert.Equal(1e-3, Config.Trainer.LearningRate.At(e)));

        var decaying = (Config with { FinalLearningRate = 1e-5 }).Trainer.LearningRate;

        Assert.Equal(10, Config.Trainer.Epochs);
        Assert.All(Enumerable.Range(0, 5), e => Assert.Equal(1e-3, decaying.At(e), 15));
        Assert.Equal(1e-5, decaying.At(9), 15);
        for (int e = 5; e < 9; e++) Assert.Equal(Math.Pow(1e-2, 0.25), decaying.At(e + 1) / decaying.At(e), 12);
    }

    [Fact]
    public void Iterations_are_counted_in_whole_validation_rounds() =>
        Assert.Equal(11, (Config with { MaxIterations = 1001 }).Rounds);
}
