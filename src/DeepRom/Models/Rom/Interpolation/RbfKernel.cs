namespace DeepRom.Models.Rom.Interpolation;

/// <summary>The radial functions <see cref="RadialBasisInterpolation"/> can use; both are paired with a linear polynomial.</summary>
public enum RbfKernel
{
    /// <summary>phi(r) = r^2 log r: no shape parameter to tune, the minimum-bending surface in 2-D (scipy's and EZyRB's default).</summary>
    ThinPlateSpline,

    /// <summary>phi(r) = r^3: the polyharmonic spline that stays conditionally positive definite of order 2 in any dimension.</summary>
    Cubic,
}

/// <summary>Values of the radial functions.</summary>
public static class RbfKernels
{
    /// <summary>phi(<paramref name="r"/>) for <paramref name="kernel"/>.</summary>
    public static double Evaluate(RbfKernel kernel, double r) => kernel switch
    {
        // r^2 log r tends to 0 at r = 0, where log alone is -infinity.
        RbfKernel.ThinPlateSpline => r > 0 ? r * r * Math.Log(r) : 0,
        RbfKernel.Cubic => r * r * r,
        _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "unknown kernel"),
    };
}
