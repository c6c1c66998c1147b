using CsCheck;
using DeepRom.Numerics.Fft;
using DeepRom.Numerics.Ode;
using DeepRom.Physics.KuramotoSivashinsky;

namespace DeepRom.Tests.Physics.KuramotoSivashinsky;

/// <summary>The ETDRK4 solver: its order, agreement with RK4 on the same semi-discrete system, the exact linear part, the conserved mean.</summary>
public class KuramotoSivashinskySolverTests
{
    private const double PaperLength = 32 * Math.PI;

    [Fact]
    public void The_standard_run_converges_at_fourth_order_in_the_step()
    {
        // The paper's run (N = 128, L = 32 pi, its u0) at t = 5, against a step 16 times finer than the finest compared.
        const double end = 5;
        double[] reference = StandardRunAt(end, 1.0 / 1024);
        double Error(double h) => StandardRunAt(end, h).Zip(reference, (a, b) => Math.Abs(a - b)).Max();

        double[] errors = [Error(1.0 / 16), Error(1.0 / 32), Error(1.0 / 64)];

        Assert.InRange(Math.Log2(errors[0] / errors[1]), 3.7, 4.3);
        Assert.InRange(Math.Log2(errors[1] / errors[2]), 3.7, 4.3);
        Assert.True(errors[2] > 1e-12, $"finest error {errors[2]} is too close to round-off to measure an order");
    }

    [Fact]
    public void Etdrk4_agrees_with_classical_rk4_on_the_same_semi_discrete_system()
    {
        // An independent right-hand side: the Fourier-space system written with direct DFT sums (no FFT), integrated by RK4
        // at a step well inside its stability limit for the stiffest mode.
        const int n = 32;
        const double length = 22, end = 2;
        var solver = new KuramotoSivashinskySolver(n, length, 1.0 / 256);
        double[] u0 = InitialProfiles.KassamTrefethen(solver.Grid, length);
        solver.SetState(u0);
        solver.Advance(512);
        var etd = new double[n];
        solver.CopyState(etd);

        var system = new DirectFourierSystem(n, length);
        double[] state = system.FromGrid(u0);
        var rk4 = new RungeKutta4(system);
        const int steps = 2000;
        for (int s = 0; s < steps; s++) rk4.Step(s * end / steps, end / steps, state);
        double[] classical = system.ToGrid(state);

        double scale = classical.Max(Math.Abs);
        Assert.True(scale > 0.5);
        Assert.True(etd.Zip(classical, (a, b) => Math.Abs(a - b)).Max() < 1e-10 * scale);
    }

    [Fact]
    public void Without_the_nonlinearity_every_fourier_mode_changes_exactly_by_exp_of_its_rate_times_t()
    {
        Gen.Select(Gen.Int[3, 7], Gen.Double[5, 120], Gen.Double[0.01, 0.5], Gen.Int[1, 40], Gen.Int[0, 1000]).Sample((bits, length, h, steps, seed) =>
        {
            int n = 1 << bits;
            var solver = new KuramotoSivashinskySolver(n, length, h, nonlinearity: 0);
            var random = new Random(seed);
            double[] u0 = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
            solver.SetState(u0);
            double[] re0 = solver.SpectrumReal.ToArray(), im0 = solver.SpectrumImaginary.ToArray();

            solver.Advance(steps);

            double t = steps * h, scale = re0.Concat(im0).Max(Math.Abs);
            for (int k = 0; k < re0.Length; k++)
            {
                double growth = Math.Exp(solver.LinearRates[k] * t);
                double tolerance = 1e-13 * scale * Math.Max(1, growth) * steps;
                Assert.True(Math.Abs(solver.SpectrumReal[k] - growth * re0[k]) <= tolerance, $"mode {k}: {solver.SpectrumReal[k]} against {growth * re0[k]}");
                Assert.True(Math.Abs(solver.SpectrumImaginary[k] - growth * im0[k]) <= tolerance, $"mode {k}: {solver.SpectrumImaginary[k]} against {growth * im0[k]}");
            }
        }, iter: 40);
    }

