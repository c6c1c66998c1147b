using DeepRom.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace DeepRom.Tests.Numerics.LinearAlgebra;

public class SpectralRadiusTests
{
    [Fact]
    public void The_spectral_radius_agrees_with_the_largest_modulus_of_the_dense_real_eigenvalues()
    {
        var random = new Random(4);
        var matrix = new double[12, 12];
        var flat = new double[144];
        for (int i = 0; i < 12; i++)
        for (int j = 0; j < 12; j++)
            flat[i * 12 + j] = matrix[i, j] = random.NextDouble() * 2 - 1;
        using var tensorMatrix = tensor(flat, dtype: float64).view(12, 12);

        double expected = RealEigenvalues.Of(matrix).Max(l => l.Magnitude);

        Assert.Equal(expected, SpectralRadius.Of(tensorMatrix), 10);
    }

    [Fact]
    public void A_rotation_scaled_by_r_has_radius_r_though_power_iteration_would_not_converge()
    {
        // Eigenvalues r e^{+-i theta}: a complex pair of equal modulus.
        double r = 0.9, theta = 0.7;
        using var rotation = tensor(new[] { r * Math.Cos(theta), -r * Math.Sin(theta), r * Math.Sin(theta), r * Math.Cos(theta) }, dtype: float64).view(2, 2);

        Assert.Equal(r, SpectralRadius.Of(rotation), 12);
    }
}
