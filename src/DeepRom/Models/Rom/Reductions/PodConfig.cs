namespace DeepRom.Models.Rom.Reductions;

/// <summary>Settings of a <see cref="Pod"/>: the latent budget and when fewer modes suffice.</summary>
/// <param name="MaxRank">The latent budget r: at most this many modes.</param>
/// <param name="EnergyTarget">Fewer modes are kept when they already capture this fraction of the snapshot energy.</param>
/// <param name="RankTolerance">Singular values below this fraction of the largest are treated as zero (rank deficiency). Through the
/// Gram matrix a zero singular value comes out near sqrt(eps) sigma_1 = 1.5e-8 sigma_1, hence 1e-7.</param>
public sealed record PodConfig(int MaxRank = 20, double EnergyTarget = 0.9999, double RankTolerance = 1e-7)
{
    /// <summary>Throws <see cref="ArgumentException"/> for settings that cannot work.</summary>
    public void Validate()
    {
        if (MaxRank < 1) throw new ArgumentException($"the latent budget must be at least 1, got {MaxRank}");
        if (!(EnergyTarget > 0 && EnergyTarget <= 1)) throw new ArgumentException($"the energy target must be in (0, 1], got {EnergyTarget}");
        if (!(RankTolerance >= 0 && RankTolerance < 1)) throw new ArgumentException($"the rank tolerance must be in [0, 1), got {RankTolerance}");
    }
}
