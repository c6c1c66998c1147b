using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Nn;

/// <summary>Dense-net layer: BN -> ReLU -> Conv3x3 (no bias) producing growth-rate features, concatenated to its input.</summary>
public sealed class DenseLayer : Module<Tensor, Tensor>
{
    private readonly BatchNorm2d norm;
    private readonly Conv2d conv;

    public DenseLayer(int inFeatures, int growthRate) : base(nameof(DenseLayer))
    {
        norm = BatchNorm2d(inFeatures);
        conv = Conv2d(inFeatures, growthRate, kernel_size: 3, stride: 1, padding: 1, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor y = ChannelsLast.Convolve(conv, functional.relu(norm.forward(x)));
        return cat(new[] { x, y }, 1).MoveToOuterDisposeScope();
    }
}
