using DeepRom.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace DeepRom.Tests.Numerics.LinearAlgebra;

public class RegularisedLeastSquaresTests
{
    [Fact]
    public void Ridge_solves_the_regularised_normal_equations()
    {
        manual_seed(8);
        using var x = randn(30, 5, dtype: float64);
        using var y = randn(30, 2, dtype: float64);

        using var w = RegularisedLeastSquares.Solve(x, y, 0.5);

        // Gradient of ||X W - Y||^2 + lambda ||W||^2 vanishes: X^T (X W - Y) + lambda W = 0.
        using var gradient = matmul(x.t(), matmul(x, w) - y) + 0.5 * w;
        Assert.True(gradient.abs().max().item<double>() < 1e-10);
    }

    [Fact]
    public void Without_regulariser_a_rank_deficient_problem_gets_the_minimum_norm_solution()
    {
        // Two equal columns: every W with w1 + w2 = 2 fits y = 2 x exactly; the smallest has w1 = w2 = 1.
        using var column = arange(1, 7, dtype: float64).view(-1, 1);
        using var x = cat([column, column], 1);
        using var y = 2 * column;

        using var w = RegularisedLeastSquares.Solve(x, y, 0);

        Assert.Equal(1.0, w[0, 0].item<double>(), 10);
        Assert.Equal(1.0, w[1, 0].item<double>(), 10);
    }
}
