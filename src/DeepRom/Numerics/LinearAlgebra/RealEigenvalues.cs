using System.Numerics;

namespace DeepRom.Numerics.LinearAlgebra;

/// <summary>All eigenvalues of a small dense real nonsymmetric matrix: balancing, Householder reduction to Hessenberg form, Francis QR.</summary>
/// <remarks>
/// Eigenvalues only (no vectors), in O(n^3) with no allocation beyond one copy of the matrix. For the 8 x 8 linearised
/// aeroelastic system this is several times faster than MathNet's full Evd, which also computes eigenvectors; the flutter
/// search calls it a few dozen times per speed bracket.
/// </remarks>
public static class RealEigenvalues
{
    /// <summary>
    /// The eigenvalues of <paramref name="matrix"/> (square, finite; left unchanged), largest real part first, and of equal
    /// real parts the positive imaginary part first. Complex eigenvalues come in exactly conjugate pairs.
    /// </summary>
    public static Complex[] Of(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n) throw new ArgumentException($"matrix is {n} x {matrix.GetLength(1)}, not square", nameof(matrix));
        foreach (double v in matrix)
            if (!double.IsFinite(v)) throw new ArgumentException("matrix has a non-finite entry", nameof(matrix));
        var a = (double[,])matrix.Clone();
        Balancing.Apply(a);
        HessenbergReduction.Apply(a);
        Complex[] values = FrancisQr.Eigenvalues(a);
        Array.Sort(values, (p, q) => p.Real != q.Real ? q.Real.CompareTo(p.Real) : q.Imaginary.CompareTo(p.Imaginary));
        return values;
    }
}
