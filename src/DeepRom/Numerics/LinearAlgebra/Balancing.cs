namespace DeepRom.Numerics.LinearAlgebra;

/// <summary>Parlett &amp; Reinsch's balancing: a diagonal similarity by powers of two that evens out row and column norms.</summary>
/// <remarks>
/// The QR iteration's error is proportional to the matrix norm; a matrix whose entries span many orders of magnitude (as a
/// linearised system with 1/mu and lag-rate terms does) has a norm far larger than its eigenvalues need. Powers of two keep
/// the similarity exact in floating point, so the eigenvalues are untouched.
/// </remarks>
internal static class Balancing
{
    /// <summary>Scales <paramref name="a"/> (n x n, row-major) in place until no row/column pair can shrink its norm sum by 5 %.</summary>
    public static void Apply(Span<double> a, int n)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < n; i++)
            {
                double column = 0, row = 0;
                for (int j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    column += Math.Abs(a[j * n + i]);
                    row += Math.Abs(a[i * n + j]);
                }
                if (column == 0 || row == 0) continue;
                double sum = column + row, factor = 1;
                // Find the power of two f nearest to sqrt(row / column), then keep it only if it pays.
                while (column < row / 2) { factor *= 2; column *= 4; }
                while (column > row * 2) { factor /= 2; column /= 4; }
                if ((column + row) / factor >= 0.95 * sum) continue;
                changed = true;
                for (int j = 0; j < n; j++) a[i * n + j] /= factor;
                for (int j = 0; j < n; j++) a[j * n + i] *= factor;
            }
        }
    }
}
