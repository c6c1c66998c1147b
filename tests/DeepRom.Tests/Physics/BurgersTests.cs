using DeepRom.Physics.Burgers;

namespace DeepRom.Tests.Physics;

/// <summary>The physics of the Burgers full-order model: steady state, conservation, shock speed and convergence.</summary>
public class BurgersTests
{
    private static readonly BurgersConfig Paper = new();

    private static double[] Centres(BurgersConfig config) =>
        Enumerable.Range(0, config.Cells).Select(i => (i + 0.5) * config.CellWidth).ToArray();

    private static double Source(BurgersConfig config, BurgersParameters p, double x) => config.SourceAmplitude * Math.Exp(p.Mu2 * x);

    /// <summary>(w^2/2)' = a exp(mu2 x), w(0) = mu1, integrated in closed form: w^2 = mu1^2 + 2 (a / mu2)(exp(mu2 x) - 1).</summary>
    private static double ExactSteady(BurgersConfig config, BurgersParameters p, double x) =>
        Math.Sqrt(p.Mu1 * p.Mu1 + 2 * config.SourceAmplitude / p.Mu2 * double.ExpM1(p.Mu2 * x));

    /// <summary>Steps from the uniform initial state until no cell changes by more than 1e-13 relative; returns the state and the step count.</summary>
    private static (double[] W, int Steps) StepToSteady(BurgersConfig config, BurgersParameters p)
    {
        var stepper = new BurgersStepper(config, p);
        var w = Enumerable.Repeat(config.Initial, config.Cells).ToArray();
        var previous = new double[w.Length];
        for (int step = 1; step <= 100_000; step++)
        {
            w.CopyTo(previous, 0);
            stepper.Step(w);
            double change = 0, size = 0;
            for (int i = 0; i < w.Length; i++) (change, size) = (Math.Max(change, Math.Abs(w[i] - previous[i])), Math.Max(size, w[i]));
            if (change <= 1e-13 * size) return (w, step);
        }
        throw new Xunit.Sdk.XunitException("no steady state within 100000 steps");
    }

    [Fact]
    public void The_long_time_solution_satisfies_the_discrete_steady_equations_and_is_within_a_cell_of_the_exact_steady_state()
    {
        var p = new BurgersParameters(4.3, 0.021);
        var (w, steps) = StepToSteady(Paper, p);
        double dx = Paper.CellWidth;
        var x = Centres(Paper);

        // Flux out minus flux in balances the cell's source in every cell, with fluxes from the general Godunov formula.
        double inflow = GodunovFlux.Burgers(p.Mu1, w[0]);
        for (int i = 0; i < w.Length; i++)
        {
            double outflow = i + 1 < w.Length ? GodunovFlux.Burgers(w[i], w[i + 1]) : GodunovFlux.Burgers(w[i], w[i]);
            double balance = outflow - inflow - Source(Paper, p, x[i]) * dx;
            Assert.True(Math.Abs(balance) < 1e-10, $"cell {i}: flux difference minus source * dx = {balance:E2} after {steps} steps");
            inflow = outflow;
        }

        // The discrete state is the exact one sampled half a cell downstream, so it differs by about w' dx / 2 <= dx max |w'|.
        double slope = x.Max(xi => Source(Paper, p, xi) / ExactSteady(Paper, p, xi));
        double error = x.Select((xi, i) => Math.Abs(w[i] - ExactSteady(Paper, p, xi))).Max();
        Assert.True(error <= dx * slope, $"max |w - w_exact| = {error:E3}, dx max|w'| = {dx * slope:E3}");
    }

    [Fact]
    public void The_steady_state_error_halves_when_the_cells_double()
    {
        var p = new BurgersParameters(5.15, 0.0285);
        int[] cells = [32, 64, 128, 256, 512];
        var errors = cells.Select(n =>
        {
            // The steady equations do not contain dt, so a large step reaches the same steady state in few steps.
            var config = Paper with { Cells = n, TimeStep = 5 };
            var (w, _) = StepToSteady(config, p);
            return Centres(config).Select((xi, i) => Math.Abs(w[i] - ExactSteady(config, p, xi))).Max();
        }).ToArray();
        for (int g = 1; g < cells.Length; g++)
        {
            double ratio = errors[g - 1] / errors[g];
            Assert.True(ratio is >= 1.7 and <= 2.3, $"error ratio {cells[g - 1]} -> {cells[g]}: {ratio:F3} (errors {string.Join(", ", errors.Select(e => e.ToString("E3")))})");
        }
    }

