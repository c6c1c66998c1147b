using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Nn;

/// <summary>A stack of <see cref="DenseLayer"/>s; output features = input features + layers x growth rate.</summary>
public sealed class DenseBlock : Module<Tensor, Tensor>
{
    private readonly ModuleList<DenseLayer> layers;

    public DenseBlock(int layerCount, int inFeatures, int growthRate) : base(nameof(DenseBlock))
    {
        layers = new ModuleList<DenseLayer>();
        for (int l = 0; l < layerCount; l++) layers.Add(new DenseLayer(inFeatures + l * growthRate, growthRate));
        OutFeatures = inFeatures + layerCount * growthRate;
        RegisterComponents();
    }

    /// <summary>Number of feature maps this block outputs.</summary>
    public int OutFeatures { get; }

    public override Tensor forward(Tensor x)
    {
        Tensor h = x;
        foreach (var layer in layers)
        {
            Tensor next = layer.forward(h);
            if (!ReferenceEquals(h, x)) h.Dispose();
            h = next;
        }
        return h;
    }
}
