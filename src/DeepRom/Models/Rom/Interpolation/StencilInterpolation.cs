namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// Latent interpolation for any parameter dimension: the parameters are scaled to the unit box of the training
/// parameters; a tensor grid (any 1-D set, or e.g. Burgers' 10 x 8) gets multilinear weights in its cell, scattered 2-D
/// parameters barycentric weights in a Delaunay triangle; the neighbours' codes are then combined by
/// <see cref="Lerp"/> or <see cref="Slerp"/>. Scattered parameters in three or more dimensions are not supported yet.
/// </summary>
public sealed class StencilInterpolation(InterpolationKind kind) : ILatentInterpolation
{
    private ParameterBox? _box;
    private IParameterStencil? _stencil;
    private IReadOnlyList<double[]> _codes = [];

    public InterpolationKind Kind { get; } = kind;

    /// <summary>What the stencil is (after <see cref="Fit"/>).</summary>
    public string Description => _stencil?.Description ?? "not fitted";

    public void Fit(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> codes)
    {
        if (parameters.Count < 2) throw new ArgumentException($"interpolation needs at least two training points, got {parameters.Count}");
        if (codes.Count != parameters.Count) throw new ArgumentException($"{codes.Count} codes for {parameters.Count} parameter points");
        int s = parameters[0].Length;
        if (s == 0 || parameters.Any(p => p.Length != s)) throw new ArgumentException("parameter points must all have the same, non-zero dimension");
        _box = new ParameterBox(parameters);
        var unit = parameters.Select(p => _box.ToUnit(p)).ToArray();
        _stencil = (IParameterStencil?)TensorGridStencil.TryBuild(unit)
            ?? (s == 2 ? new DelaunayStencil(new Numerics.Spatial.DelaunayTriangulation(unit))
                : throw new ArgumentException($"the {parameters.Count} parameter points in {s} dimensions do not form a tensor grid; " +
                    "scattered parameters are supported in 1 and 2 dimensions only"));
        _codes = codes;
    }

    public bool Contains(ReadOnlySpan<double> parameter) => Locate(parameter).Inside;

    public LatentPrediction Predict(ReadOnlySpan<double> parameter)
    {
        var stencil = Locate(parameter);
        double[] code = Kind == InterpolationKind.Slerp
            ? Slerp.Combine(_codes, stencil.Neighbours, stencil.Weights)
            : Lerp.Combine(_codes, stencil.Neighbours, stencil.Weights);
        return new LatentPrediction(code, stencil.Neighbours, stencil.Weights, !stencil.Inside);
    }

    private Stencil Locate(ReadOnlySpan<double> parameter)
    {
        if (_box is null || _stencil is null) throw new InvalidOperationException("interpolation used before Fit");
        if (parameter.Length != _box.Dimension) throw new ArgumentException($"parameter has {parameter.Length} values, the training parameters {_box.Dimension}");
        return _stencil.Locate(_box.ToUnit(parameter));
    }
}
