using DeepRom.Models.Sequence;
using DeepRom.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models.Sequence;

public class EchoStateNetworkTests
{
    [Theory]
    [InlineData(0.9, 0.05)]
    [InlineData(0.5, 0.2)]
    public void The_reservoir_has_the_requested_spectral_radius(double radius, double connectivity)
    {
        manual_seed(3);
        using var esn = new EchoStateNetwork(new EchoStateConfig(2, Units: 300, SpectralRadius: radius, Connectivity: connectivity));

        Assert.Equal(radius, SpectralRadius.Of(esn.Reservoir), 5);
        double nonZero = esn.Reservoir.ne(0).to_type(float64).mean().item<double>();
        Assert.InRange(nonZero, 0.8 * connectivity, 1.2 * connectivity);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-12)]
    public void The_readout_recovers_a_target_that_is_exactly_linear_in_the_reservoir_states(double ridge)
    {
        manual_seed(5);
        using var esn = new EchoStateNetwork(new EchoStateConfig(3, Units: 40, Connectivity: 0.2, InputScaling: 0.5, Ridge: ridge));
        using var inputs = randn(200, 3);
        using var states = esn.Drive(inputs);
        using var weights = randn(41, 3, dtype: float64);
        using var targets = matmul(cat([states.to_type(float64), ones(200, 1, dtype: float64)], 1), weights);

        double mse = esn.FitReadout(states, targets);

        Assert.True(mse < 1e-12, $"fit MSE {mse}");
        Assert.True((esn.Readout - weights).abs().max().item<double>() < 1e-4);
    }

    [Fact]
    public void Driving_is_one_reservoir_update_per_input_and_generation_feeds_outputs_back()
    {
        manual_seed(7);
        using var esn = new EchoStateNetwork(new EchoStateConfig(2, Units: 30, Connectivity: 0.3));
        using var inputs = randn(5, 2);
        using var states = esn.Drive(inputs);
        using var r1 = esn.forward(zeros(1, 30), inputs[0].unsqueeze(0));
        using var r2 = esn.forward(r1, inputs[1].unsqueeze(0));
        Assert.True((states[1] - r2[0]).abs().max().item<float>() < 1e-6);

        using var generated = esn.Generate(inputs, 3);
        using var first = esn.Predict(states[4].unsqueeze(0));
        using var second = esn.Predict(esn.forward(states[4].unsqueeze(0), first));
        Assert.Equal([3L, 2L], generated.shape);
        Assert.True((generated[1] - second[0]).abs().max().item<float>() < 1e-6);
    }
}
