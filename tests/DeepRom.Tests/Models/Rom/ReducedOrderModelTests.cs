using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Reductions;

namespace DeepRom.Tests.Models.Rom;

public class ReducedOrderModelTests
{
    /// <summary>A lumped system (T, C) = (50, 2) whose history is affine in a 1-D parameter, channels in very different units.</summary>
    private static float[] Simulation(double mu) =>
        Enumerable.Range(0, 100).Select(k => k % 2 == 0 ? (float)(1000 + 50 * mu * Math.Sin(0.1 * k)) : (float)(0.001 * mu * k - 0.002)).ToArray();

    [Fact]
    public void Lerp_reproduces_a_history_affine_in_the_parameter_in_physical_units()
    {
        double[] mus = [1, 1.5, 2.5, 4];
        var model = ReducedOrderModel.Fit(new Pod(new PodConfig(MaxRank: 5)), mus.Select(m => (ReadOnlyMemory<float>)Simulation(m)).ToArray(),
            mus.Select(m => new[] { m }).ToArray(), channels: 2, gridSize: 1);

        var predicted = model.Predict([3.2], InterpolationKind.Lerp, allowExtrapolation: false).Simulation;

        var truth = Simulation(3.2);
        for (int k = 0; k < truth.Length; k++) Assert.Equal(truth[k], predicted[k], 1e-4 * (1 + Math.Abs(truth[k])));
        Assert.Equal(1, model.Reduction.LatentSize); // centred, the data vary along one direction
        Assert.Equal(2, model.Scaling.Channels);
    }

    [Fact]
    public void Outside_the_range_the_prediction_is_refused_or_clamped_to_the_nearest_end()
    {
        double[] mus = [1, 2, 3];
        var model = ReducedOrderModel.Fit(new Pod(new PodConfig()), mus.Select(m => (ReadOnlyMemory<float>)Simulation(m)).ToArray(),
            mus.Select(m => new[] { m }).ToArray(), channels: 2, gridSize: 1);

        var e = Assert.Throws<InputException>(() => model.Predict([3.5], InterpolationKind.Slerp, allowExtrapolation: false, source: "--param"));
        Assert.Equal("--param", e.Source);
        var clamped = model.Predict([3.5], InterpolationKind.Slerp, allowExtrapolation: true);
        Assert.True(clamped.Latent.Extrapolated);
        Assert.Equal(model.Predict([3.0], InterpolationKind.Slerp, false).Simulation, clamped.Simulation);
    }
}
