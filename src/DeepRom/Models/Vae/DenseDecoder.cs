using TorchSharp;
using TorchSharp.Modules;
using DeepRom.Nn;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Vae;

/// <summary>
/// Dense decoder of the DenseVAE: MLP -> reshape -> dense block -> transition up -> dense block -> transition up
/// -> Conv5x5, mapping a latent code (N, d) to the mean field (N, C, H, W). Biases only in the linear layers, no output activation.
/// </summary>
public sealed class DenseDecoder : Module<Tensor, Tensor>
{
    private readonly Linear hidden;
    private readonly Linear expand;
    private readonly DenseBlock block1;
    private readonly Transition up1;
    private readonly DenseBlock block2;
    private readonly Transition up2;
    private readonly Conv2d head;
    private readonly long[] codeShape;

    public DenseDecoder(DenseVaeConfig config) : base(nameof(DenseDecoder))
    {
        var code = config.CodeResolution;
        var first = config.FirstResolution;
        codeShape = new long[] { -1, config.CodeFeatures, code.H, code.W };
        hidden = Linear(config.Latents, config.Hidden, hasBias: true);
        expand = Linear(config.Hidden, config.FlatFeatures, hasBias: true);
        block1 = new DenseBlock(config.Blocks[1], config.CodeFeatures, config.GrowthRate);
        up1 = Transition.Up(block1.OutFeatures, block1.OutFeatures / 2, block1.OutFeatures / 2, kernel: 3, code, first);
        block2 = new DenseBlock(config.Blocks[2], up1.OutFeatures, config.GrowthRate);
        up2 = Transition.Up(block2.OutFeatures, block2.OutFeatures / 2, config.Channels, kernel: 4, first, (config.Height, config.Width));
        head = Conv2d(config.Channels, config.Channels, kernel_size: 5, padding: 2, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        Tensor h = expand.forward(functional.relu(hidden.forward(z))).view(codeShape);
        h = up2.forward(block2.forward(up1.forward(block1.forward(h))));
        return ChannelsLast.Convolve(head, h).MoveToOuterDisposeScope();
    }
}
