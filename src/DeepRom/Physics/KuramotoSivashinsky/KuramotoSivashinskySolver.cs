using DeepRom.Numerics.Fft;
using DeepRom.Numerics.Ode;

namespace DeepRom.Physics.KuramotoSivashinsky;

/// <summary>
/// The Kuramoto-Sivashinsky equation u_t = -u u_x - u_xx - u_xxxx on a periodic domain, pseudo-spectral in space and ETDRK4
/// in time with a fixed step, as in Kassam &amp; Trefethen, SIAM J. Sci. Comput. 26 (2005) 1214.
/// </summary>
/// <remarks>
/// The state is v = FFT(u) on the grid x_j = L (j + 1) / N. In Fourier space u_t = L v + N(v) with the linear rates
/// L = k^2 - k^4 and N(v) = -(1/2) i k FFT(u^2) (u u_x written as (u^2)_x / 2), the square taken on the grid without
/// dealiasing. u is real, so only the N/2 + 1 non-negative frequencies are stored and transformed. The Nyquist mode gets
/// k = 0, as in the paper: a real grid function has no odd derivative there, so that mode is never forced and keeps its
/// initial (round-off) value. The k = 0 mode has L = 0 and N = 0, so the mean of u never changes. Every buffer is made in
/// the constructor; a step allocates nothing. An instance belongs to one thread.
/// </remarks>
public sealed class KuramotoSivashinskySolver
{
    private readonly RealFft _fft;
    private readonly EtdRk4Coefficients _c;
    private readonly double[] _wavenumbers;
    private readonly double[] _rates;
    private readonly double[] _forcing;
    private readonly double[] _grid;
    private readonly double[] _u;
    private readonly double[] _vRe, _vIm, _nvRe, _nvIm, _aRe, _aIm, _naRe, _naIm, _bRe, _bIm, _nbRe, _nbIm, _cRe, _cIm, _ncRe, _ncIm;

