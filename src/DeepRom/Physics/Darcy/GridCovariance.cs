using DeepRom.Numerics.Fft;

namespace DeepRom.Physics.Darcy;

/// <summary>
/// The nodal covariance matrix C[a,b] = exp(-|x_a - x_b| / l) of an n x n grid on the unit square, applied without
/// forming it: C is block-Toeplitz with Toeplitz blocks, so it embeds in a 2-D circulant of side M >= 2n - 2 whose
/// eigenvalues are one FFT of its first column; a product then costs two 2-D FFTs instead of n^4 operations.
/// </summary>
internal sealed class GridCovariance
{
    private readonly int _n;
    private readonly int _m;
    private readonly RadixTwoFft _fft;
    private readonly double[] _spectrum;

    public GridCovariance(int nodes, double correlationLength)
    {
        _n = nodes;
        _m = 1;
        while (_m < 2 * nodes - 2) _m <<= 1;
        if (_m != 2 * nodes - 2)
            while (_m < 2 * nodes - 1) _m <<= 1;
        _fft = new RadixTwoFft(_m);
        double h = 1.0 / (nodes - 1);
        var re = new double[_m * _m];
        var im = new double[_m * _m];
        for (int r = 0; r < _m; r++)
        {
            int dr = Lag(r);
            if (dr < 0) continue;
            for (int c = 0; c < _m; c++)
            {
                int dc = Lag(c);
                if (dc < 0) continue;
                re[r * _m + c] = Math.Exp(-h * Math.Sqrt((double)dr * dr + (double)dc * dc) / correlationLength);
            }
        }
        Transform2D(re, im, inverse: false);
        // The embedded kernel is real and even, so its spectrum is real; the 1/M^2 of the inverse is folded in here.
        _spectrum = new double[_m * _m];
        double scale = 1.0 / ((double)_m * _m);
        for (int k = 0; k < _spectrum.Length; k++) _spectrum[k] = re[k] * scale;
    }

    public int Dimension => _n * _n;

    /// <summary>Grid lag of circulant index r, or -1 for the zero padding.</summary>
    private int Lag(int r) => r < _n ? r : (_m - r < _n ? _m - r : -1);

    /// <summary>
    /// Writes C x_k into y_k for every k. Two real vectors share one complex transform (real and imaginary part),
    /// which is exact because the spectrum is real.
    /// </summary>
    public void Apply(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y)
    {
        var re = new double[_m * _m];
        var im = new double[_m * _m];
        for (int k = 0; k < x.Count; k += 2)
        {
            Array.Clear(re);
            Array.Clear(im);
            bool pair = k + 1 < x.Count;
            for (int j = 0; j < _n; j++)
            {
                Array.Copy(x[k], j * _n, re, j * _m, _n);
                if (pair) Array.Copy(x[k + 1], j * _n, im, j * _m, _n);
            }
            Transform2D(re, im, inverse: false);
            for (int q = 0; q < re.Length; q++)
            {
                re[q] *= _spectrum[q];
                im[q] *= _spectrum[q];
            }
            Transform2D(re, im, inverse: true);
            for (int j = 0; j < _n; j++)
            {
                Array.Copy(re, j * _m, y[k], j * _n, _n);
                if (pair) Array.Copy(im, j * _m, y[k + 1], j * _n, _n);
            }
        }
    }

    private void Transform2D(double[] re, double[] im, bool inverse)
    {
        // Rows, then columns; each line is independent, so splitting them over cores keeps results bitwise stable.
        Parallel.For(0, _m, r =>
        {
            if (inverse) _fft.Inverse(re, im, r * _m, 1);
            else _fft.Forward(re, im, r * _m, 1);
        });
        Parallel.For(0, _m, c =>
        {
            if (inverse) _fft.Inverse(re, im, c, _m);
            else _fft.Forward(re, im, c, _m);
        });
    }
}
