using CsCheck;
using DeepRom.Numerics.Ode;

namespace DeepRom.Tests.Numerics.Ode;

/// <summary>DOP853: its tableau's order conditions, eighth-order convergence, error proportional to the tolerance, exact landing on samples.</summary>
public class DormandPrince853Tests
{
    [Fact]
    public void The_tableau_rows_sum_to_the_nodes_and_the_weights_integrate_polynomials_to_degree_seven()
    {
        double[] c = DormandPrince853Tableau.C, b = DormandPrince853Tableau.B;
        double[][] a = DormandPrince853Tableau.A;
        for (int i = 0; i < c.Length; i++) Assert.Equal(c[i], a[i].Sum(), 1e-14);
        // The quadrature conditions of order 8: sum b_i c_i^(k-1) = 1/k.
        for (int k = 1; k <= 8; k++) Assert.Equal(1.0 / k, b.Select((w, i) => w * Math.Pow(c[i], k - 1)).Sum(), 1e-14);
        // Both error estimates are differences of consistent methods: their weights sum to zero.
        Assert.Equal(0, DormandPrince853Tableau.E5.Sum(), 1e-14);
        Assert.Equal(0, DormandPrince853Tableau.E3.Sum(), 1e-14);
    }

    [Fact]
    public void The_tableau_meets_the_order_conditions_of_the_trees_up_to_order_four()
    {
        double[] c = DormandPrince853Tableau.C, b = DormandPrince853Tableau.B;
        double[][] a = DormandPrince853Tableau.A;
        double Ac(Func<int, double> f, int i) => a[i].Select((v, j) => v * f(j)).Sum();
        // sum b_i a_ij c_j = 1/6, sum b_i c_i a_ij c_j = 1/8, sum b_i a_ij c_j^2 = 1/12, sum b_i a_ij a_jk c_k = 1/24.
        Assert.Equal(1.0 / 6, b.Select((w, i) => w * Ac(j => c[j], i)).Sum(), 1e-14);
        Assert.Equal(1.0 / 8, b.Select((w, i) => w * c[i] * Ac(j => c[j], i)).Sum(), 1e-14);
        Assert.Equal(1.0 / 12, b.Select((w, i) => w * Ac(j => c[j] * c[j], i)).Sum(), 1e-14);
        Assert.Equal(1.0 / 24, b.Select((w, i) => w * Ac(j => Ac(k => c[k], j), i)).Sum(), 1e-14);
    }

    [Fact]
    public void With_a_fixed_step_the_error_on_the_kepler_orbit_falls_with_the_eighth_power_of_the_step()
    {
        const double end = 10;
        double Error(int steps)
        {
            var dop853 = new DormandPrince853(TestProblems.Kepler, ErrorTolerance.GroundTruth);
            double[] state = TestProblems.CircularOrbitStart, next = new double[4];
            double h = end / steps;
            for (int k = 0; k < steps; k++)
            {
                dop853.Step(k * h, h, state, next);
                next.CopyTo(state, 0);
            }
            return TestProblems.CircularOrbitError(state, end);
        }

        double[] errors = [Error(20), Error(40), Error(80)];

        // Measured 7.68 and 7.82 (8 in the limit); at 160 steps round-off starts to show.
        Assert.InRange(TestProblems.Order(errors[0], errors[1]), 7.5, 8.5);
        Assert.InRange(TestProblems.Order(errors[1], errors[2]), 7.6, 8.5);
    }

    [Fact]
    public void The_global_error_is_proportional_to_the_tolerance()
    {
        // Free steps over three orbits; error / rtol stayed between 0.9 and 4.9 for rtol 1e-4 .. 1e-12.
        double[] tolerances = [1e-6, 1e-8, 1e-10, 1e-12];
        var errors = tolerances.Select(rtol =>
        {
            var states = new double[8];
            new DormandPrince853(TestProblems.Kepler, new ErrorTolerance(rtol, rtol / 100)).Solve(TestProblems.CircularOrbitStart, [0, 20], states);
            return TestProblems.CircularOrbitError(states.AsSpan(4), 20);
        }).ToArray();

        for (int k = 0; k < tolerances.Length; k++) Assert.InRange(errors[k] / tolerances[k], 0.2, 10);
        double slope = Math.Log10(errors[^1] / errors[0]) / Math.Log10(tolerances[^1] / tolerances[0]);
        Assert.InRange(slope, 0.9, 1.1);
    }

