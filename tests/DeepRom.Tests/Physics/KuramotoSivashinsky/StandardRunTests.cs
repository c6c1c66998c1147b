using DeepRom.Physics.KuramotoSivashinsky;

namespace DeepRom.Tests.Physics.KuramotoSivashinsky;

/// <summary>The paper's standard run (N = 128, L = 32 pi, h = 1/4, u0 = cos(x/16)(1 + sin(x/16)), t up to 150) behaves as published.</summary>
public class StandardRunTests
{
    private const double Length = 32 * Math.PI;
    private const double Step = 0.25;

    [Fact]
    public void The_solution_stays_bounded_and_grows_from_u0_into_cells_of_amplitude_two_to_four()
    {
        var solver = Standard();
        var u = new double[128];
        double largest = 0;
        for (int sample = 0; sample <= 150; sample++)
        {
            solver.CopyState(u);
            Assert.True(u.All(double.IsFinite));
            largest = Math.Max(largest, u.Max(Math.Abs));
            solver.Advance(4);
        }

        Assert.Equal(1.2987, InitialProfiles.KassamTrefethen(solver.Grid, Length).Max(Math.Abs), 4);
        Assert.InRange(largest, 2, 4);
    }

    [Fact]
    public void A_perturbation_of_1e_minus_10_grows_by_orders_of_magnitude_the_mark_of_chaos()
    {
        var reference = Standard();
        var perturbed = new KuramotoSivashinskySolver(128, Length, Step);
        double[] u0 = InitialProfiles.KassamTrefethen(reference.Grid, Length);
        double[] grid = reference.Grid.ToArray();
        perturbed.SetState(u0.Select((v, j) => v + 1e-10 * Math.Sin(6 * Math.PI * grid[j] / Length)).ToArray());

        double Separation()
        {
            var a = new double[128];
            var b = new double[128];
            reference.CopyState(a);
            perturbed.CopyState(b);
            return a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
        }

        reference.Advance(200);
        perturbed.Advance(200);
        double at50 = Separation();
        reference.Advance(400);
        perturbed.Advance(400);
        double at150 = Separation();

        Assert.True(at150 > 1e4 * 1e-10, $"separation at t = 150 is {at150}");
        Assert.True(at150 > 100 * at50, $"separation {at50} at t = 50, {at150} at t = 150");
    }

    [Fact]
    public void The_spectrum_decays_exponentially_with_the_wavenumber()
    {
        var solver = Standard();
        solver.Advance(600);
        double[] amplitude = Enumerable.Range(0, 65)
            .Select(k => Math.Sqrt(solver.SpectrumReal[k] * solver.SpectrumReal[k] + solver.SpectrumImaginary[k] * solver.SpectrumImaginary[k]))
            .ToArray();
        // Largest amplitude in each band of 16 modes (a quarter of the resolved wavenumbers, k up to 1, 2, 3, 4).
        double[] bands = Enumerable.Range(0, 4).Select(b => amplitude.Skip(16 * b).Take(16).Max()).ToArray();

        for (int b = 2; b < 4; b++) Assert.True(bands[b] < 0.1 * bands[b - 1], $"band maxima {string.Join(", ", bands)}");
        Assert.True(bands[3] < 1e-2 * bands[0], $"band maxima {string.Join(", ", bands)}");
        // The paper's grid resolves the run to about 1e-4 of the peak at its shortest waves, not to round-off.
        Assert.InRange(amplitude.Skip(56).Take(8).Max() / bands[0], 1e-6, 1e-3);
        Assert.True(amplitude[0] < 1e-12 * bands[0], "the mean stays zero");
    }

    private static KuramotoSivashinskySolver Standard()
    {
        var solver = new KuramotoSivashinskySolver(128, Length, Step);
        solver.SetState(InitialProfiles.KassamTrefethen(solver.Grid, Length));
        return solver;
    }
}
