using static TorchSharp.torch;

namespace DeepRom.Numerics.LinearAlgebra;

/// <summary>
/// Linear least squares min_W ||X W - Y||^2 + lambda ||W||^2 in float64: ridge regression by the normal equations for
/// lambda > 0, the minimum-norm solution pinv(X) Y for lambda = 0.
/// </summary>
public static class RegularisedLeastSquares
{
    /// <summary>W (p, q) for rows <paramref name="x"/> (n, p) and targets <paramref name="y"/> (n, q); computed in float64.</summary>
    public static Tensor Solve(Tensor x, Tensor y, double lambda)
    {
        if (x.ndim != 2 || y.ndim != 2 || x.shape[0] != y.shape[0])
            throw new ArgumentException($"rows ({string.Join(", ", x.shape)}) and targets ({string.Join(", ", y.shape)}) must be (n, p) and (n, q)");
        if (!(lambda >= 0) || !double.IsFinite(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "must be finite and >= 0");
        using var scope = NewDisposeScope();
        Tensor a = x.to_type(float64), b = y.to_type(float64);
        if (lambda == 0) return matmul(linalg.pinv(a), b).MoveToOuterDisposeScope();
        // p x p normal equations: the reservoirs have far fewer features than samples, so this is the small system, and
        // Cholesky is exact enough once lambda lifts the smallest eigenvalue off round-off.
        Tensor gram = matmul(a.t(), a) + lambda * eye(a.shape[1], dtype: float64);
        Tensor factor = linalg.cholesky(gram);
        return cholesky_solve(matmul(a.t(), b), factor).MoveToOuterDisposeScope();
    }
}
