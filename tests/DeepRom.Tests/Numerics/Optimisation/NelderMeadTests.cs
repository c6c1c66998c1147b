using DeepRom.Numerics.Optimisation;

namespace DeepRom.Tests.Numerics.Optimisation;

public class NelderMeadTests
{
    [Fact]
    public void Rosenbrock_converges_to_one_one()
    {
        int calls = 0;
        double Rosenbrock(double[] x)
        {
            calls++;
            return 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);
        }
        var (x, value, evaluations) = NelderMead.Minimize(Rosenbrock, [-1.2, 1.0], new NelderMeadOptions(5000, 1e-10, 1e-14));
        Assert.Equal(1.0, x[0], 1e-5);
        Assert.Equal(1.0, x[1], 1e-5);
        Assert.True(value < 1e-10);
        Assert.Equal(calls, evaluations);
        Assert.True(evaluations < 5000);
    }

    [Fact]
    public void Four_dimensional_quadratic_bowl_reaches_its_centre()
    {
        double[] centre = [1, -2, 3, 0.5];
        double[] weights = [1, 10, 0.5, 4];
        double Bowl(double[] x) => x.Select((v, i) => weights[i] * (v - centre[i]) * (v - centre[i])).Sum() + 7;
        var (x, value, _) = NelderMead.Minimize(Bowl, [0, 0, 0, 0], new NelderMeadOptions(10000, 1e-9, 1e-14));
        for (int i = 0; i < 4; i++) Assert.Equal(centre[i], x[i], 1e-6);
        Assert.Equal(7, value, 1e-10);
    }

    [Fact]
    public void Stops_at_the_evaluation_limit()
    {
        var (_, _, evaluations) = NelderMead.Minimize(x => x[0] * x[0] + x[1] * x[1], [5, 5], new NelderMeadOptions(MaxEvaluations: 20));
        // The limit is checked once per iteration, and an iteration costs at most n + 2 evaluations (a shrink).
        Assert.InRange(evaluations, 20, 20 + 3);
    }

    [Fact]
    public void Nan_values_are_treated_as_worst_and_avoided()
    {
        double F(double[] x) => x[0] < 0 ? double.NaN : (x[0] - 2) * (x[0] - 2);
        var (x, value, _) = NelderMead.Minimize(F, [0.5], new NelderMeadOptions(1000, 1e-10, 1e-14));
        Assert.Equal(2, x[0], 1e-5);
        Assert.True(value < 1e-9);
    }
}
