using TorchSharp;
using TorchSharp.Modules;
using DeepRom.Nn;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Vae;

/// <summary>
/// Convolutional dense encoder of the DenseVAE: Conv7x7/2 -> dense block -> transition down -> flatten -> MLP,
/// mapping a field (N, C, H, W) to <c>outputs</c> numbers per sample.
/// </summary>
public sealed class DenseEncoder : Module<Tensor, Tensor>
{
    private readonly Conv2d stem;
    private readonly DenseBlock block;
    private readonly Transition down;
    private readonly Linear hidden;
    private readonly Linear output;

    public DenseEncoder(DenseVaeConfig config, int outputs) : base(nameof(DenseEncoder))
    {
        stem = Conv2d(config.Channels, config.InitFeatures, kernel_size: 7, stride: 2, padding: 2, bias: false);
        block = new DenseBlock(config.Blocks[0], config.InitFeatures, config.GrowthRate);
        down = Transition.Down(block.OutFeatures, config.CodeFeatures);
        hidden = Linear(config.FlatFeatures, config.Hidden, hasBias: true);
        output = Linear(config.Hidden, outputs, hasBias: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor h = down.forward(block.forward(ChannelsLast.Convolve(stem, x))).flatten(1);
        return output.forward(functional.relu(hidden.forward(h))).MoveToOuterDisposeScope();
    }
}
