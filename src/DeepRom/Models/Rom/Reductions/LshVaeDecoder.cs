using DeepRom.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// The LSH-VAE's top-down path: the main latent expanded to the deepest level's features, then from the deepest level
/// to the finest a <see cref="ResidualCell"/>, the level's latent group added in, and a (transposed, strided)
/// <see cref="SwishConvBlock"/> up to the next level; a Conv1d k1 -> BatchNorm -> tanh head gives (B, channels, length).
/// </summary>
/// <remarks>
/// One pass serves three uses: training (posterior groups sampled, KLs summed), encoding (posterior means taken) and
/// decoding from a code (group values given, so no encoder features are needed).
/// </remarks>
public sealed class LshVaeDecoder : nn.Module
{
    private readonly LshVaeExpansion start;
    private readonly ModuleList<ResidualCell> cells = new();
    private readonly ModuleList<LshVaeGroup> groups = new();
    private readonly ModuleList<SwishConvBlock> ups = new();
    private readonly SpectralNorm head;
    private readonly BatchNorm1d headNorm;
    private readonly long groupSize;
    private readonly double posteriorOffset;

    public LshVaeDecoder(LshVaeConfig config, long channels, long length) : base(nameof(LshVaeDecoder))
    {
        int[] w = config.Widths;
        long[] lengths = config.Lengths(length);
        long k = config.KernelSize;
        int deepest = config.Levels - 1;
        groupSize = config.GroupSize;
        posteriorOffset = config.PosteriorLogVarOffset;
        start = new LshVaeExpansion(config.MainLatent, w[deepest], lengths[deepest]);
        for (int i = 0; i < config.Levels; i++)
        {
            cells.Add(new ResidualCell(w[i], k));
            groups.Add(new LshVaeGroup(w[i], lengths[i], config.GroupSize));
        }
        for (int i = 1; i < config.Levels; i++)
        {
            // Up from level i to level i - 1: a stride-2 transposed convolution gives 2 L_i - 1 + output padding values,
            // and L_{i-1} is 2 L_i - 1 or 2 L_i, so the output padding is 0 or 1.
            SpectralNorm conv = config.Downsample
                ? SpectralNorm.ConvTranspose1d(w[i], w[i - 1], k, stride: 2, padding: k / 2, outputPadding: lengths[i - 1] - (2 * lengths[i] - 1))
                : SpectralNorm.Conv1d(w[i], w[i - 1], k, padding: k / 2);
            ups.Add(new SwishConvBlock(conv, w[i - 1]));
        }
        head = SpectralNorm.Conv1d(w[0], channels, 1);
        headNorm = BatchNorm1d(channels);
        RegisterComponents();
    }

    /// <summary>
    /// The top-down pass from the main latent (B, m). With <paramref name="codes"/> (B, L g), deepest group first, the
    /// groups take those values; otherwise their posteriors are formed from <paramref name="encoded"/> (the encoder's
    /// features, finest first) and sampled when <paramref name="sample"/>, else taken at their means.
    /// </summary>
    public LshVaeTopDown forward(Tensor main, Tensor[]? encoded, Tensor? codes, bool sample)
    {
        if (codes is null && encoded is null) throw new ArgumentException("the top-down pass needs either group codes or encoder features");
        using var scope = NewDisposeScope();
        int levels = cells.Count;
        Tensor d = start.forward(main);
        var means = new List<Tensor>(levels);
        Tensor kl = zeros(main.shape[0], dtype: main.dtype);
        for (int i = levels - 1; i >= 0; i--)
        {
            d = cells[i].forward(d);
            Tensor z;
            if (codes is not null) z = codes.narrow(1, (levels - 1 - i) * groupSize, groupSize);
            else
            {
                var (priorMu, priorLogVar) = groups[i].Prior(d);
                var (deltaMu, deltaLogVar) = groups[i].Residual(encoded![i], d);
                Tensor mu = priorMu.Plus(deltaMu);
                Tensor logVar = LshVaeGroup.SoftClamp(priorLogVar.Plus(deltaLogVar).Plus(posteriorOffset));
                kl = kl.Plus(LshVaeKl.ResidualNormal(deltaMu, logVar - priorLogVar, priorLogVar));
                means.Add(mu);
                z = sample ? mu.Plus(logVar.Times(0.5).exp() * randn_like(mu)) : mu;
            }
            d = groups[i].Inject(d, z);
            if (i > 0) d = ups[i - 1].forward(d);
        }
        Tensor output = SwishConvBlock.Normalise(headNorm, head.forward(d), training).tanh();
        Tensor? groupMeans = means.Count > 0 ? cat(means, 1).MoveToOuterDisposeScope() : null;
        return new LshVaeTopDown(output.MoveToOuterDisposeScope(), groupMeans, kl.MoveToOuterDisposeScope());
    }
}

/// <summary>What a top-down pass gives: the output (B, channels, length) in (-1, 1), the posterior group means (B, L g),
/// deepest first (none when decoding from codes), and the groups' summed KL per sample (B) (zeros when decoding).</summary>
public sealed record LshVaeTopDown(Tensor Output, Tensor? GroupMeans, Tensor Kl) : IDisposable
{
    public void Dispose()
    {
        Output.Dispose();
        GroupMeans?.Dispose();
        Kl.Dispose();
    }
}
