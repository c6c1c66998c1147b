using CsCheck;
using DeepRom.Models.Rom.Reductions;
using DeepRom.Models.Rom.Reductions.Convolutional;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models.Rom;

public class LshVaeTests : IDisposable
{
    // These networks are tiny: a second libtorch thread only adds synchronisation, which costs milliseconds per operation
    // when the machine is busy, so each test runs on one thread and puts the setting back after.
    private readonly int threads = get_num_threads();

    public LshVaeTests() => set_num_threads(1);

    public void Dispose() => set_num_threads(threads);

    /// <summary>Same shape and exactly the same values.</summary>
    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static readonly LshVaeConfig Small = new()
    {
        Widths = [8, 8, 6],
        MainLatent = 4,
        GroupSize = 2,
    };

    /// <summary>A seeded network of <paramref name="config"/> prepared (scaled) on P travelling-wave simulations of T x N values.</summary>
    private static (LshVae Vae, Tensor X) Prepared(LshVaeConfig config, int p, int t, int n, int seed)
    {
        manual_seed(seed);
        var vae = new LshVae(config, t, n);
        Tensor x = Waves(p, t, n, seed);
        ((ISimulationNetwork)vae).Prepare(x);
        return (vae, x);
    }

    /// <summary>Smooth simulations (P, T, N): travelling waves whose amplitude and speed vary with the simulation.</summary>
    private static Tensor Waves(int p, int t, int n, int seed)
    {
        var random = new Random(seed);
        var data = new float[p * t * n];
        for (int s = 0; s < p; s++)
        {
            double a = 0.5 + random.NextDouble(), c = random.NextDouble();
            for (int k = 0; k < t; k++)
                for (int j = 0; j < n; j++)
                    data[(s * t + k) * n + j] = (float)(a * Math.Sin(2 * Math.PI * (j / (double)n - c * k / (double)Math.Max(t, 1))) + 0.3 * c);
        }
        return tensor(data).reshape(p, t, n);
    }

