using CsCheck;
using DeepRom.Numerics.Ode;
using DeepRom.Physics.Aeroelastic;
using static DeepRom.Physics.Aeroelastic.PitchPlungeState;

namespace DeepRom.Tests.Physics.Aeroelastic;

/// <summary>The 8-state field against the paper's integro-differential equations, and its Jacobian against finite differences.</summary>
public class PitchPlungeFieldTests
{
    /// <summary>Every term switched on: the moment arm 1/2 + a_h is nonzero, both dampings and the cubic spring act.</summary>
    private static readonly PitchPlungeConfig General = new(MassRatio: 50, ElasticAxis: -0.3, StaticImbalance: 0.2, GyrationRadius: 0.45,
        FrequencyRatio: 0.3, PitchDamping: 0.02, PlungeDamping: 0.03, CubicPitchStiffness: 3);

    [Fact]
    public void The_accelerations_satisfy_the_papers_equations_with_the_wagner_convolution_done_by_quadrature()
    {
        const double speed = 5, h = 0.02;
        const int steps = 1000; // tau up to 20
        var field = new PitchPlungeField(General, speed);
        double[] start = [0.1, 0.2, -0.05, 0.03, 0, 0, 0, 0];
        double[] times = Enumerable.Range(0, steps + 1).Select(k => k * h).ToArray();
        var states = new double[times.Length * Dimension];
        new DormandPrince853(field, new ErrorTolerance(1e-12, 1e-14)).Solve(start, times, states);

        double ah = General.ElasticAxis, b = 0.5 - ah, xa = General.StaticImbalance, ra2 = General.GyrationRadius * General.GyrationRadius;
        double mu = General.MassRatio, wBar = General.FrequencyRatio / speed;
        var rate = new double[Dimension];
        var fPrime = new double[times.Length];
        for (int k = 0; k < times.Length; k++)
        {
            field.Evaluate(0, states.AsSpan(k * Dimension, Dimension), rate);
            fPrime[k] = states[k * Dimension + PitchRate] + rate[PlungeRate] + b * rate[PitchRate];
        }
        double f0 = start[Pitch] + start[PlungeRate] + b * start[PitchRate];

        foreach (int n in new[] { 100, 500, 1000 })
        {
            double tau = times[n];
            // Simpson's rule for int_0^tau phi(tau - s) f'(s) ds on the samples.
            double convolution = 0;
            for (int k = 0; k <= n; k++)
            {
                double weight = k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2;
                convolution += weight * WagnerFunction.Value(tau - times[k]) * fPrime[k];
            }
            convolution *= h / 3;
            // The paper's circulatory term plus the decaying initial-value forcing the model leaves out.
            double dropped = (WagnerFunction.Psi1 * WagnerFunction.Eps1 * Math.Exp(-WagnerFunction.Eps1 * tau)
                              + WagnerFunction.Psi2 * WagnerFunction.Eps2 * Math.Exp(-WagnerFunction.Eps2 * tau)) * (start[Plunge] + b * start[Pitch]);
            double gamma = f0 * WagnerFunction.Value(tau) + convolution + dropped;

            var x = states.AsSpan(n * Dimension, Dimension);
            field.Evaluate(tau, x, rate);
            double xi = x[Plunge], alpha = x[Pitch], xiDot = x[PlungeRate], alphaDot = x[PitchRate];
            double xiDdot = rate[PlungeRate], alphaDdot = rate[PitchRate];
            double lift = Math.PI * (xiDdot - ah * alphaDdot + alphaDot) + 2 * Math.PI * gamma;
            double moment = Math.PI * (0.5 + ah) * gamma + Math.PI / 2 * ah * (xiDdot - ah * alphaDdot) - Math.PI / 2 * b * alphaDot - Math.PI / 16 * alphaDdot;
            double plungeResidual = xiDdot + xa * alphaDdot + 2 * General.PlungeDamping * wBar * xiDot + wBar * wBar * xi + lift / (Math.PI * mu);
            double pitchResidual = xa / ra2 * xiDdot + alphaDdot + 2 * General.PitchDamping / speed * alphaDot
                                   + (alpha + General.CubicPitchStiffness * alpha * alpha * alpha) / (speed * speed) - 2 * moment / (Math.PI * mu * ra2);

            Assert.True(Math.Abs(plungeResidual) < 1e-9, $"plunge equation at tau = {tau}: residual {plungeResidual:E2}");
            Assert.True(Math.Abs(pitchResidual) < 1e-9, $"pitch equation at tau = {tau}: residual {pitchResidual:E2}");
            // Early on the dropped forcing is far above the tolerance, so the check tells the model from the paper's full equations.
            if (n == 100) Assert.True(2 * Math.Abs(dropped) / mu > 1e-4, $"dropped term {dropped}");
        }
    }

    [Fact]
    public void The_jacobian_matches_central_differences_at_random_states_and_speeds() =>
        Gen.Select(Gen.Double[-0.5, 0.5].Array[Dimension], Gen.Double[1, 12]).Sample((x, speed) =>
        {
            var field = new PitchPlungeField(General, speed);
            double[,] jacobian = field.Jacobian(x);
            var plus = new double[Dimension];
            var minus = new double[Dimension];
            const double step = 1e-6;
            for (int j = 0; j < Dimension; j++)
            {
                double[] up = [.. x], down = [.. x];
                up[j] += step;
                down[j] -= step;
                field.Evaluate(0, up, plus);
                field.Evaluate(0, down, minus);
                for (int i = 0; i < Dimension; i++)
                    Assert.Equal((plus[i] - minus[i]) / (2 * step), jacobian[i, j], 1e-7);
            }
        });

    [Fact]
    public void Minus_eps1_and_minus_eps2_are_eigenvalues_at_every_speed() =>
        // Each pair of lag states enters the forces only as (1 - b eps_j) w_alpha,j - eps_j w_xi,j, so the other combination
        // (w_alpha,j, w_xi,j) = (eps_j, 1 - b eps_j) decays on its own at rate eps_j, invisible in plunge and pitch.
        Gen.Double[0.5, 20].Sample(speed =>
        {
            var modes = FlutterAnalysis.Modes(General, speed);
            foreach (double eps in new[] { WagnerFunction.Eps1, WagnerFunction.Eps2 })
                Assert.Contains(modes, m => Math.Abs(m.Real + eps) < 1e-10 && Math.Abs(m.Imaginary) < 1e-10);
        });

    [Fact]
    public void The_linearisation_at_rest_does_not_depend_on_the_cubic_spring()
    {
        double[,] hardening = new PitchPlungeField(PitchPlungeConfig.Standard, 7).Linearisation();
        double[,] linear = new PitchPlungeField(PitchPlungeConfig.Standard.WithLinearSpring(), 7).Linearisation();

        Assert.Equal(linear, hardening);
    }

    [Fact]
    public void A_centre_of_mass_outside_the_radius_of_gyration_is_refused()
    {
        var e = Assert.Throws<InputException>(() => new PitchPlungeField(PitchPlungeConfig.Standard with { StaticImbalance = 0.6 }, 5));

        Assert.Equal(nameof(PitchPlungeConfig.StaticImbalance), e.Item);
    }
}
