using CsCheck;
using DeepRom.Numerics.Roots;

namespace DeepRom.Tests.Numerics.Roots;

/// <summary>Brent's root finder: accuracy on known roots, its speed against bisection, and refusal of brackets without a sign change.</summary>
public class BrentRootTests
{
    [Fact]
    public void A_bracketed_root_of_a_random_cubic_is_found_within_the_tolerance() =>
        Gen.Select(Gen.Double[-5, 5], Gen.Double[0.1, 3], Gen.Double[0.1, 3], Gen.Double[-2, 2]).Sample((root, below, above, curvature) =>
        {
            // (x - r)(1 + c^2 (x - r)^2) is increasing, so r is its only root.
            double F(double x) => (x - root) * (1 + curvature * curvature * (x - root) * (x - root));
            double found = BrentRoot.Find(F, root - below, root + above, 1e-10);
            Assert.True(Math.Abs(found - root) <= 1e-10 + 1e-14 * Math.Abs(root), $"{found} against {root}");
        });

    [Fact]
    public void Cos_x_equals_x_is_solved_in_fewer_evaluations_than_bisection_would_need()
    {
        int evaluations = 0;
        double root = BrentRoot.Find(x => { evaluations++; return Math.Cos(x) - x; }, 0, 1, 1e-12);

        Assert.Equal(0.7390851332151607, root, 1e-12);
        Assert.True(evaluations < 20, $"{evaluations} evaluations (bisection needs 40)"); // measured 8
    }

    [Fact]
    public void A_function_with_a_kink_at_its_root_still_converges() =>
        Assert.Equal(0.3, BrentRoot.Find(x => x < 0.3 ? 10 * (x - 0.3) : 0.01 * (x - 0.3), -2, 5, 1e-9), 1e-9);

    [Fact]
    public void An_end_that_is_a_root_is_returned_and_a_bracket_without_a_sign_change_is_refused()
    {
        Assert.Equal(2, BrentRoot.Find(x => x - 2, 2, 3, 1e-9));
        Assert.Throws<ArgumentException>(() => BrentRoot.Find(x => x * x + 1, -1, 1, 1e-9));
    }
}
