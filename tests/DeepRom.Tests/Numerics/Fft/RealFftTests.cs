using CsCheck;
using DeepRom.Numerics.Fft;

namespace DeepRom.Tests.Numerics.Fft;

/// <summary>The real FFT: numpy's rfft and irfft conventions, checked against the defining sums.</summary>
public class RealFftTests
{
    private static readonly Gen<double[]> Sequences =
        Gen.Int[2, 9].SelectMany(bits => Gen.Double[-10, 10].Array[1 << bits]);

    [Fact]
    public void Forward_equals_the_direct_sum_over_every_power_of_two_length()
    {
        Sequences.Sample(x =>
        {
            int n = x.Length;
            var fft = new RealFft(n);
            var re = new double[fft.Coefficients];
            var im = new double[fft.Coefficients];
            fft.Forward(x, re, im);
            double scale = x.Sum(Math.Abs);
            for (int k = 0; k <= n / 2; k++)
            {
                double sr = 0, si = 0;
                for (int j = 0; j < n; j++)
                {
                    double angle = -2 * Math.PI * ((long)j * k % n) / n;
                    sr += x[j] * Math.Cos(angle);
                    si += x[j] * Math.Sin(angle);
                }
                Assert.True(Math.Abs(sr - re[k]) <= 1e-13 * scale + 1e-300, $"n = {n}, k = {k}: real {re[k]} against {sr}");
                Assert.True(Math.Abs(si - im[k]) <= 1e-13 * scale + 1e-300, $"n = {n}, k = {k}: imaginary {im[k]} against {si}");
            }
            Assert.Equal(0, im[0]);
            Assert.Equal(0, im[n / 2]);
        }, iter: 60);
    }

    [Fact]
    public void Inverse_undoes_forward_to_round_off()
    {
        Sequences.Sample(x =>
        {
            var fft = new RealFft(x.Length);
            var re = new double[fft.Coefficients];
            var im = new double[fft.Coefficients];
            var back = new double[x.Length];
            fft.Forward(x, re, im);
            fft.Inverse(re, im, back);
            double scale = x.Max(Math.Abs);
            for (int j = 0; j < x.Length; j++) Assert.True(Math.Abs(back[j] - x[j]) <= 1e-14 * scale, $"j = {j}: {back[j]} against {x[j]}");
        }, iter: 100);
    }

    [Fact]
    public void Inverse_of_one_coefficient_is_the_cosine_or_sine_it_stands_for()
    {
        const int n = 32;
        var fft = new RealFft(n);
        var x = new double[n];
        foreach (int k in new[] { 1, 5, 15 })
        {
            var re = new double[fft.Coefficients];
            var im = new double[fft.Coefficients];
            // X_k = N/2 (a - i b) and its conjugate at -k make a cos + b sin.
            re[k] = n / 2.0 * 0.7;
            im[k] = -n / 2.0 * 0.3;
            fft.Inverse(re, im, x);
            for (int j = 0; j < n; j++)
                Assert.Equal(0.7 * Math.Cos(2 * Math.PI * k * j / n) + 0.3 * Math.Sin(2 * Math.PI * k * j / n), x[j], 1e-13);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(0)]
    public void Lengths_that_are_not_powers_of_two_of_at_least_four_are_refused(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(length));
}
