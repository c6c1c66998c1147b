namespace DeepRom.Models.Rom;

/// <summary>The reductions a reduced-order model can be built on; only <see cref="Pod"/> exists so far.</summary>
public enum ReductionKind
{
    /// <summary>Proper orthogonal decomposition of the snapshot matrix.</summary>
    Pod,

    /// <summary>Least-squares hierarchical VAE (seed 000); planned.</summary>
    LshVae,

    /// <summary>Convolutional autoencoder; planned.</summary>
    Cae,

    /// <summary>beta-VAE; planned.</summary>
    BetaVae,
}

/// <summary>Which reductions are built.</summary>
public static class ReductionKinds
{
    /// <summary>True for the reductions that can be fitted today.</summary>
    public static bool IsBuilt(ReductionKind kind) => kind == ReductionKind.Pod;
}
