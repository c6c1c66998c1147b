using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models;

public class DenseVaeTests
{
    private static long ParameterCount(nn.Module m) => m.parameters().Sum(p => p.numel());

    [Fact]
    public void Reference_defaults_have_exactly_7996642_parameters()
    {
        using var vae = new DenseVae(new DenseVaeConfig(), new StandardNormalPrior(2));
        Assert.Equal(7_996_642L, ParameterCount(vae));
    }

    [Theory]
    [InlineData(1, 16, 16, 2)]
    [InlineData(3, 65, 65, 2)]
    [InlineData(2, 64, 64, 3)]
    [InlineData(3, 33, 48, 4)]
    [InlineData(1, 17, 31, 1)]
    public void Decoder_reproduces_any_grid_and_channel_count(int channels, int height, int width, int latents)
    {
        using var scope = NewDisposeScope();
        var config = new DenseVaeConfig { Channels = channels, Height = height, Width = width, Latents = latents, HiddenWidth = 32 };
        using var vae = new DenseVae(config, new StandardNormalPrior(latents));
        var y = randn(2, channels, height, width);
        var (mu, logVar) = vae.Encode(y);
        Assert.Equal(new long[] { 2, latents }, mu.shape);
        Assert.Equal(new long[] { 2, latents }, logVar.shape);
        Assert.Equal(y.shape, vae.Decode(mu).shape);
    }

    [Fact]
    public void Grid_below_16_is_rejected_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => new DenseVaeConfig { Height = 15 }.Validate());
        Assert.Contains("16", e.Message);
    }

    [Theory]
    [InlineData(PriorKind.Standard)]
    [InlineData(PriorKind.Scaled)]
    [InlineData(PriorKind.Hierarchical)]
    public void Loss_is_finite_and_backpropagates_for_every_prior(PriorKind kind)
    {
        using var scope = NewDisposeScope();
        var config = new DenseVaeConfig { Height = 32, Width = 32, HiddenWidth = 16 };
        using var vae = new DenseVae(config, LatentPrior.Create(kind, 2));
        var y = randn(4, 3, 32, 32);
        using var loss = vae.Loss(y, beta: 0.5, regularise: true, LossNormalisation.PerPixelMean,
            labels: randn(2, 2), labelled: tensor(new long[] { 0, 3 }));
        loss.Total.backward();
        Assert.True(double.IsFinite(loss.Total.item<float>()));
        Assert.True(double.IsFinite(loss.Regularisation));
        Assert.True(double.IsFinite(loss.Supervision));
        Assert.All(vae.parameters(), p => Assert.NotNull(p.grad));
    }
}

