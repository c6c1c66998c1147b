using DeepRom.Models.Hits;
using DeepRom.Models.Hits.Forecasting;
using DeepRom.Numerics.Ode;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models.Hits;

/// <summary>The forecasts on a linear system x' = A x, whose flow map over s dt is the matrix exp(A s dt).</summary>
public class MultiscaleForecastTests
{
    private const double Dt = 0.01;

    // A damped rotation with two time scales: exp(A t) in closed form.
    private const double Slow = -0.05, Fast = -1.0, Omega = 2.0;

    private static double[,] Flow(double t) => new[,]
    {
        { Math.Exp(Slow * t) * Math.Cos(Omega * t), -Math.Exp(Slow * t) * Math.Sin(Omega * t), 0 },
        { Math.Exp(Slow * t) * Math.Sin(Omega * t), Math.Exp(Slow * t) * Math.Cos(Omega * t), 0 },
        { 0, 0, Math.Exp(Fast * t) },
    };

    private static readonly IVectorField Field = new VectorField(3, (_, x, rate) =>
    {
        rate[0] = Slow * x[0] - Omega * x[1];
        rate[1] = Omega * x[0] + Slow * x[1];
        rate[2] = Fast * x[2];
    });

    /// <summary>The exact flow map over <paramref name="steps"/> samples, in float64.</summary>
    private sealed class ExactFlow(int steps) : IFlowMap
    {
        public int Steps => steps;
        public int Calls { get; private set; }
        public Tensor Advance(Tensor states)
        {
            Calls++;
            using var m = tensor(Flow(steps * Dt), dtype: states.dtype);
            return states.matmul(m.t());
        }
    }

    private static Tensor Initial() => tensor(new[,] { { 1.0, 0.0, 2.0 }, { -0.5, 0.8, -1.0 } }, dtype: float64);

    /// <summary>Analytic states (N, horizon + 1, d).</summary>
    private static Tensor Analytic(Tensor initial, int horizon) =>
        stack(Enumerable.Range(0, horizon + 1).Select(t => initial.matmul(tensor(Flow(t * Dt), dtype: float64).t())).ToArray(), 1);

    [Theory]
    [InlineData(100)]
    [InlineData(101)] // not a multiple of the coarsest step: the finest level fills the tail
    public void With_exact_flow_maps_down_to_one_dt_every_sample_is_the_analytic_solution(int horizon)
    {
        using var x0 = Initial();
        var maps = new[] { 0, 1, 2, 3, 4 }.Select(k => new ExactFlow(LevelRange.StepOf(k))).ToArray();

        using var forecast = MultiscaleForecast.Run(x0, horizon, maps);
        using var dense = forecast.Interpolate(horizon);
        using var truth = Analytic(x0, horizon);

        Assert.True(forecast.Steps.Take(horizon + 1).SequenceEqual(Enumerable.Range(0, horizon + 1).Select(t => (long)t)), "every sample is stepped to");
        Assert.True(allclose(dense, truth, rtol: 1e-12, atol: 1e-13));
        // Vectorised: the coarsest level marches horizon / 16 times, each finer one steps once from all states at once.
        Assert.Equal(horizon / 16, maps[4].Calls);
        Assert.All(maps[1..4], m => Assert.Equal(1, m.Calls));
    }

    [Fact]
    public void Without_the_finest_levels_the_gaps_are_linear_interpolations_of_exact_states()
    {
        using var x0 = Initial();
        const int horizon = 96;
        using var forecast = MultiscaleForecast.Run(x0, horizon, [new ExactFlow(4), new ExactFlow(8), new ExactFlow(16)]);
        using var dense = forecast.Interpolate(horizon);
        using var truth = Analytic(x0, horizon);

        // Finer levels step from the last coarse state too, past the horizon, as the reference does.
        Assert.Equal(Enumerable.Range(0, horizon / 4 + 1).Select(t => 4L * t), forecast.Steps.TakeWhile(s => s <= horizon));
        for (int t = 0; t <= horizon; t++)
        {
            int left = t / 4 * 4, right = Math.Min(left + 4, horizon);
            double w = right == left ? 0 : (t - left) / 4.0;
            using var expected = truth.select(1, left) * (1 - w) + truth.select(1, right) * w;
            Assert.True(allclose(dense.select(1, t), expected, rtol: 1e-12, atol: 1e-13), $"sample {t}");
        }
    }

