using DeepRom.Physics.Burgers;

namespace DeepRom.Tests.Physics;

public class BurgersParameterSetsTests
{
    private static double[] Evenly(double lo, double hi, int count) =>
        Enumerable.Range(0, count).Select(k => lo + (hi - lo) * k / (count - 1)).ToArray();

    [Fact]
    public void The_training_set_is_the_10_by_8_grid_over_the_box_with_both_ends_included()
    {
        var train = BurgersParameterSets.Train();

        Assert.Equal(80, train.Count);
        Assert.Equal(80, train.Distinct().Count());
        var mu1 = train.Select(p => p.Mu1).Distinct().Order().ToArray();
        var mu2 = train.Select(p => p.Mu2).Distinct().Order().ToArray();
        Assert.Equal(10, mu1.Length);
        Assert.Equal(8, mu2.Length);
        Assert.Equal(4.25, mu1[0]);
        Assert.Equal(5.5, mu1[^1]);
        Assert.Equal(0.015, mu2[0]);
        Assert.Equal(0.03, mu2[^1]);
        Assert.Equal(Evenly(4.25, 5.5, 10), mu1, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(Evenly(0.015, 0.03, 8), mu2, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.All(train, p => Assert.True(BurgersParameterSets.Contains(p)));
        // Every combination, mu1 slowest.
        Assert.Equal(new BurgersParameters(4.25, 0.03), train[7]);
        Assert.Equal(new BurgersParameters(5.5, 0.015), train[72]);
    }

    [Fact]
    public void The_test_set_is_the_two_literature_points_and_eight_seeded_interior_points()
    {
        var test = BurgersParameterSets.Test(42);

        Assert.Equal(10, test.Count);
        Assert.Equal(new BurgersParameters(4.3, 0.021), test[0]);
        Assert.Equal(new BurgersParameters(5.15, 0.0285), test[1]);
        Assert.All(test.Skip(2), p =>
        {
            Assert.InRange(p.Mu1, 4.25, 5.5);
            Assert.InRange(p.Mu2, 0.015, 0.03);
            Assert.True(p.Mu1 is not 4.25 and not 5.5 && p.Mu2 is not 0.015 and not 0.03, $"{p} on the boundary");
        });
        Assert.Equal(10, test.Distinct().Count());
        Assert.Equal(test, BurgersParameterSets.Test(42));
        Assert.NotEqual(test.Skip(2), BurgersParameterSets.Test(43).Skip(2));
    }

    [Fact]
    public void The_box_is_closed_and_excludes_nan()
    {
        Assert.True(BurgersParameterSets.Contains(new(4.25, 0.015)));
        Assert.True(BurgersParameterSets.Contains(new(5.5, 0.03)));
        Assert.False(BurgersParameterSets.Contains(new(4.2499, 0.02)));
        Assert.False(BurgersParameterSets.Contains(new(5.0, 0.0301)));
        Assert.False(BurgersParameterSets.Contains(new(double.NaN, 0.02)));
    }
}