    [Fact]
    public void Samples_of_an_exponential_match_the_exact_solution_for_any_rate_and_start()
    {
        Gen.Select(Gen.Double[-3, 1], Gen.Double[-5, 5], Gen.Double[0.01, 0.5]).Sample((lambda, x0, dt) =>
        {
            double[] times = Enumerable.Range(0, 40).Select(k => k * dt).ToArray();
            var states = new double[times.Length];
            new DormandPrince853(TestProblems.Exponential(lambda), ErrorTolerance.GroundTruth).Solve([x0], times, states);
            for (int k = 0; k < times.Length; k++)
                // Growing solutions accumulate the local errors: the worst of 20,000 draws was 1.1e-10 relative (rtol 1e-10).
                Assert.True(Math.Abs(states[k] - x0 * Math.Exp(lambda * times[k])) <= 1e-9 * Math.Max(1, Math.Abs(states[k])),
                    $"lambda {lambda}, x0 {x0}, t {times[k]}: {states[k]} vs {x0 * Math.Exp(lambda * times[k])}");
        }, iter: 100);
    }

    [Fact]
    public void The_solution_at_rtol_1e_10_agrees_with_a_much_finer_integration_where_the_step_must_adapt()
    {
        double[] times = Enumerable.Range(0, 201).Select(k => k * 0.1).ToArray();
        var tight = new double[times.Length * 2];
        var finer = new double[times.Length * 2];
        var solver = new DormandPrince853(TestProblems.StiffishVanDerPol, ErrorTolerance.GroundTruth);

        solver.Solve([2, 0], times, tight);
        new DormandPrince853(TestProblems.StiffishVanDerPol, new ErrorTolerance(1e-14, 1e-16)) { MaxStep = 0.01 }.Solve([2, 0], times, finer);

        double worst = tight.Zip(finer, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-8, $"largest deviation {worst:E2}");
        Assert.True(solver.Counts.Rejected > 0, "the problem should make the controller reject some steps");
    }

    [Fact]
    public void Solve_lands_exactly_on_the_sample_times_and_starts_from_the_initial_state()
    {
        // With lambda = 0 the exact solution is constant, so any landing error would show as a change of state in time.
        var states = new double[3 * 2];
        var solver = new DormandPrince853(TestProblems.Exponential(0, dimension: 2), ErrorTolerance.GroundTruth);

        solver.Solve([1.5, -2], [0, 0.3, 7], states);

        Assert.Equal([1.5, -2, 1.5, -2, 1.5, -2], states);
        Assert.True(solver.Counts.Accepted >= 2);
    }

    [Fact]
    public void Times_that_do_not_increase_are_refused()
    {
        var solver = new DormandPrince853(TestProblems.Exponential(-1), ErrorTolerance.GroundTruth);

        Assert.Throws<ArgumentException>(() => solver.Solve([1], [0, 1, 1], new double[3]));
        Assert.Throws<ArgumentException>(() => solver.Solve([1], [0, double.NaN], new double[2]));
        Assert.Throws<ArgumentException>(() => solver.Solve([1], [0, 1], new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DormandPrince853(TestProblems.Kepler, new ErrorTolerance(0, 1e-12)));
    }

    [Fact]
    public void A_solution_that_blows_up_stops_with_the_time_it_reached()
    {
        // x' = x^2 from 1 reaches infinity at t = 1.
        var blowUp = new VectorField(1, (_, x, r) => r[0] = x[0] * x[0]);

        var e = Assert.Throws<IntegrationException>(() =>
            new DormandPrince853(blowUp, ErrorTolerance.GroundTruth).Solve([1], [0, 2], new double[2]));

        Assert.InRange(e.Time, 0.99, 1.001);
    }
}
