using static TorchSharp.torch;

namespace DeepRom.Numerics.LinearAlgebra;

/// <summary>The spectral radius max |lambda_i| of a square matrix, from all its eigenvalues.</summary>
/// <remarks>
/// Power iteration does not converge on a random non-symmetric matrix, whose dominant eigenvalues are usually a complex
/// pair of equal modulus; the full eigenvalue solve (LAPACK geev, float64) of a few-thousand matrix takes seconds and is exact.
/// <see cref="RealEigenvalues"/> is written for small systems; reservoirs of thousands of units go to libtorch's blocked LAPACK.
/// </remarks>
public static class SpectralRadius
{
    public static double Of(Tensor matrix)
    {
        if (matrix.ndim != 2 || matrix.shape[0] != matrix.shape[1])
            throw new ArgumentException($"a spectral radius needs a square matrix, got ({string.Join(", ", matrix.shape)})");
        using var scope = NewDisposeScope();
        return linalg.eigvals(matrix.to_type(float64)).abs().max().item<double>();
    }
}