    [Theory]
    [InlineData(3, 20, 5, LshVaeAxis.Time)]
    [InlineData(2, 1, 7, LshVaeAxis.Time)]
    [InlineData(3, 12, 3, LshVaeAxis.Time)]
    [InlineData(2, 1, 1, LshVaeAxis.Time)]
    [InlineData(3, 9, 16, LshVaeAxis.Space)]
    [InlineData(2, 1, 5, LshVaeAxis.Space)]
    public void Shapes_fit_any_steps_and_values(int b, int t, int n, LshVaeAxis axis)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var vae = new LshVae(Small with { Axis = axis }, t, n);
        Tensor x = randn(b, t, n);
        ((ISimulationNetwork)vae).Prepare(x);
        vae.train();
        using var loss = vae.Loss(x);
        Assert.Empty(loss.Total.shape);
        Assert.True(double.IsFinite(loss.Total.item<float>()));
        loss.Total.backward();
        using var single = vae.Loss(x.narrow(0, 0, 1)); // a last minibatch of one simulation
        Assert.True(double.IsFinite(single.Total.item<float>()));
        vae.eval();
        Tensor codes = vae.Encode(x);
        Assert.Equal(new long[] { b, Small.CodeSize }, codes.shape);
        Assert.Equal(4 + 3 * 2, vae.CodeSize);
        Assert.Equal(new long[] { b, t, n }, vae.Decode(codes).shape);
    }

    [Fact]
    public void Encode_is_deterministic_and_decode_needs_only_the_code()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        using var vae = new LshVae(Small, 10, 6);
        Tensor x = Waves(5, 10, 6, seed: 2);
        ((ISimulationNetwork)vae).Prepare(x);
        vae.train();
        for (int i = 0; i < 3; i++) vae.Loss(x).Dispose(); // moves the batch-norm statistics and the singular vectors
        vae.eval();
        Tensor codes = vae.Encode(x);
        Assert.True(Same(codes, vae.Encode(x)));
        Tensor decoded = vae.Decode(codes);
        Assert.True(Same(decoded, vae.Decode(codes)));
        // Row by row gives the same simulations: nothing but a row's code enters its decoding.
        for (int r = 0; r < 5; r++)
            Assert.True(vae.Decode(codes.narrow(0, r, 1)).allclose(decoded.narrow(0, r, 1), rtol: 1e-5, atol: 1e-6), $"row {r}");
        // A code that no simulation produced decodes too (as an interpolated one must).
        Assert.Equal(decoded.shape, vae.Decode(0.5 * (codes + codes.flip(0))).shape);
    }

    [Fact]
    public void The_residual_kl_equals_the_closed_form_gaussian_kl()
    {
        Gen.Int[0, 100_000].Sample(seed =>
        {
            using var scope = NewDisposeScope();
            manual_seed(seed);
            Tensor priorMu = 2 * randn(3, 5, dtype: float64), priorLogVar = 3 * randn(3, 5, dtype: float64);
            Tensor deltaMu = 2 * randn(3, 5, dtype: float64), deltaLogVar = 3 * randn(3, 5, dtype: float64);
            Tensor mu = priorMu + deltaMu, logVar = priorLogVar + deltaLogVar;
            // KL(N(mu, s^2) || N(mu_p, s_p^2)) = log(s_p / s) + (s^2 + (mu - mu_p)^2) / (2 s_p^2) - 1/2, per dimension.
            Tensor closed = (0.5 * (priorLogVar - logVar) + (logVar.exp() + (mu - priorMu).square()) / (2 * priorLogVar.exp()) - 0.5).sum(1);
            Tensor residual = LshVaeKl.ResidualNormal(deltaMu, deltaLogVar, priorLogVar);
            Assert.True(residual.allclose(closed, rtol: 1e-10, atol: 1e-10), $"seed {seed}");
            Tensor standard = LshVaeKl.StandardNormal(mu, logVar);
            Tensor closedStandard = (-0.5 * logVar + (logVar.exp() + mu.square()) / 2 - 0.5).sum(1);
            Assert.True(standard.allclose(closedStandard, rtol: 1e-10, atol: 1e-10), $"seed {seed}");
        });
    }

    [Fact]
    public void Beta_holds_the_floor_until_30_percent_and_reaches_the_target_at_80_percent()
    {
        var annealing = new BetaAnnealing(Target: 1e-6, InitialFraction: 1e-4);
        Assert.Equal(annealing, new LshVaeConfig().Annealing);
        const double low = 1e-10;
        Assert.Equal(low, annealing.At(0, 100), 1e-20);
        Assert.Equal(low, annealing.At(30, 100), 1e-20);
        Assert.Equal(low + (1e-6 - low) * 0.02, annealing.At(31, 100), 1e-18);
        Assert.Equal(low + (1e-6 - low) * 0.5, annealing.At(55, 100), 1e-18);
        Assert.Equal(1e-6, annealing.At(80, 100), 1e-20);
        Assert.Equal(1e-6, annealing.At(99, 100), 1e-20);

        using var vae = new LshVae(Small, 4, 3);
        var network = (ISimulationNetwork)vae;
        network.BeginEpoch(55, 100);
        var saved = new Dictionary<string, double>(network.Schedule);
        Assert.Equal(annealing.At(55, 100), saved["beta"], 1e-18);
        network.BeginEpoch(0, 100);
        Assert.Equal(low, vae.Beta, 1e-20);
        network.RestoreSchedule(saved);
        Assert.Equal(saved["beta"], vae.Beta);
        Assert.Equal(saved, network.Schedule);
    }

    [Fact]
    public void The_loss_falls_on_a_tiny_data_set()
    {
        using var scope = NewDisposeScope();
        var (vae, x) = Prepared(Small with { Augmentation = LshVaeAugmentation.Off }, 8, 16, 8, seed: 3);
        using var _ = vae;
        double Mse()
        {
            vae.eval();
            using var loss = vae.Loss(x);
            vae.train();
            return loss.Parts["mse"];
        }
        // The bar: the MSE of predicting every node's mean over the data set, in the same scaled units.
        var scaling = new LshVaeNodeScaling(8, Small.ScaledRange);
        scaling.Fit(x);
        Tensor scaled = scaling.Scale(x);
        double meanPredictor = (scaled - scaled.mean([0, 1], keepdim: true)).square().mean().item<float>();
        double before = Mse();
        using var optimiser = new DeepRom.Training.Optimisers.Adam(vae.parameters(), Small.LearningRate);
        for (int step = 0; step < 150; step++)
        {
            using var stepScope = NewDisposeScope();
            optimiser.zero_grad();
            using var loss = vae.Loss(x);
            loss.Total.backward();
            optimiser.step();
        }
        double after = Mse();
        Assert.True(after < 0.1 * meanPredictor && after < 0.05 * before,
            $"MSE {before:g3} before, {after:g3} after 150 Adam steps; predicting node means gives {meanPredictor:g3}");
    }

    [Fact]
    public void Eval_mode_has_no_augmentation_and_no_sampling()
    {
        using var scope = NewDisposeScope();
        var (vae, x) = Prepared(Small, 4, 8, 5, seed: 4);
        using var _ = vae;
        vae.eval();
        using var first = vae.Loss(x);
        using var second = vae.Loss(x);
        Assert.Equal(first.Parts["mse"], second.Parts["mse"]);
        // The eval loss is the reconstruction error of Decode(Encode(x)) in the min-max scaled units.
        Tensor back = vae.Decode(vae.Encode(x));
        var scaling = new LshVaeNodeScaling(5, 0.7);
        scaling.Fit(x);
        double mse = (scaling.Scale(back) - scaling.Scale(x)).square().mean().item<float>();
        Assert.Equal(mse, first.Parts["mse"], 1e-5 * mse + 1e-7);
        vae.train();
        using var trained = vae.Loss(x);
        Assert.NotEqual(first.Parts["mse"], trained.Parts["mse"]);
    }

    [Fact]
    public void The_relative_error_term_is_each_simulations_squared_relative_error_in_physical_units()
    {
        using var scope = NewDisposeScope();
        var (vae, x) = Prepared(Small with { Reconstruction = LshVaeReconstruction.RelativeError }, 4, 8, 5, seed: 4);
        using var _ = vae;
        vae.eval();
        using var loss = vae.Loss(x);

        Tensor back = vae.Decode(vae.Encode(x));
        double expected = ((back - x).square().sum([1, 2]) / x.square().sum([1, 2])).mean().item<float>();
        Assert.Equal(expected, loss.Parts["mse"], 1e-5 * expected);
        // Not the scaled MSE the default measures.
        using var faithful = new LshVae(Small, 8, 5);
        Assert.Equal(LshVaeReconstruction.ScaledMse, faithful.Config.Reconstruction);
    }

    [Fact]
    public void Augmentation_changes_training_data_only_as_configured()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        Tensor x = 0.5 * randn(60, 10, 3).clamp(-1, 1);
        var (input, target) = LshVaeAugmentation.Off.Apply(x);
        Assert.True(Same(input, x) && Same(target, x));
        var always = new LshVaeAugmentation(NoiseProbability: 1, ScaleProbability: 1, MixupProbability: 1);
        (input, target) = always.Apply(x);
        Assert.False(Same(target, x));
        double noise = (input - target).std().item<float>();
        Assert.InRange(noise, 0.04, 0.06);
        // Mixed and scaled simulations stay within 1.1 times the batch's extremes.
        Assert.True(target.abs().max().item<float>() <= 1.1 * x.abs().max().item<float>() + 1e-6);
        var mixOnly = new LshVaeAugmentation(NoiseProbability: 0, ScaleProbability: 0, MixupProbability: 1);
        (input, target) = mixOnly.Apply(x);
        Assert.True(Same(input, target));
    }

    [Fact]
    public void Scaling_and_weights_come_back_from_a_state_dict()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var vae = new LshVae(Small, 6, 4);
        Tensor x = 10 + 3 * Waves(4, 6, 4, seed: 6);
        ((ISimulationNetwork)vae).Prepare(x);
        vae.train();
        vae.Loss(x).Dispose();
        vae.eval();
        Tensor codes = vae.Encode(x);
        manual_seed(7);
        using var copy = new LshVae(Small, 6, 4);
        copy.load_state_dict(vae.state_dict());
        copy.eval();
        Assert.True(Same(copy.Encode(x), codes));
        Assert.True(Same(copy.Decode(codes), vae.Decode(codes)));
        Assert.Contains(vae.state_dict().Keys, k => k.EndsWith("low", StringComparison.Ordinal));
        // Decoded simulations come back in the data's units, not the scaled ones.
        Assert.InRange(vae.Decode(codes).mean().item<float>(), 5, 15);
    }

    [Fact]
    public void Float32_gradients_match_a_float64_copy()
    {
        // libtorch's float64 convolutions do not go through oneDNN, whose kernels were wrong for few channels on one
        // processor (see ChannelsLast); this checks the Conv1d and ConvTranspose1d paths the LSH-VAE uses.
        using var scope = NewDisposeScope();
        var config = Small with { Widths = [4, 3, 2], Augmentation = LshVaeAugmentation.Off };
        manual_seed(8);
        using var single = new LshVae(config, 11, 3);
        manual_seed(8);
        using var reference = new LshVae(config, 11, 3);
        reference.to(float64);
        single.eval();
        reference.eval();
        Tensor x = Waves(4, 11, 3, seed: 8);
        single.Loss(x).Total.backward();
        reference.Loss(x.to(float64)).Total.backward();
        var expected = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad);
        int compared = 0;
        foreach (var (name, parameter) in single.named_parameters())
        {
            if (parameter.grad is null || expected[name] is not { } want) continue;
            double scale = want.abs().max().item<double>();
            double error = (parameter.grad.to(float64) - want).abs().max().item<double>();
            Assert.True(error <= 1e-3 * scale + 1e-6, $"{name}: float32 gradient differs from the float64 copy by {error:g3} (largest {scale:g3})");
            compared++;
        }
        Assert.True(compared > 20);
    }

    [Theory]
    [InlineData(501, 1, 501)]
    [InlineData(501, 2, 251)]
    [InlineData(501, 4, 126)]
    [InlineData(10, 2, 6)]
    [InlineData(10, 3, 4)]
    [InlineData(2, 4, 2)]
    [InlineData(1, 2, 1)]
    public void A_time_stride_keeps_the_first_and_last_step_and_rounds_the_intervals_up(int steps, int stride, int seen) =>
        Assert.Equal(seen, (Small with { TimeStride = stride }).NetworkSteps(steps));

    [Theory]
    [InlineData(LshVaeAxis.Time)]
    [InlineData(LshVaeAxis.Space)]
    public void With_time_stride_2_the_network_sees_every_second_step_and_the_steps_between_are_the_means_of_their_neighbours(LshVaeAxis axis)
    {
        using var scope = NewDisposeScope();
        var (vae, x) = Prepared(Small with { TimeStride = 2, Axis = axis }, p: 4, t: 11, n: 5, seed: 6);
        using (vae)
        {
            Assert.Equal(6, vae.NetworkSteps);
            vae.train();
            using (var loss = vae.Loss(x)) loss.Total.backward(); // the loss is taken on all 11 steps
            vae.eval();
            Tensor y = vae.Decode(vae.Encode(x));
            Assert.Equal(new long[] { 4, 11, 5 }, y.shape);
            Tensor odd = y.index_select(1, tensor(new long[] { 1, 3, 5, 7, 9 }));
            Tensor even = y.index_select(1, tensor(new long[] { 0, 2, 4, 6, 8, 10 }));
            Tensor means = 0.5 * (even.narrow(1, 0, 5) + even.narrow(1, 1, 5));
            Assert.True(odd.allclose(means, rtol: 1e-5, atol: 1e-6), "odd steps are not the means of their neighbours");
            // Not a constant output in time: the interpolation has something to interpolate.
            Assert.True((even.narrow(1, 0, 5) - even.narrow(1, 1, 5)).abs().max().item<float>() > 1e-4);
        }
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new LshVae(Small with { Widths = [] }, 4, 3));
        Assert.Throws<ArgumentException>(() => new LshVae(Small with { KernelSize = 2 }, 4, 3));
        Assert.Throws<ArgumentException>(() => new LshVae(Small with { Annealing = new BetaAnnealing(RampStart: 0.9, RampEnd: 0.8) }, 4, 3));
        Assert.Throws<ArgumentException>(() => new LshVae(Small with { Augmentation = new LshVaeAugmentation(MixupProbability: 2) }, 4, 3));
        Assert.Throws<ArgumentException>(() => new LshVae(Small, 0, 3));
        Assert.Throws<ArgumentException>(() => new LshVae(Small with { TimeStride = 0 }, 4, 3));
        using var vae = new LshVae(Small, 4, 3);
        Assert.Throws<ArgumentException>(() => vae.Encode(zeros(2, 5, 3)));
        Assert.Throws<ArgumentException>(() => vae.Decode(zeros(2, vae.CodeSize + 1)));
    }
}
