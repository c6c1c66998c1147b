namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// Latent interpolation for any parameter dimension: the parameters are scaled to the unit box of the training
/// parameters; a tensor grid (any 1-D set, or e.g. Burgers' 10 x 8) gets multilinear weights in its cell, scattered 2-D
/// parameters barycentric weights in a Delaunay triangle (see <see cref="ParameterHull"/>); the neighbours' codes are
/// then combined by <see cref="Lerp"/> or <see cref="Slerp"/>. Outside the hull the code is that of the nearest point
/// of the hull.
/// </summary>
public sealed class StencilInterpolation : ILatentInterpolation
{
    private ParameterHull? _hull;
    private IReadOnlyList<double[]> _codes = [];

    /// <summary>An unfitted interpolation combining codes by <paramref name="kind"/> (lerp or slerp).</summary>
    public StencilInterpolation(InterpolationKind kind)
    {
        if (!InterpolationKinds.IsStencil(kind)) throw new ArgumentException($"{kind} is not a stencil interpolation");
        Kind = kind;
    }

    public InterpolationKind Kind { get; }

    /// <summary>What the stencil is (after <see cref="Fit"/>).</summary>
    public string Description => _hull?.Description ?? "not fitted";

    public void Fit(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> codes)
    {
        if (codes.Count != parameters.Count) throw new ArgumentException($"{codes.Count} codes for {parameters.Count} parameter points");
        _hull = new ParameterHull(parameters);
        _codes = codes;
    }

    public ILatentInterpolation CreateUnfitted() => new StencilInterpolation(Kind);

    public bool Contains(ReadOnlySpan<double> parameter) => Locate(parameter).Inside;

    public LatentPrediction Predict(ReadOnlySpan<double> parameter)
    {
        var stencil = Locate(parameter);
        double[] code = Kind == InterpolationKind.Slerp
            ? Slerp.Combine(_codes, stencil.Neighbours, stencil.Weights)
            : Lerp.Combine(_codes, stencil.Neighbours, stencil.Weights);
        return new LatentPrediction(code, stencil.Neighbours, stencil.Weights, !stencil.Inside);
    }

    private Stencil Locate(ReadOnlySpan<double> parameter) =>
        (_hull ?? throw new InvalidOperationException("interpolation used before Fit")).Locate(parameter);
}
