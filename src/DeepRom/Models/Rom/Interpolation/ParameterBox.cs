namespace DeepRom.Models.Rom.Interpolation;

/// <summary>The bounding box of the training parameters, mapped to the unit box so that no parameter's units dominate the geometry.</summary>
public sealed class ParameterBox
{
    public ParameterBox(IReadOnlyList<double[]> points)
    {
        int s = points[0].Length;
        Min = Enumerable.Range(0, s).Select(d => points.Min(p => p[d])).ToArray();
        Max = Enumerable.Range(0, s).Select(d => points.Max(p => p[d])).ToArray();
    }

    public double[] Min { get; }
    public double[] Max { get; }

    public int Dimension => Min.Length;

    /// <summary>The point in unit-box coordinates; an axis on which all training points agree maps to 0.</summary>
    public double[] ToUnit(ReadOnlySpan<double> point)
    {
        var unit = new double[Min.Length];
        for (int d = 0; d < unit.Length; d++)
        {
            double range = Max[d] - Min[d];
            unit[d] = range > 0 ? (point[d] - Min[d]) / range : point[d] - Min[d];
        }
        return unit;
    }
}
