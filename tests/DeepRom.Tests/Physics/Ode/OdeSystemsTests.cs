using CsCheck;
using DeepRom.Numerics.Ode;
using DeepRom.Physics.Ode;
using DeepRom.Physics.Ode.Systems;

namespace DeepRom.Tests.Physics.Ode;

/// <summary>The five HiTS systems' ground truth against closed forms, conservation laws, the attractor and a much finer integration.</summary>
public class OdeSystemsTests
{
    private static double[] Solve(DynamicalSystem system, double[] start, int points, ErrorTolerance? tolerance = null, double maxStep = double.PositiveInfinity)
    {
        var states = new double[points * system.Dimension];
        new DormandPrince853(system, tolerance ?? ErrorTolerance.GroundTruth) { MaxStep = maxStep }
            .Solve(start, OdeDataConfig.Times(system.TimeStep, points), states);
        return states;
    }

    [Fact]
    public void Hyperbolic_trajectories_match_the_closed_form_at_every_sample()
    {
        var system = new HyperbolicFixedPoint();
        var box = ((IndependentStarts)system.InitialStates).Train;
        Gen.Double[-1, 1].Array[2].Sample(start =>
        {
            double[] states = Solve(system, start, OdeDataConfig.ReferencePoints);
            var exact = new double[2];
            double worst = 0;
            for (int k = 0; k < OdeDataConfig.ReferencePoints; k++)
            {
                system.Exact(start, k * system.TimeStep, exact);
                worst = Math.Max(worst, Math.Max(Math.Abs(states[2 * k] - exact[0]), Math.Abs(states[2 * k + 1] - exact[1])));
            }
            Assert.True(worst < 1e-11, $"start ({start[0]}, {start[1]}): largest deviation {worst:E2}");
            Assert.True(box.Contains(start));
        }, iter: 10);
    }

