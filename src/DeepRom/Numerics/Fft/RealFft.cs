namespace DeepRom.Numerics.Fft;

/// <summary>FFT of a real sequence of one power-of-two length N to its N/2 + 1 non-negative-frequency coefficients, and back.</summary>
/// <remarks>
/// The conventions are numpy's <c>rfft</c> / <c>irfft</c>: the forward transform is unscaled (kernel e^{-2 pi i jk/N}),
/// the inverse divides by N. The N real values are packed as N/2 complex ones, so a transform costs one complex FFT of
/// half the length plus a linear pass, half the work of transforming the real sequence as a complex one. An instance
/// keeps its scratch buffers, so it allocates nothing per call and must not be shared between threads.
/// </remarks>
public sealed class RealFft
{
    private readonly int _n;
    private readonly RadixTwoFft _half;
    private readonly double[] _zr;
    private readonly double[] _zi;
    private readonly double[] _cos;
    private readonly double[] _sin;

    public RealFft(int length)
    {
        if (length < 4 || (length & (length - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, "must be a power of two, at least 4");
        _n = length;
        int m = length / 2;
        _half = new RadixTwoFft(m);
        _zr = new double[m];
        _zi = new double[m];
        _cos = new double[m + 1];
        _sin = new double[m + 1];
        for (int k = 0; k <= m; k++)
        {
            double angle = -2.0 * Math.PI * k / length;
            _cos[k] = Math.Cos(angle);
            _sin[k] = Math.Sin(angle);
        }
    }

    /// <summary>N, the length of the real sequence.</summary>
    public int Length => _n;

    /// <summary>N/2 + 1, the number of coefficients (frequencies 0 to N/2).</summary>
    public int Coefficients => _n / 2 + 1;

    /// <summary>
    /// X_k = sum_j x_j e^{-2 pi i jk/N}, k = 0..N/2, into <paramref name="re"/> and <paramref name="im"/> (length N/2 + 1 each);
    /// the imaginary parts at k = 0 and k = N/2 are exactly zero.
    /// </summary>
    public void Forward(ReadOnlySpan<double> x, Span<double> re, Span<double> im)
    {
        int m = _n / 2;
        CheckLengths(x.Length, re.Length, im.Length);
        for (int j = 0; j < m; j++)
        {
            _zr[j] = x[2 * j];
            _zi[j] = x[2 * j + 1];
        }
        _half.Forward(_zr, _zi, 0, 1);
        // Z = FFT(even + i odd) splits into E_k = (Z_k + conj Z_{m-k}) / 2 and O_k = (Z_k - conj Z_{m-k}) / 2i,
        // and X_k = E_k + w^k O_k with w = e^{-2 pi i/N}.
        for (int k = 0; k <= m; k++)
        {
            int a = k == m ? 0 : k, b = k == 0 ? 0 : m - k;
            double zr = _zr[a], zi = _zi[a], cr = _zr[b], ci = -_zi[b];
            double er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
            double oRe = 0.5 * (zi - ci), oIm = -0.5 * (zr - cr);
            re[k] = er + _cos[k] * oRe - _sin[k] * oIm;
            im[k] = ei + _cos[k] * oIm + _sin[k] * oRe;
        }
        im[0] = 0;
        im[m] = 0;
    }

    /// <summary>
    /// x_j = (1/N) sum_k X_k e^{2 pi i jk/N} over all N frequencies, the negative ones taken as the conjugates of the given
    /// ones (so x is real); the imaginary parts at k = 0 and k = N/2 are ignored.
    /// </summary>
    public void Inverse(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> x)
    {
        int m = _n / 2;
        CheckLengths(x.Length, re.Length, im.Length);
        // Undo the split: E_k = (X_k + conj X_{m-k}) / 2, O_k = (X_k - conj X_{m-k}) / (2 w^k), Z_k = E_k + i O_k.
        for (int k = 0; k < m; k++)
        {
            double xr = re[k], xi = k == 0 ? 0 : im[k], cr = re[m - k], ci = k == 0 ? 0 : -im[m - k];
            double er = 0.5 * (xr + cr), ei = 0.5 * (xi + ci);
            double dr = 0.5 * (xr - cr), di = 0.5 * (xi - ci);
            // Dividing by w^k multiplies by its conjugate (|w| = 1).
            double oRe = dr * _cos[k] + di * _sin[k], oIm = di * _cos[k] - dr * _sin[k];
            _zr[k] = er - oIm;
            _zi[k] = ei + oRe;
        }
        _half.Inverse(_zr, _zi, 0, 1);
        double scale = 1.0 / m;
        for (int j = 0; j < m; j++)
        {
            x[2 * j] = _zr[j] * scale;
            x[2 * j + 1] = _zi[j] * scale;
        }
    }

    private void CheckLengths(int real, int re, int im)
    {
        if (real != _n) throw new ArgumentException($"the real sequence has length {real}, expected {_n}");
        if (re != Coefficients || im != Coefficients)
            throw new ArgumentException($"the coefficients have lengths {re} and {im}, expected {Coefficients}");
    }
}
