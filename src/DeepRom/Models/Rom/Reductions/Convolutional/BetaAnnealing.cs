namespace DeepRom.Models.Rom.Reductions.Convolutional;

/// <summary>
/// The KL weight of a VAE reduction over training, as reported for the LSH-VAE (second-hand): a small fraction of the
/// target until <see cref="RampStart"/> of the epochs, then linear up to the target at <see cref="RampEnd"/>, then the
/// target. Defined by fractions of the run, so it stretches with the number of epochs.
/// </summary>
/// <param name="Target">The final beta, weighing the KL per simulation against the squared error summed over the simulation.</param>
/// <param name="InitialFraction">beta / target before the ramp (not zero, so the posterior variance never runs away).</param>
/// <param name="RampStart">Fraction of the epochs at which the ramp starts.</param>
/// <param name="RampEnd">Fraction of the epochs at which beta reaches the target.</param>
public sealed record BetaAnnealing(double Target = 1.0, double InitialFraction = 1e-4, double RampStart = 0.3, double RampEnd = 0.8)
{
    /// <summary>Beta during epoch <paramref name="epoch"/> (zero-based) of <paramref name="epochs"/>.</summary>
    public double At(int epoch, int epochs)
    {
        double start = RampStart * epochs, end = RampEnd * epochs, floor = InitialFraction * Target;
        if (epoch < start) return floor;
        if (epoch >= end) return Target;
        return floor + (Target - floor) * (epoch - start) / (end - start);
    }

    /// <summary>Throws <see cref="ArgumentException"/> for settings that cannot work.</summary>
    public void Validate()
    {
        if (!(Target >= 0) || !double.IsFinite(Target)) throw new ArgumentException($"the target beta must be finite and >= 0, got {Target}");
        if (!(InitialFraction >= 0 && InitialFraction <= 1)) throw new ArgumentException($"the initial fraction of beta must be in [0, 1], got {InitialFraction}");
        if (!(RampStart >= 0 && RampStart <= RampEnd && RampEnd <= 1))
            throw new ArgumentException($"the beta ramp must satisfy 0 <= start <= end <= 1, got {RampStart} and {RampEnd}");
    }
}
