using DeepRom.Models.Hits;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models.Hits;

public class HierarchyObjectiveTests
{
    /// <summary>An ensemble whose networks output zero: every level predicts that the state stays where it is.</summary>
    private static StepperEnsemble Standing(LevelRange levels)
    {
        var ensemble = new StepperEnsemble(new StepperEnsembleConfig(1, levels, Width: 4, Depth: 1), new StateScaling([0.0], [1.0]));
        foreach (int k in levels.Levels)
            for (int i = 0; i < 2; i++)
                ensemble.SetLayer(k, i, zeros(ensemble.Config.Layers[i].In, ensemble.Config.Layers[i].Out), zeros(ensemble.Config.Layers[i].Out));
        return ensemble;
    }

    [Theory]
    [InlineData(WindowSampling.First)]
    [InlineData(WindowSampling.All)]
    [InlineData(WindowSampling.Mixed)]
    public void The_rollout_loss_is_the_mean_squared_error_of_p_steps_at_each_level(WindowSampling windows)
    {
        // x(t) = c t: standing still for j steps of s samples misses by c j s, wherever the window starts.
        const double c = 0.01;
        const int p = 3, samples = 40, trajectories = 5;
        var levels = new LevelRange(0, 3);
        using var ensemble = Standing(levels);
        using var states = (arange(samples, dtype: float64) * c).view(1, samples, 1).expand(trajectories, samples, 1).contiguous();
        using var objective = new HierarchyObjective(ensemble, states, states, p, windows, batchSize: 7, iterationsPerRound: 2);
        double[] expected = levels.Levels.Select(k => Enumerable.Range(1, p).Average(j => Math.Pow(c * j * LevelRange.StepOf(k), 2))).ToArray();

        manual_seed(4);
        using var loss = objective.Loss(arange(7, dtype: int64));
        double[] validation = objective.ValidationLosses();

        Assert.Equal(14, objective.SampleCount);
        for (int l = 0; l < levels.Count; l++) Assert.Equal(expected[l], validation[l], 1e-7);
        Assert.Equal(expected.Sum(), loss.Total.item<float>(), 1e-6);
    }

    [Fact]
    public void Trajectories_too_short_for_p_steps_of_the_largest_step_are_refused()
    {
        using var ensemble = Standing(new LevelRange(0, 3));
        using var states = zeros(2, 40, 1, dtype: float64);
        Assert.Throws<ArgumentException>(() => new HierarchyObjective(ensemble, states, states, 5, WindowSampling.All, 2, 1));
    }
}
