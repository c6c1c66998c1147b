using DeepRom.Models.Rom.Reductions;
using DeepRom.Models.Rom.Reductions.Convolutional;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models.Rom;

/// <summary>The convolutional autoencoder and the beta-VAE as <see cref="ISimulationNetwork"/>s: shapes, decoding from the code alone, agreement with float64.</summary>
public class SimulationNetworkTests
{
    private static readonly TemporalConvolutionConfig Small = new() { Width = 8, Kernel = 3, BottleneckSteps = 4 };

    internal static ISimulationNetwork Create(string kind, int steps, int nodes, int code, TemporalConvolutionConfig? backbone = null)
    {
        backbone ??= Small;
        return kind switch
        {
            "cae" => new ConvolutionalAutoencoder(new ConvolutionalAutoencoderConfig { Backbone = backbone }, steps, nodes, code),
            "beta-vae" => new BetaVae(new BetaVaeConfig { Backbone = backbone }, steps, nodes, code),
            _ => throw new ArgumentException(kind),
        };
    }

    [Theory]
    [InlineData("cae", 3, 501, 16, 5)]
    [InlineData("cae", 2, 1, 7, 3)]
    [InlineData("cae", 1, 1, 1, 1)]
    [InlineData("cae", 4, 9, 2, 2)]
    [InlineData("beta-vae", 3, 501, 16, 5)]
    [InlineData("beta-vae", 2, 1, 7, 3)]
    [InlineData("beta-vae", 1, 1, 1, 1)]
    [InlineData("beta-vae", 4, 9, 2, 2)]
    public void Codes_and_decoded_simulations_have_the_expected_shapes(string kind, int batch, int steps, int nodes, int code)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var network = Create(kind, steps, nodes, code);
        using var module = network.Module;
        var x = randn(batch, steps, nodes);

        module.eval();
        var z = network.Encode(x);
        var y = network.Decode(z);
        module.train();
        using var loss = network.Loss(x);

        Assert.Equal(code, network.CodeSize);
        Assert.Equal(new long[] { batch, code }, z.shape);
        Assert.Equal(new long[] { batch, steps, nodes }, y.shape);
        Assert.Empty(loss.Total.shape);
        Assert.True(double.IsFinite(loss.Total.item<float>()));
        Assert.True(loss.Parts.ContainsKey("mse"));
    }

    [Theory]
    [InlineData("cae")]
    [InlineData("beta-vae")]
    public void Decoding_depends_only_on_the_code(string kind)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var network = Create(kind, 12, 5, 3);
        using var module = network.Module;
        module.eval();
        using var noGrad = no_grad();
        var codes = randn(3, 3);

        var alone = network.Decode(codes.narrow(0, 1, 1));
        network.Encode(randn(4, 12, 5)); // nothing an encoding leaves behind may change a later decoding
        var together = network.Decode(codes);
        var again = network.Decode(codes.narrow(0, 1, 1));

        Assert.True(alone.eq(again).all().item<bool>());
        Assert.True(alone.allclose(together.narrow(0, 1, 1), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void The_beta_vae_code_is_the_posterior_mean_and_beta_follows_its_annealing()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var config = new BetaVaeConfig { Backbone = Small, Beta = new BetaAnnealing(Target: 2, InitialFraction: 0.01, RampStart: 0.3, RampEnd: 0.8) };
        using var vae = new BetaVae(config, 6, 4, 2);
        ISimulationNetwork network = vae;
        vae.eval();
        var x = randn(2, 6, 4);

        Assert.True(network.Encode(x).eq(vae.Posterior(x).Mean).all().item<bool>());
        network.BeginEpoch(0, 10);
        Assert.Equal(0.02, network.Schedule["beta"], 12);
        network.BeginEpoch(5, 10);
        Assert.Equal(0.02 + (2 - 0.02) * 0.4, network.Schedule["beta"], 12);
        network.BeginEpoch(9, 10);
        Assert.Equal(2, network.Schedule["beta"]);
        network.RestoreSchedule(new Dictionary<string, double> { ["beta"] = 0.5 });
        Assert.Equal(0.5, vae.Beta);
    }

    [Theory]
    [InlineData("cae", 33, 3)]
    [InlineData("cae", 1, 4)]
    [InlineData("beta-vae", 33, 1)]
    public void Gradients_match_a_float64_copy(string kind, int steps, int nodes)
    {
        // The time convolutions go through oneDNN, which gave wrong float32 results on one processor (see ChannelsLast).
        using var scope = NewDisposeScope();
        manual_seed(11);
        var single = Create(kind, steps, nodes, 3);
        manual_seed(11);
        var reference = Create(kind, steps, nodes, 3);
        using var a = single.Module;
        using var b = reference.Module;
        b.to(ScalarType.Float64);
        a.eval();
        b.eval();
        manual_seed(12);
        var x = randn(4, steps, nodes);
        var w = randn(4, steps, nodes);

        static Tensor Objective(ISimulationNetwork n, Tensor input, Tensor weights)
        {
            var z = n.Encode(input);
            return (n.Decode(z) * weights).sum() + z.square().sum();
        }

        Objective(single, x, w).backward();
        Objective(reference, x.to(float64), w.to(float64)).backward();
        var expected = b.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, parameter) in a.named_parameters())
        {
            var want = expected[name];
            double error = (parameter.grad!.to(float64) - want).norm().item<double>() / Math.Max(want.norm().item<double>(), 1e-12);
            Assert.True(error < 1e-4, $"{name}: relative gradient error {error:g3}");
        }
    }

    [Theory]
    [InlineData("cae")]
    [InlineData("beta-vae")]
    public void Training_lowers_the_reconstruction_error_and_saved_weights_decode_the_same_bits(string kind)
    {
        var simulations = TravellingPulse.Scaled(TravellingPulse.Grid, steps: 10, cells: 12);
        var trainer = new DeepRom.Training.TrainerConfig
        {
            Epochs = 60, BatchSize = 9, LearningRate = DeepRom.Training.LearningRateSteps.Constant(5e-3), CheckpointMinutes = 1e9,
        };
        manual_seed(5);
        using var reduction = new NeuralReduction(Create(kind, 10, 12, 3), 10, 12, trainer);

        var codes = reduction.Fit(simulations);

        var history = reduction.State!.History;
        Assert.Equal(60, history.Count);
        Assert.True(history[^1].Parts["mse"] < 0.5 * history[0].Parts["mse"], $"mse {history[0].Parts["mse"]:g3} -> {history[^1].Parts["mse"]:g3}");
        Assert.Equal(simulations.Length, codes.Length);
        Assert.All(codes, c => Assert.Equal(3, c.Length));
        Assert.Equal(codes[4], reduction.Encode(simulations[4]));

        string file = Path.Combine(Path.GetTempPath(), $"deeprom-weights-{Guid.NewGuid():N}.bin");
        try
        {
            reduction.SaveWeights(file);
            manual_seed(99); // a different initialisation, overwritten by the load
            using var loaded = new NeuralReduction(Create(kind, 10, 12, 3), 10, 12, trainer);
            loaded.LoadWeights(file);
            Assert.Equal(reduction.Decode(codes[2]), loaded.Decode(codes[2]));
            Assert.Equal(codes[7], loaded.Encode(simulations[7]));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
