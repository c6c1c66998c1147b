using MathNet.Numerics.LinearAlgebra;

namespace DeepRom.Numerics.LinearAlgebra;

/// <summary>
/// The leading principal axes of a set of points (rows): the mean and the unit eigenvectors of the sample covariance
/// with the largest eigenvalues. Used to draw high-dimensional codes in the plane that shows most of their spread.
/// </summary>
public sealed class PrincipalAxes
{
    private readonly double[] _mean;
    private readonly double[][] _axes;

    private PrincipalAxes(double[] mean, double[][] axes, double[] variances)
    {
        _mean = mean;
        _axes = axes;
        Variances = variances;
    }

    /// <summary>The variance of the points along each kept axis, largest first.</summary>
    public double[] Variances { get; }

    /// <summary>Number of axes kept.</summary>
    public int Count => _axes.Length;

    /// <summary>
    /// The <paramref name="count"/> leading axes of <paramref name="points"/> (at least one point; fewer axes when the points have
    /// fewer dimensions). Each axis's sign is fixed so that its largest component is positive, for plots that do not flip
    /// between runs.
    /// </summary>
    public static PrincipalAxes Fit(IReadOnlyList<double[]> points, int count)
    {
        if (points.Count == 0) throw new ArgumentException("no points");
        int d = points[0].Length;
        if (points.Any(p => p.Length != d)) throw new ArgumentException("points of different lengths");
        var mean = new double[d];
        foreach (var p in points)
            for (int j = 0; j < d; j++) mean[j] += p[j] / points.Count;
        var covariance = Matrix<double>.Build.Dense(d, d);
        foreach (var p in points)
            for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                covariance[i, j] += (p[i] - mean[i]) * (p[j] - mean[j]) / points.Count;
        var evd = covariance.Evd(Symmetricity.Symmetric);
        int keep = Math.Min(count, d);
        // Math.NET returns a symmetric matrix's eigenvalues in ascending order.
        var axes = new double[keep][];
        var variances = new double[keep];
        for (int k = 0; k < keep; k++)
        {
            int column = d - 1 - k;
            var axis = evd.EigenVectors.Column(column).ToArray();
            int largest = 0;
            for (int j = 1; j < d; j++) if (Math.Abs(axis[j]) > Math.Abs(axis[largest])) largest = j;
            if (axis[largest] < 0) for (int j = 0; j < d; j++) axis[j] = -axis[j];
            axes[k] = axis;
            variances[k] = Math.Max(evd.EigenValues[column].Real, 0);
        }
        return new PrincipalAxes(mean, axes, variances);
    }

    /// <summary>The coordinates of <paramref name="point"/> along the kept axes, relative to the mean.</summary>
    public double[] Project(ReadOnlySpan<double> point)
    {
        if (point.Length != _mean.Length) throw new ArgumentException($"a point of {point.Length} values for axes of {_mean.Length}");
        var result = new double[_axes.Length];
        for (int k = 0; k < _axes.Length; k++)
        {
            double s = 0;
            for (int j = 0; j < point.Length; j++) s += (point[j] - _mean[j]) * _axes[k][j];
            result[k] = s;
        }
        return result;
    }
}
