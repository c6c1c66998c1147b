using DeepRom.Numerics.Spatial;

namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// The hull of the training parameters in which a model interpolates: the box of a tensor grid (any 1-D set, or e.g.
/// Burgers' 10 x 8), the union of Delaunay triangles for scattered 2-D parameters. Scattered parameters in three or more
/// dimensions have no hull here yet and are refused.
/// </summary>
/// <remarks>
/// Every interpolation kind asks this hull whether a point needs extrapolation, so that the refusal rule is the same
/// whether the codes come from a stencil, radial basis functions or a network.
/// </remarks>
public sealed class ParameterHull
{
    private readonly ParameterBox _box;
    private readonly IParameterStencil _stencil;

    /// <summary>The hull of <paramref name="parameters"/> (P points of s values; at least two, all distinct).</summary>
    public ParameterHull(IReadOnlyList<double[]> parameters)
    {
        if (parameters.Count < 2) throw new ArgumentException($"interpolation needs at least two training points, got {parameters.Count}");
        int s = parameters[0].Length;
        if (s == 0 || parameters.Any(p => p.Length != s)) throw new ArgumentException("parameter points must all have the same, non-zero dimension");
        _box = new ParameterBox(parameters);
        var unit = parameters.Select(p => _box.ToUnit(p)).ToArray();
        _stencil = (IParameterStencil?)TensorGridStencil.TryBuild(unit)
            ?? (s == 2 ? new DelaunayStencil(new DelaunayTriangulation(unit))
                : throw new ArgumentException($"the {parameters.Count} parameter points in {s} dimensions do not form a tensor grid; " +
                    "scattered parameters are supported in 1 and 2 dimensions only"));
    }

    /// <summary>The number of parameters s.</summary>
    public int Dimension => _box.Dimension;

    /// <summary>What the stencil behind the hull is, for reports (e.g. "tensor grid 10 x 8, multilinear in the cell").</summary>
    public string Description => _stencil.Description;

    /// <summary>True when <paramref name="parameter"/> lies in the hull.</summary>
    public bool Contains(ReadOnlySpan<double> parameter) => Locate(parameter).Inside;

    /// <summary>The training points around <paramref name="parameter"/> and their weights (those of the nearest point of the hull outside it).</summary>
    public Stencil Locate(ReadOnlySpan<double> parameter)
    {
        if (parameter.Length != Dimension) throw new ArgumentException($"parameter has {parameter.Length} values, the training parameters {Dimension}");
        return _stencil.Locate(_box.ToUnit(parameter));
    }
}
