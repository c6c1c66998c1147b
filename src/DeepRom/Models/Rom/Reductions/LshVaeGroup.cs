using DeepRom.Nn;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// One level's latent group of the LSH-VAE: its prior N(mu_p, var_p) from the decoder features, the residual
/// (dmu, dlogvar) of its posterior from encoder and decoder features together (NVAE's residual normal), and the
/// projection that adds a group value into the decoder features. Features are (B, C, L), flattened for the heads.
/// </summary>
public sealed class LshVaeGroup : nn.Module
{
    /// <summary>Log-variances are soft-clamped to (-limit, limit) so that exp() stays finite however far a head drifts.</summary>
    private const double LogVarLimit = 10.0;

    private readonly SpectralNorm prior;
    private readonly SpectralNorm combiner;
    private readonly SpectralNorm posterior;
    private readonly LshVaeExpansion expansion;
    private readonly long size;

    public LshVaeGroup(long channels, long length, long size) : base(nameof(LshVaeGroup))
    {
        this.size = size;
        prior = SpectralNorm.Linear(channels * length, 2 * size);
        combiner = SpectralNorm.Conv1d(2 * channels, channels, 1);
        posterior = SpectralNorm.Linear(channels * length, 2 * size);
        expansion = new LshVaeExpansion(size, channels, length);
        RegisterComponents();
    }

    /// <summary>The prior's mean and log-variance (B, g) from decoder features.</summary>
    public (Tensor Mu, Tensor LogVar) Prior(Tensor decoded)
    {
        using var scope = NewDisposeScope();
        var (mu, logVar) = Halves(prior.forward(decoded.flatten(1).Elu()));
        return (mu.MoveToOuterDisposeScope(), logVar.MoveToOuterDisposeScope());
    }

    /// <summary>The posterior's residual (dmu, dlogvar) (B, g) from encoder and decoder features of this level.</summary>
    public (Tensor DeltaMu, Tensor DeltaLogVar) Residual(Tensor encoded, Tensor decoded)
    {
        using var scope = NewDisposeScope();
        Tensor joint = combiner.forward(cat(new[] { encoded, decoded }, 1)).Elu();
        var (mu, logVar) = Halves(posterior.forward(joint.flatten(1)));
        return (mu.MoveToOuterDisposeScope(), logVar.MoveToOuterDisposeScope());
    }

    /// <summary>Decoder features with a group value <paramref name="z"/> (B, g) added in.</summary>
    public Tensor Inject(Tensor decoded, Tensor z)
    {
        using var scope = NewDisposeScope();
        return decoded.Plus(expansion.forward(z)).MoveToOuterDisposeScope();
    }

    /// <summary>Soft clamp c tanh(x / c): the identity near 0, bounded by c.</summary>
    internal static Tensor SoftClamp(Tensor logVar) => logVar.div(HeldScalar.Of(LogVarLimit)).tanh().Times(LogVarLimit);

    private (Tensor Mu, Tensor LogVar) Halves(Tensor both)
    {
        Tensor[] parts = both.split(size, 1);
        return (parts[0], SoftClamp(parts[1]));
    }
}
