namespace DeepRom.Numerics.LinearAlgebra;

/// <summary>
/// In-place Cholesky factorisation L L^T of a symmetric positive definite band matrix and the matching solve.
/// </summary>
/// <remarks>
/// Row i stores columns i - w .. i in <c>band[i*(w+1) .. i*(w+1)+w]</c> (entries left of column 0 are zero). Each
/// entry of L is one contiguous dot product of two stored rows, so the work (about N w^2 / 2 multiply-adds) runs on
/// SIMD kernels. For the 5-point grid matrix the half-bandwidth is n, the fill stays inside the band.
/// </remarks>
internal sealed class BandedCholesky
{
    private readonly int _size;
    private readonly int _width;

    public BandedCholesky(int size, int halfBandwidth)
    {
        _size = size;
        _width = halfBandwidth;
        Band = new double[size * (halfBandwidth + 1)];
    }

    /// <summary>Row-wise lower band storage; fill with the matrix, then call <see cref="Factorise"/>.</summary>
    public double[] Band { get; }

    /// <summary>Index of entry (row, column) in <see cref="Band"/>, for column in row - w .. row.</summary>
    public int Index(int row, int column) => row * (_width + 1) + _width - (row - column);

    public void Factorise()
    {
        int w = _width, stride = w + 1;
        var band = Band.AsSpan();
        for (int i = 0; i < _size; i++)
        {
            int rowI = i * stride;
            for (int j = Math.Max(0, i - w); j <= i; j++)
            {
                // L[i,j] = (A[i,j] - sum_{k=i-w}^{j-1} L[i,k] L[j,k]) / L[j,j]; both rows are contiguous over k.
                int length = j - (i - w);
                int rowJ = j * stride + (i - j);
                double s = band[rowI + w - (i - j)] - Blas1.Dot(band.Slice(rowI, length), band.Slice(rowJ, length));
                if (j < i)
                {
                    band[rowI + w - (i - j)] = s / band[j * stride + w];
                }
                else
                {
                    if (!(s > 0)) throw new InvalidOperationException($"matrix is not positive definite (pivot {i})");
                    band[rowI + w] = Math.Sqrt(s);
                }
            }
        }
    }

    /// <summary>Overwrites <paramref name="rhs"/> with the solution of L L^T x = rhs.</summary>
    public void Solve(Span<double> rhs)
    {
        int w = _width, stride = w + 1;
        var band = Band;
        for (int i = 0; i < _size; i++)
        {
            int lo = Math.Max(0, i - w);
            double s = rhs[i] - Blas1.Dot(band.AsSpan(i * stride + w - (i - lo), i - lo), rhs.Slice(lo, i - lo));
            rhs[i] = s / band[i * stride + w];
        }
        for (int i = _size - 1; i >= 0; i--)
        {
            double x = rhs[i] / band[i * stride + w];
            rhs[i] = x;
            int lo = Math.Max(0, i - w);
            Blas1.Axpy(-x, band.AsSpan(i * stride + w - (i - lo), i - lo), rhs.Slice(lo, i - lo));
        }
    }
}
