namespace DeepRom.Numerics.Fft;

/// <summary>In-place radix-2 complex FFT of one fixed power-of-two length, on split real and imaginary arrays.</summary>
/// <remarks>
/// Hand-written because the covariance products need only one small length (128 for the 65-node grid) thousands of
/// times; precomputed twiddles and no allocation per call make it several times cheaper than a general transform.
/// </remarks>
internal sealed class RadixTwoFft
{
    private readonly int _length;
    private readonly int[] _reversed;
    private readonly double[] _cos;
    private readonly double[] _sin;

    public RadixTwoFft(int length)
    {
        if (length < 1 || (length & (length - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, "must be a power of two");
        _length = length;
        int bits = System.Numerics.BitOperations.Log2((uint)length);
        _reversed = new int[length];
        for (int k = 0; k < length; k++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((k >> b) & 1) << (bits - 1 - b);
            _reversed[k] = r;
        }
        _cos = new double[Math.Max(1, length / 2)];
        _sin = new double[Math.Max(1, length / 2)];
        for (int k = 0; k < length / 2; k++)
        {
            double angle = -2.0 * Math.PI * k / length;
            _cos[k] = Math.Cos(angle);
            _sin[k] = Math.Sin(angle);
        }
    }

    public int Length => _length;

    /// <summary>Forward transform (kernel e^{-2 pi i jk/L}) of the strided sequence re[offset + k*stride].</summary>
    public void Forward(double[] re, double[] im, int offset, int stride) => Transform(re, im, offset, stride, 1.0);

    /// <summary>Unscaled inverse transform (kernel e^{+2 pi i jk/L}).</summary>
    public void Inverse(double[] re, double[] im, int offset, int stride) => Transform(re, im, offset, stride, -1.0);

    private void Transform(double[] re, double[] im, int offset, int stride, double sinSign)
    {
        int n = _length;
        for (int k = 0; k < n; k++)
        {
            int r = _reversed[k];
            if (r > k)
            {
                int a = offset + k * stride, b = offset + r * stride;
                (re[a], re[b]) = (re[b], re[a]);
                (im[a], im[b]) = (im[b], im[a]);
            }
        }
        for (int size = 2; size <= n; size <<= 1)
        {
            int half = size >> 1, step = n / size;
            for (int start = 0; start < n; start += size)
            {
                for (int k = 0; k < half; k++)
                {
                    double wr = _cos[k * step], wi = sinSign * _sin[k * step];
                    int a = offset + (start + k) * stride, b = a + half * stride;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
