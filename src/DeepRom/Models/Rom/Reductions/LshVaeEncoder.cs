using DeepRom.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// The LSH-VAE's bottom-up path on (B, channels, length): a spectrally normalised stem, then per level a (strided)
/// <see cref="SwishConvBlock"/> and a <see cref="ResidualCell"/>. Returns every level's features, finest first; they feed
/// the posteriors of the groups and, the deepest, the main latent.
/// </summary>
public sealed class LshVaeEncoder : Module<Tensor, Tensor[]>
{
    private readonly SpectralNorm stem;
    private readonly ModuleList<SwishConvBlock> downs = new();
    private readonly ModuleList<ResidualCell> cells = new();

    public LshVaeEncoder(LshVaeConfig config, long channels) : base(nameof(LshVaeEncoder))
    {
        int[] w = config.Widths;
        long k = config.KernelSize;
        stem = SpectralNorm.Conv1d(channels, w[0], k, padding: k / 2);
        for (int i = 1; i < config.Levels; i++)
            downs.Add(new SwishConvBlock(SpectralNorm.Conv1d(w[i - 1], w[i], k, stride: config.Downsample ? 2 : 1, padding: k / 2), w[i]));
        for (int i = 0; i < config.Levels; i++) cells.Add(new ResidualCell(w[i], k));
        RegisterComponents();
    }

    public override Tensor[] forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var features = new Tensor[cells.Count];
        Tensor h = stem.forward(x);
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) h = downs[i - 1].forward(h);
            h = features[i] = cells[i].forward(h);
        }
        foreach (Tensor f in features) f.MoveToOuterDisposeScope();
        return features;
    }
}