public class VaeLossTests
{
    [Fact]
    public void Elbo_normalisation_weighs_the_kl_by_latents_over_pixels()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        var config = new DenseVaeConfig { Height = 32, Width = 32, HiddenWidth = 8 };
        using var vae = new DenseVae(config, new StandardNormalPrior(2));
        vae.eval();
        var y = randn(3, 3, 32, 32);
        manual_seed(1);
        var perPixel = vae.Loss(y, beta: 0.7, regularise: true, LossNormalisation.PerPixelMean);
        manual_seed(1);
        var elbo = vae.Loss(y, beta: 0.7, regularise: true, LossNormalisation.Elbo);
        Assert.Equal(perPixel.Reconstruction, elbo.Reconstruction, 3);
        double klPerPixel = perPixel.Total.item<float>() - perPixel.Reconstruction;
        double klElbo = elbo.Total.item<float>() - elbo.Reconstruction;
        Assert.Equal(0.7 * perPixel.Regularisation, klPerPixel, 3);
        // The KL part is read off a float32 total of order 1, so it carries that total's rounding (a few 1e-7).
        double rounding = 4 * 1.2e-7 * Math.Max(1.0, Math.Abs(elbo.Total.item<float>()));
        Assert.Equal(klPerPixel * 2.0 / (32 * 32), klElbo, rounding);
    }

    [Fact]
    public void Semi_supervised_term_is_minus_log_posterior_density_of_the_labels()
    {
        using var scope = NewDisposeScope();
        var config = new DenseVaeConfig { Height = 16, Width = 16, HiddenWidth = 8 };
        using var vae = new DenseVae(config, new StandardNormalPrior(2));
        vae.eval();
        var y = randn(4, 3, 16, 16);
        var theta = tensor(new float[] { 0.5f, -1f, 2f, 0.1f }).reshape(2, 2);
        var rows = tensor(new long[] { 1, 3 });
        var loss = vae.Loss(y, 1.0, regularise: false, LossNormalisation.PerPixelMean, theta, rows);
        var (mu, logVar) = vae.Encode(y);
        var m = mu.index_select(0, rows);
        var lv = logVar.index_select(0, rows);
        var logDensity = -0.5 * ((theta - m).square() / lv.exp() + lv + Math.Log(2 * Math.PI)).sum(1);
        // Tolerances, not rounded decimal places: two float32 results that differ by one rounding can straddle a rounding boundary.
        Assert.Equal(-logDensity.mean().item<float>(), loss.Supervision, 1e-5 * Math.Max(1.0, Math.Abs(loss.Supervision)));
        Assert.Equal(loss.Reconstruction + loss.Supervision, loss.Total.item<float>(), 1e-5 * Math.Max(1.0, Math.Abs(loss.Total.item<float>())));
    }

    [Fact]
    public void Calibrated_variance_is_the_minibatch_mean_squared_residual()
    {
        using var scope = NewDisposeScope();
        var config = new DenseVaeConfig { Height = 16, Width = 16, HiddenWidth = 8, OutputVariance = OutputVariance.Calibrated };
        using var vae = new DenseVae(config, new StandardNormalPrior(2));
        vae.train();
        var y = randn(8, 3, 16, 16) * 0.1;
        var loss = vae.Loss(y, 1.0, regularise: false, LossNormalisation.PerPixelMean);
        // NLL per pixel at the ML variance s2 (per pixel, over samples and channels): sum_c 0.5 (log 2 pi s2 + 1), averaged.
        double expected = (3 * 0.5 * (vae.OutputLogVariance + 1 + Math.Log(2 * Math.PI))).mean().item<float>();
        Assert.Equal(expected, loss.Reconstruction, 3);
    }

    [Fact]
    public void Per_channel_calibration_gives_each_channel_its_own_variance()
    {
        using var scope = NewDisposeScope();
        var config = new DenseVaeConfig { Height = 16, Width = 16, HiddenWidth = 8, OutputVariance = OutputVariance.CalibratedPerChannel };
        using var vae = new DenseVae(config, new StandardNormalPrior(2));
        vae.train();
        // Channels 100x apart in scale (both well above the untrained decoder's output, about 0.2): the shared variance
        // would follow the loud ones, per channel each has its own.
        var y = randn(8, 3, 16, 16) * tensor(new float[] { 1f, 100f, 100f }).reshape(1, 3, 1, 1);
        var loss = vae.Loss(y, 1.0, regularise: false, LossNormalisation.PerPixelMean);
        Assert.Equal(new long[] { 3, 16, 16 }, vae.OutputLogVariance.shape);
        double quiet = vae.OutputLogVariance[0].mean().item<float>(), loud = vae.OutputLogVariance[1].mean().item<float>();
        Assert.True(loud - quiet > 2 * Math.Log(10), $"log-variances {quiet} (quiet channel) and {loud} (loud channel)");
        double expected = (0.5 * (vae.OutputLogVariance + 1 + Math.Log(2 * Math.PI))).sum(dim: 0).mean().item<float>();
        Assert.Equal(expected, loss.Reconstruction, 3);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.2)]
    public void Variance_floor_keeps_near_constant_pixels_from_outweighing_the_rest(double floor)
    {
        using var scope = NewDisposeScope();
        // A localised field's residual variance: large under the moving structure, almost nothing elsewhere.
        var variance = full(16, 16, 1e-9f);
        variance[..4, ..4] = full(4, 4, 1.0f);
        double mean = variance.mean().item<float>();
        Assert.Equal(1e-9, DenseVae.Floored(variance, 0.0).min().item<float>(), 1e-12);
        var floored = DenseVae.Floored(variance, floor);
        Assert.Equal(floor * mean, floored.min().item<float>(), 1e-6 * mean);
        Assert.Equal(1.0, floored.max().item<float>(), 1e-6);
        // Per channel: each channel is floored against its own mean.
        var perChannel = stack(new[] { variance, 100 * variance });
        var both = DenseVae.Floored(perChannel, floor);
        Assert.Equal(floor * mean, both[0].min().item<float>(), 1e-6 * mean);
        Assert.Equal(100 * floor * mean, both[1].min().item<float>(), 1e-4 * mean);
    }

    [Fact]
    public void Calibrated_variance_in_training_respects_the_floor()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var config = new DenseVaeConfig { Channels = 1, Height = 16, Width = 16, HiddenWidth = 8, OutputVariance = OutputVariance.Calibrated, OutputVarianceFloor = 0.05 };
        using var vae = new DenseVae(config, new StandardNormalPrior(2));
        vae.train();
        var y = zeros(8, 1, 16, 16);
        y[.., .., ..4, ..4] = randn(8, 1, 4, 4);
        vae.Loss(y, 1.0, regularise: false, LossNormalisation.PerPixelMean).Dispose();
        var stored = vae.OutputLogVariance.exp();
        // The floor is relative to the mean before flooring, which flooring can only raise by a factor up to 1 + floor.
        Assert.True(stored.min().item<float>() >= 0.05 / 1.05 * stored.mean().item<float>() * (1 - 1e-5));
    }
}
