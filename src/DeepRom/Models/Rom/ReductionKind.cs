namespace DeepRom.Models.Rom;

/// <summary>The reductions a reduced-order model can be built on.</summary>
public enum ReductionKind
{
    /// <summary>Proper orthogonal decomposition of the snapshot matrix.</summary>
    Pod,

    /// <summary>Least-squares hierarchical VAE (seed 000, <see cref="Reductions.LshVae"/>).</summary>
    LshVae,

    /// <summary>Convolutional autoencoder (<see cref="Reductions.Convolutional.ConvolutionalAutoencoder"/>).</summary>
    Cae,

    /// <summary>Single-level beta-VAE (<see cref="Reductions.Convolutional.BetaVae"/>).</summary>
    BetaVae,
}

/// <summary>Which reductions are built.</summary>
public static class ReductionKinds
{
    /// <summary>True for the reductions that can be fitted today.</summary>
    public static bool IsBuilt(ReductionKind kind) => Enum.IsDefined(kind);

    /// <summary>True for the reductions that are trained networks (epochs, checkpoints, weights).</summary>
    public static bool IsNeural(ReductionKind kind) => kind is not ReductionKind.Pod;
}
