using DeepRom.Models.Hits;
using DeepRom.Models.Hits.Forecasting;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models.Hits;

public class StepperEnsembleTests
{
    private static readonly StateScaling Unit = new([0.0, 0.0], [1.0, 1.0]);

    [Fact]
    public void A_step_of_every_level_keeps_the_shape_and_one_level_steps_alone()
    {
        manual_seed(1);
        using var ensemble = new StepperEnsemble(new StepperEnsembleConfig(2, new LevelRange(2, 5), Width: 16, Depth: 3), Unit);
        using var z = randn(4, 7, 2);

        using var all = ensemble.forward(z);
        using var one = ensemble.StepLevel(3, z[1]);

        Assert.Equal(new long[] { 4, 7, 2 }, all.shape);
        Assert.Equal(new long[] { 7, 2 }, one.shape);
        Assert.True(allclose(one, all[1], rtol: 1e-5, atol: 1e-6));
        Assert.Equal(4 * ((2 + 1) * 16 + 2 * (16 + 1) * 16 + (16 + 1) * 2), ensemble.parameters().Sum(p => p.numel()));
        Assert.Equal((2 + 1) * 16 + 2 * (16 + 1) * 16 + (16 + 1) * 2, ensemble.ParametersPerLevel);
    }

    [Fact]
    public void The_ensemble_equals_separate_residual_networks_given_the_same_weights()
    {
        manual_seed(2);
        var levels = new LevelRange(0, 2);
        var scaling = new StateScaling([0.5, -1.0, 2.0], [2.0, 0.25, 1.0]);
        double[][] increments = [[1.0, 0.5, 2.0], [0.1, 0.2, 0.3], [1e-3, 0, 4.0]];
        using var ensemble = new StepperEnsemble(new StepperEnsembleConfig(3, levels, Width: 8, Depth: 2), scaling, increments);
        // Separate networks as the reference builds them (Linear layers with ReLU between) on standardised states, their
        // output scaled by the level's increment: z + c MLP(z).
        var networks = levels.Levels.Select(_ => nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 3))).ToArray();
        foreach (int k in levels.Levels)
        {
            var linears = networks[k].children().OfType<Linear>().ToArray();
            for (int i = 0; i < linears.Length; i++) ensemble.SetLayer(k, i, linears[i].weight!.t(), linears[i].bias!);
        }
        using var x = randn(5, 3, dtype: float32) * 3;
        using var mean = tensor(scaling.Mean, dtype: float32);
        using var std = tensor(scaling.Std, dtype: float32);

        Tensor Increment(int k) => tensor(increments[k], dtype: float32);
        foreach (int k in levels.Levels)
        {
            using var z = (x - mean) / std;
            using var expected = (z + Increment(k) * networks[k].forward(z)) * std + mean;
            using var advanced = new LearnedFlowMap(ensemble, k).Advance(x);
            Assert.True(allclose(advanced, expected, rtol: 1e-5, atol: 1e-5), $"level {k}");
        }
        using var batched = ensemble.forward(((x - mean) / std).unsqueeze(0).expand(3, 5, 3));
        for (int k = 0; k < 3; k++)
        {
            using var z = (x - mean) / std;
            Assert.True(allclose(batched[k], z + Increment(k) * networks[k].forward(z), rtol: 1e-5, atol: 1e-5), $"batched level {k}");
        }
        foreach (var n in networks) n.Dispose();
    }

    [Fact]
    public void The_increment_scale_of_a_level_is_the_rms_standardised_change_over_its_step()
    {
        // x = 3 t + 1, y = 2 (constant): standardised, z_x moves (3 / std_x) per sample, z_y never moves.
        using var states = stack([arange(40, dtype: float64) * 3 + 1, full(40, 2.0, dtype: float64)], 1).unsqueeze(0);
        var scaling = StateScaling.Of(states.data<double>().ToArray(), 2);

        double[][] scales = StepperEnsemble.IncrementScales(states, scaling, new LevelRange(0, 3));

        for (int k = 0; k <= 3; k++)
        {
            Assert.Equal(3.0 * (1 << k) / scaling.Std[0], scales[k][0], 1e-12);
            Assert.Equal(0.0, scales[k][1]);
        }
    }

    [Fact]
    public void Each_level_keeps_its_own_best_weights_and_gets_them_back()
    {
        manual_seed(3);
        using var ensemble = new StepperEnsemble(new StepperEnsembleConfig(2, new LevelRange(0, 1), Width: 4, Depth: 1), Unit);
        using var z = randn(6, 2);
        using var first = ensemble.forward(z.unsqueeze(0).expand(2, 6, 2)).clone();
        ensemble.KeepImproved([1.0, 1.0]);
        using (no_grad()) foreach (var p in ensemble.parameters()) p.add_(1.0);
        ensemble.KeepImproved([2.0, 0.5]); // level 1 improved with the shifted weights, level 0 did not

        ensemble.RestoreBest();
        using var after = ensemble.forward(z.unsqueeze(0).expand(2, 6, 2));

        Assert.Equal([1.0, 0.5], ensemble.BestLosses);
        Assert.True(allclose(after[0], first[0]), "level 0 is back at its best (the first) weights");
        Assert.False(allclose(after[1], first[1]), "level 1 keeps the shifted weights, its best");
    }
}
