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
