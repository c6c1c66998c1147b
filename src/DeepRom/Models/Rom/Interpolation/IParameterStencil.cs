namespace DeepRom.Models.Rom.Interpolation;

/// <summary>Finds the training points around a query and their barycentric (or multilinear) weights, in unit-box coordinates.</summary>
public interface IParameterStencil
{
    /// <summary>What the stencil is, for reports (e.g. "tensor grid 10 x 8").</summary>
    string Description { get; }

    /// <summary>The neighbours and weights (non-negative, summing to 1) at <paramref name="unitPoint"/>; outside the hull, those of the nearest point of the hull.</summary>
    Stencil Locate(ReadOnlySpan<double> unitPoint);
}

/// <summary>Training points (row indices) and their weights for one query, and whether the query lay inside the hull.</summary>
public sealed record Stencil(int[] Neighbours, double[] Weights, bool Inside);
