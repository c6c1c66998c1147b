using System.Numerics;
using CsCheck;
using DeepRom.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace DeepRom.Tests.Numerics.LinearAlgebra;

/// <summary>The dense nonsymmetric eigenvalue solver against matrices built with known eigenvalues, MathNet's Evd and exact cases.</summary>
public class RealEigenvaluesTests
{
    /// <summary>
    /// Eigenvalues on a grid of spacing 0.5 (distinct, so each is well conditioned), some as conjugate pairs a +- ib from 2 x 2
    /// blocks [[a, b], [-b, a]]; the matrix is S D S^-1 with S = I + 0.3 R, R uniform in [-1, 1].
    /// </summary>
    private static readonly Gen<(Complex[] Values, double[,] Matrix)> KnownSpectrum =
        Gen.Select(Gen.Int[1, 10], Gen.Int[0, 5], Gen.Int[0, int.MaxValue]).Select((n, pairs, seed) =>
        {
            var random = new Random(seed);
            pairs = Math.Min(pairs, n / 2);
            var used = new HashSet<(int, int)>();
            (int, int) Fresh(bool complex)
            {
                while (true)
                {
                    var key = (random.Next(-12, 13), complex ? random.Next(1, 9) : 0);
                    if (used.Add(key)) return key;
                }
            }
            var d = new double[n, n];
            var values = new List<Complex>();
            int k = 0;
            for (int p = 0; p < pairs; p++, k += 2)
            {
                var (re, im) = Fresh(true);
                double a = re / 2.0, b = im / 2.0;
                (d[k, k], d[k, k + 1], d[k + 1, k], d[k + 1, k + 1]) = (a, b, -b, a);
                values.Add(new Complex(a, b));
                values.Add(new Complex(a, -b));
            }
            for (; k < n; k++)
            {
                double a = Fresh(false).Item1 / 2.0;
                d[k, k] = a;
                values.Add(a);
            }
            var s = Matrix<double>.Build.Dense(n, n, (i, j) => (i == j ? 1 : 0) + 0.3 * (2 * random.NextDouble() - 1));
            return (values.ToArray(), (s * Matrix<double>.Build.DenseOfArray(d) * s.Inverse()).ToArray());
        });

    [Fact]
    public void Matrices_similar_to_a_known_block_diagonal_give_back_its_eigenvalues() =>
        KnownSpectrum.Sample(c =>
        {
            Complex[] computed = RealEigenvalues.Of(c.Matrix);
            AssertSameValues(c.Values, computed, 1e-8);
        }, iter: 500);

    /// <summary>Pairs each expected value with the nearest computed one: equal real parts may be ordered differently by round-off.</summary>
    private static void AssertSameValues(Complex[] expected, Complex[] computed, double tolerance)
    {
        Assert.Equal(expected.Length, computed.Length);
        var left = computed.ToList();
        foreach (Complex e in expected)
        {
            Complex nearest = left.MinBy(v => Complex.Abs(v - e));
            Assert.True(Complex.Abs(nearest - e) < tolerance, $"{e} has no partner in [{string.Join(", ", computed)}]");
            left.Remove(nearest);
        }
    }

    [Fact]
    public void Random_matrices_agree_with_mathnet_and_conserve_trace_and_determinant() =>
        Gen.Select(Gen.Int[1, 9], Gen.Int[0, int.MaxValue]).Sample((n, seed) =>
        {
            var random = new Random(seed);
            var a = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) a[i, j] = 2 * random.NextDouble() - 1;
            Complex[] computed = RealEigenvalues.Of(a);
            var m = Matrix<double>.Build.DenseOfArray(a);
            AssertSameValues(m.Evd().EigenValues.Select(v => new Complex(v.Real, v.Imaginary)).ToArray(), computed, 1e-7);
            Complex sum = computed.Aggregate(Complex.Zero, (x, y) => x + y), product = computed.Aggregate(Complex.One, (x, y) => x * y);
            Assert.Equal(m.Trace(), sum.Real, 1e-10);
            Assert.Equal(0, sum.Imaginary, 1e-10);
            Assert.Equal(m.Determinant(), product.Real, 1e-9);
        }, iter: 300);

    [Fact]
    public void Complex_eigenvalues_come_in_exact_conjugate_pairs_sorted_by_real_part() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var a = new double[8, 8];
            for (int i = 0; i < 8; i++)
                for (int j = 0; j < 8; j++) a[i, j] = 2 * random.NextDouble() - 1;
            Complex[] values = RealEigenvalues.Of(a);
            for (int i = 1; i < values.Length; i++) Assert.True(values[i - 1].Real >= values[i].Real);
            foreach (Complex v in values.Where(v => v.Imaginary != 0)) Assert.Contains(Complex.Conjugate(v), values);
        });

    [Fact]
    public void A_triangular_matrix_gives_its_diagonal_and_the_input_is_left_unchanged()
    {
        double[,] a = { { 3, 1, -2, 4 }, { 0, -1, 5, 2 }, { 0, 0, 7, 1 }, { 0, 0, 0, 0.5 } };
        var copy = (double[,])a.Clone();

        Complex[] values = RealEigenvalues.Of(a);

        Assert.Equal([7, 3, 0.5, -1], values.Select(v => v.Real));
        Assert.All(values, v => Assert.Equal(0, v.Imaginary));
        Assert.Equal(copy, a);
    }

    [Fact]
    public void Entries_spanning_many_orders_of_magnitude_are_balanced_away()
    {
        // D T D^-1 with D = diag(1, 1e6, 1e-6) has T's eigenvalues but entries from 1e-13 to 1e11.
        double[,] t = { { 1, 0.5, 0.25 }, { 0.1, 2, 0.3 }, { 0.2, -0.4, 3 } };
        double[] d = [1, 1e6, 1e-6];
        var scaled = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) scaled[i, j] = d[i] * t[i, j] / d[j];

        Complex[] expected = RealEigenvalues.Of(t), values = RealEigenvalues.Of(scaled);

        AssertSameValues(Matrix<double>.Build.DenseOfArray(t).Evd().EigenValues.Select(v => new Complex(v.Real, v.Imaginary)).ToArray(), expected, 1e-12);
        AssertSameValues(expected, values, 1e-12);
    }

    [Fact]
    public void The_rotation_generator_has_eigenvalues_plus_and_minus_i()
    {
        Complex[] values = RealEigenvalues.Of(new double[,] { { 0, -1 }, { 1, 0 } });

        Assert.Equal([new Complex(0, 1), new Complex(0, -1)], values);
    }

    [Fact]
    public void A_non_square_or_non_finite_matrix_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RealEigenvalues.Of(new double[2, 3]));
        Assert.Throws<ArgumentException>(() => RealEigenvalues.Of(new double[,] { { 1, double.NaN }, { 0, 1 } }));
    }
}
