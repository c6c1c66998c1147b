using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Interpolation;
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

    private static ReducedOrderModel Affine(double[] mus) =>
        ReducedOrderModel.Fit(new Pod(new PodConfig(MaxRank: 5)), mus.Select(m => (ReadOnlyMemory<float>)Simulation(m)).ToArray(),
            mus.Select(m => new[] { m }).ToArray(), channels: 2, gridSize: 1);

    [Theory]
    [InlineData(InterpolationKind.Lerp, 1e-4)]
    [InlineData(InterpolationKind.Slerp, 1e-4)]
    [InlineData(InterpolationKind.Rbf, 1e-4)]
    [InlineData(InterpolationKind.Conditioner, 2e-2)]
    public void Every_interpolation_kind_plugs_into_the_model(InterpolationKind kind, double tolerance)
    {
        var model = Affine([1, 1.5, 2, 2.5, 3, 4]);

        var prediction = model.Predict([3.2], kind, allowExtrapolation: false);

        var truth = Simulation(3.2);
        for (int k = 0; k < truth.Length; k++) Assert.Equal(truth[k], prediction.Simulation[k], tolerance * (1 + Math.Abs(truth[k])));
        Assert.False(prediction.Latent.Extrapolated);
        Assert.Same(model.Interpolation(kind), model.Interpolation(kind)); // fitted once, at first use
        Assert.Throws<InputException>(() => model.Predict([4.5], kind, allowExtrapolation: false));
        Assert.True(model.Predict([4.5], kind, allowExtrapolation: true).Latent.Extrapolated);
    }

    [Fact]
    public void An_attached_interpolation_replaces_the_one_fitted_at_first_use()
    {
        var model = Affine([1, 2, 3]);
        var cubic = new RadialBasisInterpolation(new RbfConfig(RbfKernel.Cubic));
        cubic.Fit(model.Parameters, model.Codes);

        model.Attach(InterpolationKind.Rbf, cubic);

        Assert.Same(cubic, model.Interpolation(InterpolationKind.Rbf));
        Assert.Contains("cubic", model.Interpolation(InterpolationKind.Rbf).Description);
    }
}