    [Theory]
    [InlineData(4.25, 0.015)]
    [InlineData(5.15, 0.0285)]
    [InlineData(5.5, 0.03)]
    public void Every_step_conserves_mass_inflow_minus_outflow_plus_source_equals_the_change_of_the_total(double mu1, double mu2)
    {
        var p = new BurgersParameters(mu1, mu2);
        var stepper = new BurgersStepper(Paper, p);
        double dx = Paper.CellWidth, dt = Paper.TimeStep;
        double sourceTotal = Centres(Paper).Sum(xi => Source(Paper, p, xi)) * dx;
        var w = Enumerable.Repeat(Paper.Initial, Paper.Cells).ToArray();
        var previous = new double[w.Length];
        var residual = new double[w.Length];
        for (int step = 1; step <= Paper.Steps; step++)
        {
            w.CopyTo(previous, 0);
            stepper.Step(w);
            double change = 0;
            for (int i = 0; i < w.Length; i++) change += (w[i] - previous[i]) * dx;
            double fluxIn = GodunovFlux.Burgers(mu1, w[0]), fluxOut = GodunovFlux.Burgers(w[^1], w[^1]);
            double imbalance = change - dt * (fluxIn - fluxOut + sourceTotal);
            Assert.True(Math.Abs(imbalance) < 1e-12, $"step {step}: mass change {change:R} vs dt (F_in - F_out + sum s dx) {change - imbalance:R}");

            stepper.Residual(previous, w, residual);
            Assert.True(residual.Max(Math.Abs) < 1e-12, $"step {step}: backward-Euler residual {residual.Max(Math.Abs):E2}");
        }
    }

    [Fact]
    public void A_source_free_riemann_shock_moves_at_the_rankine_hugoniot_speed()
    {
        // w = 2 left of x0 = 20, 1 right of it, inflow 2: one shock at speed (2 + 1) / 2 = 1.5.
        const double left = 2, right = 1, x0 = 20;
        var config = new BurgersConfig(Cells: 400, Length: 100, TimeStep: 0.05, SourceAmplitude: 0);
        var stepper = new BurgersStepper(config, new BurgersParameters(left, 0));
        var x = Centres(config);
        var w = x.Select(xi => xi < x0 ? left : right).ToArray();
        var previous = new double[w.Length];
        var residual = new double[w.Length];
        double dx = config.CellWidth, speed = (left + right) / 2;
        int stepsPerReport = 200; // t = 10
        var positions = new List<double>();
        for (int report = 1; report <= 4; report++)
        {
            for (int s = 0; s < stepsPerReport; s++)
            {
                w.CopyTo(previous, 0);
                stepper.Step(w);
                // The sweep assumes upwind fluxes; the residual uses the general Godunov flux, here across a shock.
                stepper.Residual(previous, w, residual);
                Assert.True(residual.Max(Math.Abs) < 1e-12, $"residual {residual.Max(Math.Abs):E2}");
            }
            double t = report * stepsPerReport * config.TimeStep;
            positions.Add(Crossing(x, w, (left + right) / 2));
            double expected = x0 + speed * t;
            // The smeared shock (about 8 cells from 1.9 to 1.1) is not symmetric, so its mid-level sits slightly off the
            // sharp shock; half a cell bounds that offset (it is about 0.04 here).
            Assert.True(Math.Abs(positions[^1] - expected) <= dx / 2,
                $"t = {t}: shock at {positions[^1]:F3}, Rankine-Hugoniot {expected:F3} (dx = {dx})");
        }
        double measured = (positions[^1] - positions[0]) / (3 * stepsPerReport * config.TimeStep);
        Assert.True(Math.Abs(measured - speed) < 1e-3, $"shock speed {measured:F5}, Rankine-Hugoniot {speed}");
    }

    /// <summary>Where the decreasing profile first falls through <paramref name="level"/>, interpolated between cell centres.</summary>
    private static double Crossing(double[] x, double[] w, double level)
    {
        for (int i = 1; i < w.Length; i++)
            if (w[i - 1] >= level && w[i] < level) return x[i - 1] + (w[i - 1] - level) / (w[i - 1] - w[i]) * (x[i] - x[i - 1]);
        throw new Xunit.Sdk.XunitException("no crossing");
    }

    /// <summary>The state at the face (x/t = 0) of the exact Riemann solution, written from the wave structure.</summary>
    private static double FaceState(double left, double right)
    {
        if (left > right) return (left + right) / 2 >= 0 ? left : right; // shock: whichever side it leaves behind
        if (left >= 0) return left;                                      // rarefaction moving right
        if (right <= 0) return right;                                    // rarefaction moving left
        return 0;                                                        // the fan spans the face
    }

    [Fact]
    public void The_godunov_flux_is_the_flux_of_the_exact_riemann_solution_at_the_face()
    {
        double[] values = [-3, -2, -1.5, -1, -0.25, 0, 0.25, 1, 1.5, 2, 3];
        foreach (double l in values)
            foreach (double r in values)
            {
                double face = FaceState(l, r);
                Assert.Equal(0.5 * face * face, GodunovFlux.Burgers(l, r), 15);
            }
        Assert.Equal(2.0, GodunovFlux.Burgers(2, 1));   // right-moving shock: upwind
        Assert.Equal(0.0, GodunovFlux.Burgers(-1, 1));  // transonic rarefaction
        Assert.Equal(2.0, GodunovFlux.Burgers(1, -2));  // left-moving shock
    }