    [Fact]
    public void Hopf_trajectories_match_the_polar_closed_form_and_keep_mu_fixed()
    {
        var system = new HopfNormalForm();
        var box = ((IndependentStarts)system.InitialStates).Train;
        Gen.Select(Gen.Double[-0.2, 0.6], Gen.Double[-1, 2], Gen.Double[-1, 1]).Sample((mu, x, y) =>
        {
            double[] start = [mu, x, y], states = Solve(system, start, OdeDataConfig.ReferencePoints), exact = new double[3];
            double worst = 0;
            for (int k = 0; k < OdeDataConfig.ReferencePoints; k += 7)
            {
                HopfNormalForm.Exact(start, k * system.TimeStep, exact);
                Assert.Equal(mu, states[3 * k]);
                worst = Math.Max(worst, Math.Max(Math.Abs(states[3 * k + 1] - exact[1]), Math.Abs(states[3 * k + 2] - exact[2])));
            }
            Assert.True(worst < 1e-9, $"start ({mu}, {x}, {y}): largest deviation {worst:E2}");
            Assert.True(box.Contains(start));
        }, iter: 10);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.45)]
    [InlineData(0.6)]
    public void Hopf_orbits_with_positive_mu_settle_on_the_limit_cycle_of_radius_sqrt_mu(double mu)
    {
        foreach (double[] start in new[] { new[] { mu, 2.0, 1.0 }, new[] { mu, 0.05, -0.02 } })
        {
            double[] states = Solve(new HopfNormalForm(), start, OdeDataConfig.ReferencePoints);
            // r^2 = mu / (1 + (mu / r0^2 - 1) e^(-2 mu t)): by t = 51.2 within 1e-7 relatively of the cycle even from r0 = 0.05, mu = 0.2.
            for (int k = OdeDataConfig.ReferencePoints - 100; k < OdeDataConfig.ReferencePoints; k++)
                Assert.Equal(Math.Sqrt(mu), Math.Sqrt(states[3 * k + 1] * states[3 * k + 1] + states[3 * k + 2] * states[3 * k + 2]), 1e-7);
        }
    }

    [Fact]
    public void Cubic_oscillator_energy_falls_by_the_integral_of_its_dissipation()
    {
        // d/dt (x^4 + y^4) = -0.4 (x^6 + y^6): the balance is checked with Boole's rule on the samples (error of order h^6;
        // Simpson's h^4 left 3e-9, which would hide the integrator's own error).
        var system = new CubicOscillator();
        double h = system.TimeStep;
        foreach (double[] start in new[] { new[] { 1.0, -0.3 }, new[] { -0.7, 0.9 }, new[] { 0.05, 0.99 } })
        {
            double[] states = Solve(system, start, OdeDataConfig.ReferencePoints);
            double Dissipation(int k) => 0.4 * (Math.Pow(states[2 * k], 6) + Math.Pow(states[2 * k + 1], 6));
            double integral = 0;
            for (int k = 0; k + 4 < OdeDataConfig.ReferencePoints; k += 4)
                integral += 7 * Dissipation(k) + 32 * Dissipation(k + 1) + 12 * Dissipation(k + 2) + 32 * Dissipation(k + 3) + 7 * Dissipation(k + 4);
            integral *= 2 * h / 45;
            double drop = CubicOscillator.Energy(start) - CubicOscillator.Energy(states.AsSpan((OdeDataConfig.ReferencePoints - 1) * 2, 2));
            Assert.True(drop > 0);
            Assert.Equal(integral, drop, 1e-10); // measured 2e-11, the quadrature's own error
        }
    }

    [Fact]
    public void Lorenz_chains_stay_in_the_attractors_bounds_and_each_trajectory_starts_where_the_previous_ended()
    {
        var system = new LorenzSystem();
        int points = OdeDataConfig.ReferencePoints, row = points * 3;
        var sets = TrajectoryIntegration.Run(system, new SplitCounts(6, 1, 1), points, seed: 3, f => new DormandPrince853(f, ErrorTolerance.GroundTruth));
        double[] train = sets[DataSplit.Train];

        for (int m = 1; m < 6; m++)
            Assert.Equal(train.AsSpan(m * row - 3, 3).ToArray(), train.AsSpan(m * row, 3).ToArray());
        // The Lorenz attractor at sigma 10, rho 28, beta 8/3 spans about |x| < 20, |y| < 27, 1 < z < 48.
        for (int i = 0; i < train.Length; i += 3)
        {
            Assert.InRange(train[i], -22, 22);
            Assert.InRange(train[i + 1], -30, 30);
            Assert.InRange(train[i + 2], 0, 50);
        }
        // After the warm-up the chain is on the attractor, not near the origin it started from.
        Assert.True(Math.Abs(train[2]) > 1, $"z at the first sample is {train[2]}");
    }

    public static TheoryData<OdeSystemKind> Kinds() => new(Enum.GetValues<OdeSystemKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Ground_truth_agrees_with_an_integration_at_rtol_1e_13_and_half_the_sample_step(OdeSystemKind kind)
    {
        var system = DynamicalSystems.Create(kind);
        int points = OdeDataConfig.ReferencePoints;
        var counts = new SplitCounts(0, 2, 1);
        var truth = TrajectoryIntegration.Run(system, counts, points, seed: 1, f => new DormandPrince853(f, ErrorTolerance.GroundTruth));
        var finer = TrajectoryIntegration.Run(system, counts, points, seed: 1,
            f => new DormandPrince853(f, new ErrorTolerance(1e-13, 1e-15)) { MaxStep = system.TimeStep / 2 });

        foreach (DataSplit split in new[] { DataSplit.Validation, DataSplit.Test })
        {
            double worst = truth[split].Zip(finer[split], (a, b) => Math.Abs(a - b) / Math.Max(1, Math.Abs(b))).Max();
            // Lorenz amplifies the tiny per-step differences by e^(0.9 t) over each 2.56-long trajectory.
            Assert.True(worst < (kind == OdeSystemKind.Lorenz ? 1e-8 : 1e-10), $"{kind} {split}: largest relative deviation {worst:E2}");
        }
    }

    [Fact]
    public void Systems_have_the_reference_parameters_steps_and_counts()
    {
        Assert.Equal(new SplitCounts(1600, 320, 320), new HyperbolicFixedPoint().Counts);
        Assert.Equal(new SplitCounts(3200, 320, 320), new CubicOscillator().Counts);
        Assert.Equal(new SplitCounts(3200, 320, 320), new VanDerPolOscillator().Counts);
        Assert.Equal(new SplitCounts(3200, 320, 320), new HopfNormalForm().Counts);
        Assert.Equal(new SplitCounts(6400, 640, 640), new LorenzSystem().Counts);
        Assert.Equal(5e-4, new LorenzSystem().TimeStep);
        Assert.All(new DynamicalSystem[] { new HyperbolicFixedPoint(), new CubicOscillator(), new VanDerPolOscillator(), new HopfNormalForm() },
            s => Assert.Equal(0.01, s.TimeStep));
        var vdp = (IndependentStarts)new VanDerPolOscillator().InitialStates;
        Assert.Equal([2.0, 4.0], vdp.Train.Upper);
        Assert.Equal([2.0, 2.0], vdp.Test.Upper);
        Assert.Equal(new AttractorChain(10_000, UniformBox.Cube(3, -0.1, 0.1)).WarmUpSteps, ((AttractorChain)new LorenzSystem().InitialStates).WarmUpSteps);
        Span<double> rate = stackalloc double[3];
        new LorenzSystem().Evaluate(0, [1, 2, 3], rate);
        Assert.Equal([10.0, 1 * (28 - 3) - 2, 1 * 2 - 8.0 / 3 * 3], rate.ToArray());
        new VanDerPolOscillator().Evaluate(0, [0.5, 1], rate[..2]);
        Assert.Equal([1.0, 2 * 0.75 * 1 - 0.5], rate[..2].ToArray());
    }
}
