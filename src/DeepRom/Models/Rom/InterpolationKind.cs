namespace DeepRom.Models.Rom;

/// <summary>How the codes of neighbouring training parameters are combined (see <see cref="Interpolation.Slerp"/>).</summary>
public enum InterpolationKind
{
    /// <summary>Spherical linear interpolation (seed 000), applied pairwise.</summary>
    Slerp,

    /// <summary>Linear interpolation: the weighted sum of the codes.</summary>
    Lerp,
}
