using System.Diagnostics;
using System.Text;
using DeepRom.Data;
using DeepRom.Numerics.Fft;
using DeepRom.Physics.KuramotoSivashinsky;

namespace DeepRom.Bench;

/// <summary>
/// Times the default Kuramoto-Sivashinsky sequence and measures what its defaults rest on: the spectrum's decay at 512 points
/// on 32 pi (and on a domain of 200), the conserved mean, the step's error over one sampling interval, and the chaos.
/// </summary>
public static class KsBench
{
    public static string Run(int repeats)
    {
        var text = new StringBuilder();
        var defaults = new KuramotoSivashinskyConfig();
        KuramotoSivashinskyGenerator.Generate(defaults with { Snapshots = 50 }); // warm up the JIT

        TrajectorySet set = null!;
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            set = KuramotoSivashinskyGenerator.Generate(defaults);
            times.Add(watch.Elapsed.TotalSeconds);
        }
        double best = times.Min();
        text.AppendLine($"default sequence ({defaults.Points} points, L = 32 pi, h = {defaults.TimeStep}, {defaults.Snapshots} snapshots every " +
                        $"{defaults.SampleInterval}, transient {defaults.TransientTime}): {defaults.TotalSteps} steps, best of {repeats} " +
                        $"{best:F2} s (all: {string.Join(", ", times.Select(t => t.ToString("F2")))}), {defaults.TotalSteps / best:F0} steps/s, " +
                        $"{1e6 * best / defaults.TotalSteps:F1} us per step, one thread");

        int n = defaults.Points;
        text.AppendLine(FftCost(n, best / defaults.TotalSteps));
        var spectrum = MaxSpectrum(set.States, n, defaults.Snapshots);
        text.AppendLine($"spectrum over the {defaults.Snapshots} snapshots (max |v_k| / max over k of max |v_k|): " + Describe(spectrum, defaults.DomainLength));
        double largestMean = Enumerable.Range(0, defaults.Snapshots).Max(s => Math.Abs(set.States.AsSpan(s * n, n).ToArray().Average()));
        double rms = Math.Sqrt(set.States.Average(v => v * v)), largest = set.States.Max(Math.Abs);
        text.AppendLine($"mean of u: largest |mean| over the snapshots {largestMean:E1} (starts at zero); rms u {rms:F3}, max |u| {largest:F3}");

        var wide = defaults with { DomainLength = 200, Snapshots = 2001 };
        var wideSet = KuramotoSivashinskyGenerator.Generate(wide);
        text.AppendLine($"the same on L = 200, {wide.Snapshots} snapshots: " + Describe(MaxSpectrum(wideSet.States, n, wide.Snapshots), wide.DomainLength));

        double[] start = set.States[^n..];
        foreach (double span in new[] { defaults.SampleInterval, 10.0 })
        {
            double[] reference = Advance(start, defaults.DomainLength, defaults.SampleInterval / 1000, span);
            double scale = reference.Max(Math.Abs);
            var errors = new[] { 0.25, 0.05, defaults.TimeStep, defaults.TimeStep / 2 }.Select(h =>
                $"h = {h}: {Advance(start, defaults.DomainLength, h, span).Zip(reference, (a, b) => Math.Abs(a - b)).Max() / scale:E1}");
            text.AppendLine($"error after t = {span} from the last snapshot, max |u - u_ref| / max |u_ref| (reference h = {defaults.SampleInterval / 1000}): " +
                            string.Join(", ", errors));
        }

        double[] grid = Enumerable.Range(1, n).Select(j => defaults.DomainLength * j / n).ToArray();
        double[] perturbed = start.Select((v, j) => v + 1e-10 * Math.Sin(6 * Math.PI * grid[j] / defaults.DomainLength)).ToArray();
        var growth = new List<string>();
        foreach (double t in new[] { 25.0, 50, 100, 200 })
        {
            double[] a = Advance(start, defaults.DomainLength, defaults.TimeStep, t), b = Advance(perturbed, defaults.DomainLength, defaults.TimeStep, t);
            growth.Add($"t = {t}: {a.Zip(b, (x, y) => Math.Abs(x - y)).Max():E1}");
        }
        text.AppendLine($"separation from a 1e-10 perturbation of the last snapshot: {string.Join(", ", growth)}");

        for (int seed = 0; seed < 4; seed++)
        {
            var solver = new KuramotoSivashinskySolver(n, defaults.DomainLength, defaults.TimeStep);
            solver.SetState(InitialProfiles.Random(solver.Grid, defaults.DomainLength, seed));
            var u = new double[n];
            var levels = new List<string>();
            for (int t = 0; t <= 100; t += 20)
            {
                solver.CopyState(u);
                levels.Add(Math.Sqrt(u.Average(v => v * v)).ToString("F2"));
                solver.Advance((long)Math.Round(20 / defaults.TimeStep));
            }
            text.AppendLine($"rms u from the random start, seed {seed}, at t = 0, 20, .., 100: {string.Join(" ", levels)}");
        }

