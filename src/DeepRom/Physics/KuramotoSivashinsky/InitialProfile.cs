namespace DeepRom.Physics.KuramotoSivashinsky;

/// <summary>How u(x, 0) is made; command-line names kassam-trefethen and random.</summary>
public enum InitialProfile
{
    /// <summary>The paper's u0 = cos(x/16)(1 + sin(x/16)), written cos(2 pi x/L)(1 + sin(2 pi x/L)) so it is periodic for any L.</summary>
    KassamTrefethen,

    /// <summary>A seeded, small, smooth random field of zero mean (<see cref="InitialProfiles.Random"/>).</summary>
    Random,
}