    /// <param name="points">Grid points N, a power of two, at least 8.</param>
    /// <param name="domainLength">Period L of the domain.</param>
    /// <param name="timeStep">ETDRK4 step h.</param>
    /// <param name="nonlinearity">Factor of u u_x; 1 is the equation, 0 leaves only the linear part (for checks against exp(L t)).</param>
    public KuramotoSivashinskySolver(int points, double domainLength, double timeStep, double nonlinearity = 1)
    {
        if (points < 8 || (points & (points - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(points), points, "must be a power of two, at least 8");
        if (!(domainLength > 0) || double.IsInfinity(domainLength))
            throw new ArgumentOutOfRangeException(nameof(domainLength), domainLength, "must be positive and finite");
        if (!double.IsFinite(nonlinearity)) throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, "must be finite");
        Points = points;
        DomainLength = domainLength;
        TimeStep = timeStep;
        _fft = new RealFft(points);
        int m = _fft.Coefficients;
        _wavenumbers = new double[m];
        _rates = new double[m];
        _forcing = new double[m];
        for (int n = 0; n < m - 1; n++)
        {
            double k = 2 * Math.PI * n / domainLength;
            _wavenumbers[n] = k;
            _rates[n] = k * k - k * k * k * k;
            _forcing[n] = -0.5 * nonlinearity * k;
        }
        _c = EtdRk4Coefficients.For(_rates, timeStep);
        _grid = Enumerable.Range(1, points).Select(j => domainLength * j / points).ToArray();
        double[] Buffer() => new double[m];
        (_vRe, _vIm, _nvRe, _nvIm) = (Buffer(), Buffer(), Buffer(), Buffer());
        (_aRe, _aIm, _naRe, _naIm) = (Buffer(), Buffer(), Buffer(), Buffer());
        (_bRe, _bIm, _nbRe, _nbIm) = (Buffer(), Buffer(), Buffer(), Buffer());
        (_cRe, _cIm, _ncRe, _ncIm) = (Buffer(), Buffer(), Buffer(), Buffer());
        _u = new double[points];
    }

    /// <summary>Grid points N.</summary>
    public int Points { get; }

    /// <summary>Period L.</summary>
    public double DomainLength { get; }

    /// <summary>Step h.</summary>
    public double TimeStep { get; }

    /// <summary>Steps taken since the last <see cref="SetState"/>.</summary>
    public long Steps { get; private set; }

    /// <summary>The grid x_j = L (j + 1) / N, j = 0..N-1 (the paper's x = L (1:N)/N).</summary>
    public ReadOnlySpan<double> Grid => _grid;

    /// <summary>k_n = 2 pi n / L for the stored frequencies n = 0..N/2, with 0 at the Nyquist frequency n = N/2.</summary>
    public ReadOnlySpan<double> Wavenumbers => _wavenumbers;

    /// <summary>The linear growth rates k^2 - k^4 of the stored frequencies.</summary>
    public ReadOnlySpan<double> LinearRates => _rates;

    /// <summary>The current Fourier coefficients (unnormalised FFT of u), real parts, frequencies 0..N/2.</summary>
    public ReadOnlySpan<double> SpectrumReal => _vRe;

    /// <summary>The current Fourier coefficients, imaginary parts.</summary>
    public ReadOnlySpan<double> SpectrumImaginary => _vIm;

    /// <summary>Sets u on the grid and restarts the step count.</summary>
    public void SetState(ReadOnlySpan<double> u)
    {
        if (u.Length != Points) throw new ArgumentException($"u has {u.Length} values, expected {Points}", nameof(u));
        _fft.Forward(u, _vRe, _vIm);
        Steps = 0;
    }

    /// <summary>Writes the current u on the grid into <paramref name="u"/>.</summary>
    public void CopyState(Span<double> u)
    {
        if (u.Length != Points) throw new ArgumentException($"u has {u.Length} values, expected {Points}", nameof(u));
        _fft.Inverse(_vRe, _vIm, u);
    }

    /// <summary>Takes <paramref name="steps"/> steps.</summary>
    public void Advance(long steps)
    {
        for (long s = 0; s < steps; s++) Step();
    }

    /// <summary>One ETDRK4 step (Cox and Matthews's scheme in the paper's form).</summary>
    public void Step()
    {
        ReadOnlySpan<double> e = _c.Exp, e2 = _c.HalfExp, q = _c.Q, f1 = _c.F1, f2 = _c.F2, f3 = _c.F3;
        int m = _vRe.Length;
        Nonlinear(_vRe, _vIm, _nvRe, _nvIm);
        for (int n = 0; n < m; n++)
        {
            _aRe[n] = e2[n] * _vRe[n] + q[n] * _nvRe[n];
            _aIm[n] = e2[n] * _vIm[n] + q[n] * _nvIm[n];
        }
        Nonlinear(_aRe, _aIm, _naRe, _naIm);
        for (int n = 0; n < m; n++)
        {
            _bRe[n] = e2[n] * _vRe[n] + q[n] * _naRe[n];
            _bIm[n] = e2[n] * _vIm[n] + q[n] * _naIm[n];
        }
        Nonlinear(_bRe, _bIm, _nbRe, _nbIm);
        for (int n = 0; n < m; n++)
        {
            _cRe[n] = e2[n] * _aRe[n] + q[n] * (2 * _nbRe[n] - _nvRe[n]);
            _cIm[n] = e2[n] * _aIm[n] + q[n] * (2 * _nbIm[n] - _nvIm[n]);
        }
        Nonlinear(_cRe, _cIm, _ncRe, _ncIm);
        for (int n = 0; n < m; n++)
        {
            _vRe[n] = e[n] * _vRe[n] + f1[n] * _nvRe[n] + 2 * f2[n] * (_naRe[n] + _nbRe[n]) + f3[n] * _ncRe[n];
            _vIm[n] = e[n] * _vIm[n] + f1[n] * _nvIm[n] + 2 * f2[n] * (_naIm[n] + _nbIm[n]) + f3[n] * _ncIm[n];
        }
        Steps++;
    }

    /// <summary>N(v) = i g FFT(u^2) with g = -k/2 (times the nonlinearity factor), u = IFFT(v).</summary>
    private void Nonlinear(double[] re, double[] im, double[] outRe, double[] outIm)
    {
        double[] u = _u;
        _fft.Inverse(re, im, u);
        for (int j = 0; j < u.Length; j++) u[j] *= u[j];
        _fft.Forward(u, outRe, outIm);
        double[] g = _forcing;
        for (int n = 0; n < outRe.Length; n++)
        {
            double x = outRe[n];
            outRe[n] = -g[n] * outIm[n];
            outIm[n] = g[n] * x;
        }
    }
}