        text.Append(StandardRun());
        return text.ToString();
    }

    /// <summary>The paper's run (N = 128, L = 32 pi, h = 1/4, t up to 150) and the order of the scheme on it at t = 5.</summary>
    private static string StandardRun()
    {
        const double length = 32 * Math.PI;
        var solver = new KuramotoSivashinskySolver(128, length, 0.25);
        double[] u0 = InitialProfiles.KassamTrefethen(solver.Grid, length);
        solver.SetState(u0);
        var u = new double[128];
        double largest = 0;
        for (int sample = 0; sample < 150; sample++)
        {
            solver.Advance(4);
            solver.CopyState(u);
            largest = Math.Max(largest, u.Max(Math.Abs));
        }
        var spectrum = MaxSpectrum(u, 128, 1);
        string text = $"standard run to t = 150: max |u| {largest:F2}, mean at t = 150 {u.Average():E1}, spectrum at t = 150: " +
                      Describe(spectrum, length) + Environment.NewLine;

        double[] reference = Advance(u0, length, 1.0 / 1024, 5);
        double[] errors = new[] { 1.0 / 16, 1.0 / 32, 1.0 / 64 }.Select(h => Advance(u0, length, h, 5).Zip(reference, (a, b) => Math.Abs(a - b)).Max()).ToArray();
        return text + $"standard run at t = 5, max error against h = 1/1024 at h = 1/16, 1/32, 1/64: {string.Join(", ", errors.Select(e => e.ToString("E2")))}; " +
               $"observed orders {Math.Log2(errors[0] / errors[1]):F2}, {Math.Log2(errors[1] / errors[2]):F2}" + Environment.NewLine;
    }

    /// <summary>What the four transforms pairs of a step (one per nonlinear evaluation) cost against the whole step.</summary>
    private static string FftCost(int n, double secondsPerStep)
    {
        var fft = new RealFft(n);
        double[] x = Enumerable.Range(0, n).Select(j => Math.Sin(0.1 * j)).ToArray();
        var re = new double[fft.Coefficients];
        var im = new double[fft.Coefficients];
        const int pairs = 100_000;
        double best = double.MaxValue;
        for (int r = 0; r < 3; r++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < pairs; i++)
            {
                fft.Forward(x, re, im);
                fft.Inverse(re, im, x);
            }
            best = Math.Min(best, watch.Elapsed.TotalSeconds / pairs);
        }
        return $"one real FFT of {n} points and its inverse: {1e6 * best:F2} us (best of 3 x {pairs}); four per step: " +
               $"{100 * 4 * best / secondsPerStep:F0} % of the step";
    }

    private static double[] Advance(double[] start, double length, double h, double span)
    {
        var solver = new KuramotoSivashinskySolver(start.Length, length, h);
        solver.SetState(start);
        solver.Advance((long)Math.Round(span / h));
        var u = new double[start.Length];
        solver.CopyState(u);
        return u;
    }

    /// <summary>max over snapshots of |v_k| for every k, normalised by its largest value.</summary>
    private static double[] MaxSpectrum(double[] states, int n, int snapshots)
    {
        var fft = new RealFft(n);
        var re = new double[fft.Coefficients];
        var im = new double[fft.Coefficients];
        var max = new double[fft.Coefficients];
        for (int s = 0; s < snapshots; s++)
        {
            fft.Forward(states.AsSpan(s * n, n), re, im);
            for (int k = 0; k < max.Length; k++) max[k] = Math.Max(max[k], Math.Sqrt(re[k] * re[k] + im[k] * im[k]));
        }
        double peak = max.Max();
        return max.Select(v => v / peak).ToArray();
    }

    private static string Describe(double[] spectrum, double length)
    {
        // The Nyquist mode (index m) is left out: it is never forced and keeps its initial value, zero here.
        int m = spectrum.Length - 1;
        var marks = Enumerable.Range(1, 7).Select(q => q * m / 8).Append(m - 1).Select(k => $"k = {2 * Math.PI * k / length:F1}: {spectrum[k]:E1}");
        int firstRoundOff = Array.FindIndex(spectrum, 1, m - 1, v => v < 1e-15);
        double topEighth = spectrum.Skip(m - m / 8).Take(m / 8 - 1).Max();
        return string.Join(", ", marks) + $"; top eighth of the wavenumbers at most {topEighth:E1}; " +
               (firstRoundOff > 0 ? $"below 1e-15 from k = {2 * Math.PI * firstRoundOff / length:F1}" : "never below 1e-15");
    }
}
