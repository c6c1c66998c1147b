using CsCheck;
using DeepRom.Numerics.Ode;

namespace DeepRom.Tests.Numerics.Ode;

/// <summary>Classical RK4: fourth-order convergence, and the batched step equal to stepping each state alone.</summary>
public class RungeKutta4Tests
{
    [Fact]
    public void The_error_on_the_kepler_orbit_falls_sixteenfold_when_the_step_halves()
    {
        const double end = 10;
        double Error(int steps)
        {
            var rk4 = new RungeKutta4(TestProblems.Kepler);
            double[] state = TestProblems.CircularOrbitStart;
            double h = end / steps;
            for (int k = 0; k < steps; k++) rk4.Step(k * h, h, state);
            return TestProblems.CircularOrbitError(state, end);
        }

        double[] errors = [Error(200), Error(400), Error(800)];

        Assert.InRange(TestProblems.Order(errors[0], errors[1]), 3.9, 4.3);
        Assert.InRange(TestProblems.Order(errors[1], errors[2]), 3.9, 4.2);
    }

    [Fact]
    public void One_step_of_the_exponential_is_the_fourth_order_taylor_polynomial()
    {
        // For x' = lambda x, RK4's step multiplies by 1 + z + z^2/2 + z^3/6 + z^4/24, z = lambda h.
        var rk4 = new RungeKutta4(TestProblems.Exponential(-0.7));
        double[] x = [2];
        double z = -0.7 * 0.3;

        rk4.Step(0, 0.3, x);

        Assert.Equal(2 * (1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24), x[0], 1e-15);
    }

    [Fact]
    public void A_batch_of_states_steps_exactly_as_each_state_alone()
    {
        Gen.Int[1, 6].SelectMany(n => Gen.Select(Gen.Double[-2, 2].Array[4 * n], Gen.Double[0.001, 0.2], (states, h) => (n, states, h)))
            .Where(c => c.states.Chunk(4).All(s => s[0] * s[0] + s[1] * s[1] > 0.1))
            .Sample(c =>
            {
                var batch = (double[])c.states.Clone();
                new RungeKutta4(TestProblems.Kepler).Step(0.5, c.h, batch);
                for (int m = 0; m < c.n; m++)
                {
                    var alone = c.states.AsSpan(4 * m, 4).ToArray();
                    new RungeKutta4(TestProblems.Kepler).Step(0.5, c.h, alone);
                    Assert.Equal(alone, batch.AsSpan(4 * m, 4).ToArray());
                }
            }, iter: 200);
    }

    [Fact]
    public void Integrate_writes_every_step_of_every_state_with_the_start_first()
    {
        var rk4 = new RungeKutta4(TestProblems.Exponential(-1, dimension: 2));
        var trajectories = new double[2 * 4 * 2];

        rk4.Integrate([1, 2, 3, 4], 0, 0.1, 3, trajectories);

        Assert.Equal([1, 2], trajectories[..2]);
        Assert.Equal([3, 4], trajectories[8..10]);
        double factor = Math.Pow(1 - 0.1 + 0.005 - 0.1 * 0.1 * 0.1 / 6 + 1e-4 / 24, 3);
        Assert.Equal(4 * factor, trajectories[^1], 1e-14);
        Assert.Equal(1 * factor, trajectories[6], 1e-14);
    }

    [Fact]
    public void A_batch_that_is_not_whole_states_is_refused()
    {
        var rk4 = new RungeKutta4(TestProblems.Kepler);

        Assert.Throws<ArgumentException>(() => rk4.Step(0, 0.1, new double[6]));
        Assert.Throws<ArgumentException>(() => rk4.Step(0, 0.1, Span<double>.Empty));
    }
}
