using DeepRom.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// The descendant LSH-VAE's augmentation for few simulations, each part drawn per simulation with its own probability:
/// mixup with a partner from the minibatch, amplitude scaling, Gaussian noise. Applied in the min-max scaled units.
/// </summary>
/// <remarks>
/// Mixup and scaling make new simulations, which are both the input and the reconstruction target. The noise goes into
/// the input only (a denoising target): white noise cannot be reconstructed from a low-dimensional code, so in the
/// target it would only add an irreducible sigma^2 p to the MSE.
/// </remarks>
/// <param name="Enabled">Whether the objective augments at all (it never does in eval mode).</param>
/// <param name="NoiseSigma">Standard deviation of the Gaussian noise, in scaled units.</param>
/// <param name="NoiseProbability">Probability that a simulation gets noise.</param>
/// <param name="ScaleLow">Lower end of the uniform amplitude factor.</param>
/// <param name="ScaleHigh">Upper end of the uniform amplitude factor.</param>
/// <param name="ScaleProbability">Probability that a simulation is scaled.</param>
/// <param name="MixupConcentration">Both parameters a of the mixing weight's Beta(a, a) law.</param>
/// <param name="MixupClip">The mixing weight is clipped to [clip, 1 - clip].</param>
/// <param name="MixupProbability">Probability that a simulation is mixed with a random partner.</param>
public sealed record LshVaeAugmentation(
    bool Enabled = true,
    double NoiseSigma = 0.05, double NoiseProbability = 0.5,
    double ScaleLow = 0.9, double ScaleHigh = 1.1, double ScaleProbability = 0.5,
    double MixupConcentration = 0.2, double MixupClip = 0.1, double MixupProbability = 0.5)
{
    /// <summary>No augmentation.</summary>
    public static LshVaeAugmentation Off { get; } = new(Enabled: false);

    /// <summary>The augmented input and its reconstruction target, both (B, T, N), from scaled simulations (B, T, N).</summary>
    public (Tensor Input, Tensor Target) Apply(Tensor scaled)
    {
        if (!Enabled) return (scaled.alias(), scaled.alias());
        using var scope = NewDisposeScope();
        long b = scaled.shape[0];
        Tensor target = scaled;
        if (MixupProbability > 0 && b > 1)
        {
            Tensor weight = MixingWeights(b).to(scaled.dtype).view(b, 1, 1);
            Tensor partner = scaled.index_select(0, randperm(b));
            Tensor mixed = (weight * scaled).Plus(weight.neg().Plus(1) * partner);
            target = where(Chosen(b, MixupProbability), mixed, target);
        }
        if (ScaleProbability > 0)
        {
            Tensor factor = empty(b, 1, 1, dtype: scaled.dtype).uniform_(ScaleLow, ScaleHigh);
            target = target * where(Chosen(b, ScaleProbability), factor, ones_like(factor));
        }
        Tensor input = target;
        if (NoiseProbability > 0 && NoiseSigma > 0)
            input = target.Plus(where(Chosen(b, NoiseProbability), randn_like(target).Times(NoiseSigma), zeros_like(target)));
        return (input.MoveToOuterDisposeScope(), target.MoveToOuterDisposeScope());
    }

    /// <summary>Per-simulation Bernoulli(<paramref name="probability"/>) choices, shaped (B, 1, 1) for broadcasting.</summary>
    private static Tensor Chosen(long b, double probability) => rand(b, 1, 1).lt(HeldScalar.Of(probability));

    /// <summary>lambda ~ Beta(a, a) as G1 / (G1 + G2) with Gi ~ Gamma(a), clipped; float64 since Gamma(0.2) draws underflow float32.</summary>
    private Tensor MixingWeights(long b)
    {
        using var scope = NewDisposeScope();
        Tensor shape = full(b, HeldScalar.Of(MixupConcentration), dtype: float64);
        Tensor g1 = _standard_gamma(shape), g2 = _standard_gamma(shape);
        Tensor sum = g1.Plus(g2);
        Tensor lambda = where(sum.gt(HeldScalar.Of(0)), g1 / sum.clamp_min(HeldScalar.Of(double.Epsilon)), full_like(sum, HeldScalar.Of(0.5)));
        return lambda.clamp(HeldScalar.Of(MixupClip), HeldScalar.Of(1 - MixupClip)).MoveToOuterDisposeScope();
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        foreach (var (name, p) in new[] { ("noise", NoiseProbability), ("scaling", ScaleProbability), ("mixup", MixupProbability) })
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"the {name} probability must be in [0, 1], got {p}");
        if (!(NoiseSigma >= 0) || !double.IsFinite(NoiseSigma)) throw new ArgumentException($"the noise sigma must be >= 0, got {NoiseSigma}");
        if (!(ScaleLow > 0 && ScaleLow <= ScaleHigh) || !double.IsFinite(ScaleHigh))
            throw new ArgumentException($"the amplitude factors need 0 < low <= high, got [{ScaleLow}, {ScaleHigh}]");
        if (!(MixupConcentration > 0) || !double.IsFinite(MixupConcentration)) throw new ArgumentException($"the mixup concentration must be positive, got {MixupConcentration}");
        if (!(MixupClip >= 0 && MixupClip <= 0.5)) throw new ArgumentException($"the mixup clip must be in [0, 0.5], got {MixupClip}");
    }
}
