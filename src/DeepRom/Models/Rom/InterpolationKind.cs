using DeepRom.Models.Rom.Interpolation;

namespace DeepRom.Models.Rom;

/// <summary>How a code is obtained at a new parameter point (see <see cref="Interpolation.Slerp"/> and the other implementations).</summary>
public enum InterpolationKind
{
    /// <summary>Spherical linear interpolation (seed 000), applied pairwise over the stencil's neighbours.</summary>
    Slerp,

    /// <summary>Linear interpolation: the weighted sum of the stencil's codes.</summary>
    Lerp,

    /// <summary>Radial basis functions over all training points (thin-plate spline plus a linear polynomial by default).</summary>
    Rbf,

    /// <summary>A small network from the parameters to the codes, trained on the training points (the LSH-VAE's public descendant).</summary>
    Conditioner,
}

/// <summary>Which interpolation implements each kind.</summary>
public static class InterpolationKinds
{
    /// <summary>True for the kinds that combine the codes of a stencil of neighbours (lerp, slerp).</summary>
    public static bool IsStencil(InterpolationKind kind) => kind is InterpolationKind.Lerp or InterpolationKind.Slerp;

    /// <summary>An unfitted interpolation of <paramref name="kind"/> with its default settings.</summary>
    public static ILatentInterpolation Create(InterpolationKind kind) => kind switch
    {
        InterpolationKind.Lerp or InterpolationKind.Slerp => new StencilInterpolation(kind),
        InterpolationKind.Rbf => new RadialBasisInterpolation(new RbfConfig()),
        InterpolationKind.Conditioner => new LatentConditioner(new ConditionerConfig()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown interpolation"),
    };
}