    [Fact]
    public void A_simulation_stores_the_initial_state_and_every_step_as_float32()
    {
        var config = Paper with { Cells = 64, Steps = 40 };
        var p = new BurgersParameters(4.7, 0.02);
        var run = BurgersSolver.Run(config, p);

        Assert.Equal(41 * 64, run.Snapshots.Length);
        Assert.All(run.Snapshots.Take(64), v => Assert.Equal(1f, v));
        Assert.True(run.SolverSeconds > 0);

        var stepper = new BurgersStepper(config, p);
        var w = Enumerable.Repeat(1.0, 64).ToArray();
        for (int k = 1; k <= 40; k++)
        {
            stepper.Step(w);
            for (int i = 0; i < 64; i++) Assert.Equal((float)w[i], run.Snapshots[k * 64 + i]);
        }
        Assert.Equal(41, config.Times().Length);
        Assert.Equal(40 * 0.07, config.Times()[^1]);
    }

    [Fact]
    public void The_paper_run_takes_501_snapshots_to_t_35_while_the_inflow_shock_crosses_the_domain()
    {
        var run = BurgersSolver.Run(Paper, new BurgersParameters(4.3, 0.021));
        Assert.Equal(501 * 256, run.Snapshots.Length);
        Assert.Equal(35, Paper.Times()[^1], 12);
        Assert.All(run.Snapshots, v => Assert.True(v > 0 && float.IsFinite(v)));
        float[] Snapshot(int k) => run.Snapshots.AsSpan(k * 256, 256).ToArray();
        static int SteepestDrop(float[] w) => Enumerable.Range(1, w.Length - 1).MaxBy(i => w[i - 1] - w[i]);

        // At t = 14 the shock (speed about (4.4 + 1.6) / 2) is near x = 40; by t = 35 it has left through x = 100
        // and the profile only rises downstream, as the steady state does.
        var middle = Snapshot(200);
        Assert.InRange(SteepestDrop(middle) * Paper.CellWidth, 30, 50);
        Assert.True(middle[SteepestDrop(middle) - 3] - middle[SteepestDrop(middle) + 3] > 1);
        var last = Snapshot(500);
        for (int i = 1; i < last.Length; i++) Assert.True(last[i] >= last[i - 1], $"t = 35: w falls from cell {i - 1} to {i}");
        Assert.True(last[0] > 4.3f);
    }

    [Fact]
    public void The_generator_gives_the_same_fields_as_single_runs_in_any_order_and_records_solver_times()
    {
        var config = Paper with { Cells = 32, Steps = 60 };
        var points = BurgersParameterSets.Test(3);
        var set = BurgersGenerator.Generate(config, points);

        Assert.Equal([10, 61, 1, 32], set.FieldShape);
        Assert.Equal(["w"], set.Channels);
        Assert.Equal(["mu1", "mu2"], set.ParamNames!);
        Assert.Equal(config.Times(), set.Time);
        Assert.Equal("burgers", set.Generator);
        Assert.Equal(config, BurgersConfig.FromJson(set.GeneratorConfig));
        var seconds = (double[])set.Aux["solver_seconds"].Data;
        Assert.Equal([10], set.Aux["solver_seconds"].Shape);
        Assert.All(seconds, s => Assert.True(s > 0));
        for (int q = 0; q < points.Count; q++)
        {
            Assert.Equal(points[q].Mu1, set.Params![2 * q]);
            Assert.Equal(points[q].Mu2, set.Params![2 * q + 1]);
            var single = BurgersSolver.Run(config, points[q]).Snapshots;
            Assert.True(single.AsSpan().SequenceEqual(set.Fields.AsSpan(q * single.Length, single.Length)), $"simulation {q} differs");
        }
    }

    [Fact]
    public void A_cancelled_generation_stops_with_operation_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => BurgersGenerator.Generate(Paper, BurgersParameterSets.Train(), null, cancel.Token));
    }

    [Theory]
    [InlineData(1, 100, 0.07, 500, 1.0, 0.02, "Cells")]
    [InlineData(256, 0, 0.07, 500, 1.0, 0.02, "Length")]
    [InlineData(256, 100, 0, 500, 1.0, 0.02, "TimeStep")]
    [InlineData(256, 100, 0.07, 0, 1.0, 0.02, "Steps")]
    [InlineData(256, 100, 0.07, 500, 0.0, 0.02, "Initial")]
    [InlineData(256, 100, 0.07, 500, 1.0, -0.02, "SourceAmplitude")]
    public void Invalid_settings_are_refused_naming_the_setting(int cells, double length, double dt, int steps, double initial, double amplitude, string item)
    {
        var config = new BurgersConfig(cells, length, dt, steps, initial, amplitude);
        var e = Assert.Throws<InputException>(() => config.Validate());
        Assert.Equal(item, e.Item);
    }
}
