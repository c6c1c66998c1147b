using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Nn;

/// <summary>NVAE's residual cell on (B, C, L): x + 0.1 f(x), f two same-length <see cref="SwishConvBlock"/>s.</summary>
/// <remarks>The 0.1 keeps a deep stack of cells close to the identity at the start, which is what lets NVAE and LSH-VAE train
/// a hundred layers without their gradients vanishing or exploding.</remarks>
public sealed class ResidualCell : Module<Tensor, Tensor>
{
    private const double BranchScale = 0.1;

    private readonly SwishConvBlock first;
    private readonly SwishConvBlock second;

    public ResidualCell(long channels, long kernelSize = 3) : base(nameof(ResidualCell))
    {
        first = SwishConvBlock.Same(channels, channels, kernelSize);
        second = SwishConvBlock.Same(channels, channels, kernelSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return x.Plus(second.forward(first.forward(x)).Times(BranchScale)).MoveToOuterDisposeScope();
    }
}