    [Fact]
    public void The_hybrid_with_exact_anchors_and_rk4_matches_the_analytic_solution_to_rk4_accuracy()
    {
        using var x0 = Initial();
        const int horizon = 128;
        using var truth = Analytic(x0, horizon);

        using var hybrid = ClassicalForecast.Hybrid(x0, horizon, new ExactFlow(32), Field, Dt, stepSamples: 1);
        using var rk4 = ClassicalForecast.Rk4(x0, horizon, Field, Dt, stepSamples: 1);

        Assert.Equal(Enumerable.Range(0, horizon + 1).Select(t => (long)t), hybrid.Steps);
        using var hybridDense = hybrid.Interpolate(horizon);
        using var rk4Dense = rk4.Interpolate(horizon);
        Assert.True(allclose(hybridDense, truth, rtol: 0, atol: 1e-9));
        Assert.True(allclose(rk4Dense, truth, rtol: 0, atol: 1e-8));
        // RK4's global error grows with the steps taken; the anchors reset it every 32 samples.
        double hybridError = (hybridDense - truth).abs().max().item<double>(), rk4Error = (rk4Dense - truth).abs().max().item<double>();
        Assert.True(hybridError < rk4Error, $"hybrid {hybridError:g3} vs RK4 {rk4Error:g3}");
    }

    [Fact]
    public void The_adaptive_pair_reads_every_sample_and_tightening_its_tolerance_shrinks_the_error()
    {
        using var x0 = Initial();
        const int horizon = 300;
        using var truth = Analytic(x0, horizon);
        double Error(double rtol)
        {
            using var forecast = ClassicalForecast.Adaptive(x0, horizon, Field, Dt, new ErrorTolerance(rtol, rtol * 1e-3));
            Assert.Equal(Enumerable.Range(0, horizon + 1).Select(t => (long)t), forecast.Steps);
            using var dense = forecast.Interpolate(horizon);
            return (dense - truth).abs().max().item<double>();
        }
        double loose = Error(1e-3), tight = Error(1e-9);
        Assert.True(tight < 1e-8, $"rtol 1e-9: max error {tight:g3}");
        Assert.True(loose > 100 * tight, $"rtol 1e-3: {loose:g3}, rtol 1e-9: {tight:g3}");
    }

    [Fact]
    public void Each_refinement_is_the_forecast_with_the_maps_down_to_its_level()
    {
        using var x0 = Initial();
        const int horizon = 75;
        var maps = new[] { 4, 3, 2, 1 }.Select(k => (IFlowMap)new ExactFlow(LevelRange.StepOf(k))).ToArray();

        int j = 0;
        foreach (var refinement in MultiscaleForecast.Refinements(x0, horizon, maps))
        {
            using (refinement)
            using (var alone = MultiscaleForecast.Run(x0, horizon, maps[..(j + 1)]))
            {
                Assert.Equal(alone.Steps, refinement.Steps);
                Assert.True(alone.States.eq(refinement.States).all().item<bool>(), $"maps down to {maps[j].Steps}");
            }
            j++;
        }
        Assert.Equal(4, j);
    }

    [Fact]
    public void Step_sizes_that_do_not_divide_the_coarser_ones_are_refused()
    {
        using var x0 = Initial();
        Assert.Throws<ArgumentException>(() => MultiscaleForecast.Run(x0, 10, [new ExactFlow(4), new ExactFlow(3)]));
    }
}
