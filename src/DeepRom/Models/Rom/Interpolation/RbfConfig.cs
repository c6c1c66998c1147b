namespace DeepRom.Models.Rom.Interpolation;

/// <summary>Settings of <see cref="RadialBasisInterpolation"/>.</summary>
/// <param name="Kernel">The radial function.</param>
/// <param name="MaxConditionNumber">
/// A system whose condition number exceeds this is refused: the points do not determine the linear polynomial (e.g.
/// scattered 2-D points on one line) and the weights would be rounding noise.
/// </param>
public sealed record RbfConfig(RbfKernel Kernel = RbfKernel.ThinPlateSpline, double MaxConditionNumber = 1e12);
