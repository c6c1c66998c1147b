namespace DeepRom.Models.Rom.Reductions;

/// <summary>
/// The LSH-VAE's KL weight over a run: beta = <see cref="Floor"/> x <see cref="Target"/> until <see cref="RampStart"/> of the
/// epochs, then linear up to <see cref="Target"/> at <see cref="RampEnd"/>, constant after (the descendant code's 30 % / 80 %).
/// </summary>
/// <param name="Target">Final KL weight. The notes give alpha / beta_target ~ 1e6 with the MSE a mean over elements and the
/// KL a sum over latent dimensions; with alpha = 1 that is 1e-6.</param>
/// <param name="Floor">Fraction of the target held during the first phase (1e-4 in the notes).</param>
/// <param name="RampStart">Fraction of the epochs at which the ramp starts.</param>
/// <param name="RampEnd">Fraction of the epochs at which the target is reached.</param>
public sealed record LshVaeAnnealing(double Target = 1e-6, double Floor = 1e-4, double RampStart = 0.3, double RampEnd = 0.8)
{
    /// <summary>Beta in <paramref name="epoch"/> (zero-based) of a run of <paramref name="epochs"/>, from the fraction epoch / epochs.</summary>
    public double At(int epoch, int epochs)
    {
        double progress = epoch / (double)Math.Max(1, epochs);
        double low = Floor * Target;
        if (progress <= RampStart) return low;
        if (progress >= RampEnd) return Target;
        return low + (Target - low) * (progress - RampStart) / (RampEnd - RampStart);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (!(Target > 0) || !double.IsFinite(Target)) throw new ArgumentException($"the KL weight target must be positive and finite, got {Target}");
        if (!(Floor >= 0 && Floor <= 1)) throw new ArgumentException($"the KL weight floor must be in [0, 1], got {Floor}");
        if (!(RampStart >= 0 && RampStart < RampEnd && RampEnd <= 1))
            throw new ArgumentException($"the KL ramp needs 0 <= start < end <= 1, got {RampStart} and {RampEnd}");
    }
}