    [Fact]
    public void The_mean_of_u_is_conserved_to_round_off()
    {
        // Random smooth fields with a non-zero mean on random grids at least as fine as the paper's (dx <= 0.8), domains and steps.
        Gen.Int[5, 7].SelectMany(bits => Gen.Select(Gen.Const(1 << bits), Gen.Double[10, 0.8 * (1 << bits)]))
            .Select(Gen.Double[0.05, 0.25], Gen.Double[-1.5, 1.5], Gen.Int[0, 1000], (grid, h, mean, seed) => (grid.Item1, grid.Item2, h, mean, seed))
            .Sample((n, length, h, mean, seed) =>
        {
            var solver = new KuramotoSivashinskySolver(n, length, h);
            double[] u0 = InitialProfiles.Random(solver.Grid, length, seed).Select(v => mean + 50 * v).ToArray();
            solver.SetState(u0);
            var u = new double[n];
            for (int block = 0; block < 5; block++)
            {
                solver.Advance(40);
                solver.CopyState(u);
                Assert.True(u.All(double.IsFinite));
                Assert.Equal(mean, u.Average(), 1e-13);
            }
        }, iter: 30);
    }

    [Fact]
    public void The_grid_wavenumbers_and_rates_are_the_papers()
    {
        var solver = new KuramotoSivashinskySolver(128, PaperLength, 0.25);

        Assert.Equal(PaperLength / 128, solver.Grid[0], 15);
        Assert.Equal(PaperLength, solver.Grid[^1], 13);
        Assert.Equal(65, solver.Wavenumbers.Length);
        Assert.Equal(1.0 / 16, solver.Wavenumbers[1], 15);
        Assert.Equal(63.0 / 16, solver.Wavenumbers[63], 14);
        Assert.Equal(0, solver.Wavenumbers[64]);
        Assert.Equal(0.25 - 0.0625, solver.LinearRates[8], 15);
    }

    internal static double[] StandardRunAt(double end, double h)
    {
        var solver = new KuramotoSivashinskySolver(128, PaperLength, h);
        solver.SetState(InitialProfiles.KassamTrefethen(solver.Grid, PaperLength));
        solver.Advance((long)Math.Round(end / h));
        var u = new double[128];
        solver.CopyState(u);
        return u;
    }

    /// <summary>
    /// v' = (k^2 - k^4) v - (i k / 2) DFT(u^2) for the N/2 + 1 stored coefficients (real parts, then imaginary), with k = 0
    /// at the Nyquist frequency as in the solver, evaluated by direct sums.
    /// </summary>
    private sealed class DirectFourierSystem : IVectorField
    {
        private readonly int _n, _m;
        private readonly double[] _k, _cos, _sin;
        private readonly double[] _u;

        public DirectFourierSystem(int n, double length)
        {
            _n = n;
            _m = n / 2 + 1;
            _k = Enumerable.Range(0, _m).Select(q => q == _m - 1 ? 0 : 2 * Math.PI * q / length).ToArray();
            _cos = new double[_m * n];
            _sin = new double[_m * n];
            for (int q = 0; q < _m; q++)
            for (int j = 0; j < n; j++)
            {
                _cos[q * n + j] = Math.Cos(2 * Math.PI * q * j / n);
                _sin[q * n + j] = Math.Sin(2 * Math.PI * q * j / n);
            }
            _u = new double[n];
        }

        public int Dimension => 2 * _m;

        public void Evaluate(double t, ReadOnlySpan<double> state, Span<double> rate)
        {
            ToGrid(state, _u);
            for (int j = 0; j < _n; j++) _u[j] *= _u[j];
            for (int q = 0; q < _m; q++)
            {
                double sr = 0, si = 0;
                for (int j = 0; j < _n; j++)
                {
                    sr += _u[j] * _cos[q * _n + j];
                    si -= _u[j] * _sin[q * _n + j];
                }
                double k = _k[q], linear = k * k - k * k * k * k;
                rate[q] = linear * state[q] + 0.5 * k * si;
                rate[_m + q] = linear * state[_m + q] - 0.5 * k * sr;
            }
        }

        public double[] FromGrid(double[] u)
        {
            var state = new double[2 * _m];
            for (int q = 0; q < _m; q++)
            for (int j = 0; j < _n; j++)
            {
                state[q] += u[j] * _cos[q * _n + j];
                state[_m + q] -= u[j] * _sin[q * _n + j];
            }
            state[_m] = state[2 * _m - 1] = 0;
            return state;
        }

        public double[] ToGrid(ReadOnlySpan<double> state)
        {
            var u = new double[_n];
            ToGrid(state, u);
            return u;
        }

        private void ToGrid(ReadOnlySpan<double> state, Span<double> u)
        {
            for (int j = 0; j < _n; j++)
            {
                double sum = state[0] + state[_m - 1] * _cos[(_m - 1) * _n + j];
                for (int q = 1; q < _m - 1; q++) sum += 2 * (state[q] * _cos[q * _n + j] - state[_m + q] * _sin[q * _n + j]);
                u[j] = sum / _n;
            }
        }
    }
}
