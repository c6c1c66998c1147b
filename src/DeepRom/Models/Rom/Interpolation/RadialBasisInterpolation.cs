using MathNet.Numerics.LinearAlgebra;

namespace DeepRom.Models.Rom.Interpolation;

/// <summary>
/// Radial basis function interpolation of the codes over the standardised parameters: z(p) = sum_k c_k phi(|x - x_k|) +
/// a + B x, x the standardised p, with the side conditions sum_k c_k = 0 and sum_k c_k x_k = 0. It is exact at the
/// training points and reproduces codes that are affine in the parameters. Outside the hull of the training parameters
/// (<see cref="ParameterHull"/>) the same formula extrapolates, and the prediction is flagged.
/// </summary>
/// <remarks>
/// The dense symmetric system of size P + s + 1 is solved once, at <see cref="Fit"/>, for the cardinal functions rather
/// than the coefficients: a prediction is then the weighted sum of the training codes, the same form as a stencil's, and
/// the weights (all P of them, some negative) can be reported. The thin-plate spline's interpolant does not change when
/// all parameters are scaled by one factor, but it does when they are scaled differently: the per-parameter
/// standardisation makes parameters in different units (Burgers' 4.25-5.5 and 0.015-0.03) weigh alike.
/// </remarks>
public sealed class RadialBasisInterpolation(RbfConfig config) : ILatentInterpolation
{
    private ParameterHull? _hull;
    private Standardisation? _scaling;
    private double[][] _nodes = [];
    private int[] _polynomialAxes = [];
    // Row j of the inverse of the system's first P columns: the weight of training code k is sum_j b_j(x) _cardinal[j][k].
    private double[][] _cardinal = [];
    private IReadOnlyList<double[]> _codes = [];
    private int[] _all = [];

    public RbfConfig Config { get; } = config;

    public string Description => _hull is null ? "not fitted"
        : $"radial basis functions ({ChoiceName.Of(Config.Kernel)} plus a linear polynomial) over {_nodes.Length} standardised parameter points";

    public void Fit(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> codes)
    {
        if (codes.Count != parameters.Count) throw new ArgumentException($"{codes.Count} codes for {parameters.Count} parameter points");
        var hull = new ParameterHull(parameters);
        var scaling = Standardisation.Fit(parameters);
        var nodes = parameters.Select(p => scaling.Apply(p)).ToArray();
        // A parameter on which all training points agree would make its polynomial column zero and the system singular.
        int[] axes = Enumerable.Range(0, hull.Dimension).Where(d => nodes.Any(x => x[d] != 0)).ToArray();
        int p = nodes.Length, m = 1 + axes.Length, n = p + m;
        if (p < m) throw new ArgumentException($"radial basis functions with a linear polynomial in {axes.Length} parameters need at least {m} training points, got {p}");

        var system = Matrix<double>.Build.Dense(n, n);
        var rhs = Matrix<double>.Build.Dense(n, p);
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++) system[i, j] = RbfKernels.Evaluate(Config.Kernel, Distance(nodes[i], nodes[j]));
            var row = Polynomial(nodes[i], axes);
            for (int q = 0; q < m; q++) system[i, p + q] = system[p + q, i] = row[q];
            rhs[i, i] = 1;
        }
        double condition = system.ConditionNumber();
        if (!(condition <= Config.MaxConditionNumber))
            throw new ArgumentException($"the {p} parameter points do not determine a linear polynomial in the parameters " +
                $"(condition number {condition:g3}): radial basis functions need points that span every parameter that varies");
        var inverse = system.LU().Solve(rhs);

        _cardinal = Enumerable.Range(0, n).Select(j => Enumerable.Range(0, p).Select(k => inverse[j, k]).ToArray()).ToArray();
        _polynomialAxes = axes;
        _nodes = nodes;
        _scaling = scaling;
        _codes = codes;
        _all = Enumerable.Range(0, p).ToArray();
        _hull = hull;
    }

    public ILatentInterpolation CreateUnfitted() => new RadialBasisInterpolation(Config);

    public bool Contains(ReadOnlySpan<double> parameter) => Hull.Contains(parameter);

    public LatentPrediction Predict(ReadOnlySpan<double> parameter)
    {
        bool inside = Hull.Contains(parameter);
        double[] weights = Weights(parameter);
        return new LatentPrediction(Lerp.Combine(_codes, _all, weights), _all, weights, !inside);
    }

    /// <summary>The cardinal weights of the training codes at <paramref name="parameter"/> (they sum to 1).</summary>
    public double[] Weights(ReadOnlySpan<double> parameter)
    {
        if (_scaling is null) throw new InvalidOperationException("interpolation used before Fit");
        if (parameter.Length != Hull.Dimension) throw new ArgumentException($"parameter has {parameter.Length} values, the training parameters {Hull.Dimension}");
        double[] x = _scaling.Apply(parameter);
        int p = _nodes.Length;
        var weights = new double[p];
        for (int j = 0; j < p; j++) Accumulate(weights, _cardinal[j], RbfKernels.Evaluate(Config.Kernel, Distance(x, _nodes[j])));
        var polynomial = Polynomial(x, _polynomialAxes);
        for (int q = 0; q < polynomial.Length; q++) Accumulate(weights, _cardinal[p + q], polynomial[q]);
        return weights;
    }

    private ParameterHull Hull => _hull ?? throw new InvalidOperationException("interpolation used before Fit");

    private static void Accumulate(double[] sum, double[] row, double factor)
    {
        for (int k = 0; k < sum.Length; k++) sum[k] += factor * row[k];
    }

    private static double[] Polynomial(double[] x, int[] axes)
    {
        var row = new double[1 + axes.Length];
        row[0] = 1;
        for (int q = 0; q < axes.Length; q++) row[q + 1] = x[axes[q]];
        return row;
    }

    private static double Distance(double[] a, double[] b)
    {
        double sum = 0;
        for (int d = 0; d < a.Length; d++) sum += (a[d] - b[d]) * (a[d] - b[d]);
        return Math.Sqrt(sum);
    }
}
