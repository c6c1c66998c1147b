using DeepRom.Numerics.Ode;

namespace DeepRom.Tests.Numerics.Ode;

/// <summary>The scipy RK45 emulation reproduces scipy's documented runs step for step.</summary>
public class DormandPrince54Tests
{
    [Fact]
    public void The_exponential_decay_of_scipys_solve_ivp_example_takes_the_same_steps_to_the_same_values()
    {
        // scipy.integrate.solve_ivp docstring: fun = -0.5 y, t_span [0, 10], y0 [2, 4, 8], default RK45, rtol 1e-3, atol 1e-6:
        // sol.t and sol.y[0] as printed (8 digits).
        double[] stepTimes = [0, 0.11487653, 1.26364188, 3.06061781, 4.81611105, 6.57445806, 8.33328988, 10];
        double[] first = [2, 1.88836035, 1.06327177, 0.43319312, 0.18017253, 0.07483045, 0.03107158, 0.01350781];
        var solver = new DormandPrince54(TestProblems.Exponential(-0.5, dimension: 3), ErrorTolerance.ScipyDefault);
        var states = new double[stepTimes.Length * 3];

        solver.Solve([2, 4, 8], stepTimes, states);

        // Sampling at the printed (rounded) step times reads the dense output within 5e-9 of each step.
        for (int k = 0; k < stepTimes.Length; k++)
        {
            Assert.Equal(first[k], states[3 * k], 1.5e-8);
            Assert.Equal(4 * first[k], states[3 * k + 2], 6e-8);
        }
        Assert.Equal(new StepCounts(7, 0, 2 + 7 * 6), solver.Counts);
    }

    [Fact]
    public void The_cannon_of_scipys_example_takes_seven_steps_growing_tenfold()
    {
        // solve_ivp(upward_cannon, [0, 100], [0, 10]) printed steps of 1e-4, 1e-3, 1e-2, 0.1, 1, 10 and 89 (seven in all).
        var cannon = new VectorField(2, (_, y, r) => { r[0] = y[1]; r[1] = -0.5; });
        var solver = new DormandPrince54(cannon, ErrorTolerance.ScipyDefault);
        var states = new double[4];

        solver.Solve([0, 10], [0, 100], states);

        Assert.Equal(7, solver.Counts.Accepted);
        Assert.Equal(0, solver.Counts.Rejected);
        Assert.Equal(10 * 100 - 0.25 * 100 * 100, states[2], 1e-9);
    }

    [Fact]
    public void Its_error_shrinks_with_the_fifth_power_of_the_tolerance_step()
    {
        // A 5(4) pair under error-per-step control: the global error follows the tolerance, well above it at loose settings.
        double Error(double rtol)
        {
            var states = new double[8];
            new DormandPrince54(TestProblems.Kepler, new ErrorTolerance(rtol, rtol / 100)).Solve(TestProblems.CircularOrbitStart, [0, 20], states);
            return TestProblems.CircularOrbitError(states.AsSpan(4), 20);
        }

        double loose = Error(1e-3), tight = Error(1e-9);

        Assert.True(loose > 1e-3, $"error at rtol 1e-3 was {loose:E2}");
        Assert.True(tight < 1e-7, $"error at rtol 1e-9 was {tight:E2}");
    }
}
