using System.Diagnostics;
using DeepRom.Numerics.Ode;

namespace DeepRom.Physics.Aeroelastic;

/// <summary>Integrates the pitch-plunge airfoil from a small initial pitch at one reduced speed with DOP853, stepping onto every sample.</summary>
public static class LcoSolver
{
    /// <summary>
    /// Writes the (Samples, 8) states into <paramref name="states"/> and returns the wall seconds spent, field set-up included, so
    /// that the figure is what a reduced model would have to beat.
    /// </summary>
    public static double Run(LcoDataConfig config, double speed, Span<double> states, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        int d = PitchPlungeState.Dimension;
        if (states.Length != config.Samples * d)
            throw new ArgumentException($"state buffer has {states.Length} values, the run {config.Samples * d}", nameof(states));
        var solver = new DormandPrince853(new PitchPlungeField(config.Airfoil, speed), config.Tolerance);
        var start = new double[d];
        start[PitchPlungeState.Pitch] = config.InitialPitch;
        ct.ThrowIfCancellationRequested();
        if (config.Settle > 0) start = SettledCrossing(solver, start, config.Settle, speed, ct);
        solver.Solve(start, config.Times(), states);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Step of the scan for the pitch crossing, in tau: a cycle lasts 40-80 tau at the usual speeds.</summary>
    private const double ScanStep = 0.05;

    /// <summary>
    /// The state at the first upward zero crossing of the pitch after <paramref name="settle"/> tau. The crossing is
    /// bracketed on a fine scan and placed by linear interpolation (a sinusoid is nearly straight at its zero, so the
    /// phase error is far below the scan step), then reached by integrating onto it.
    /// </summary>
    private static double[] SettledCrossing(DormandPrince853 solver, double[] start, double settle, double speed, CancellationToken ct)
    {
        int d = start.Length, pitch = PitchPlungeState.Pitch;
        var ends = new double[2 * d];
        solver.Solve(start, [0, settle], ends);
        double[] settled = ends[d..];
        // Ten uncoupled pitch periods 2 pi U*: the coupled limit cycle is slower than the pitch mode, but not by a factor of ten.
        int count = (int)Math.Ceiling(10 * 2 * Math.PI * speed / ScanStep) + 1;
        var times = Enumerable.Range(0, count).Select(k => k * ScanStep).ToArray();
        var scan = new double[count * d];
        ct.ThrowIfCancellationRequested();
        solver.Solve(settled, times, scan);
        for (int k = 1; k < count; k++)
        {
            double before = scan[(k - 1) * d + pitch], after = scan[k * d + pitch];
            if (!(before < 0 && after >= 0)) continue;
            double offset = ScanStep * -before / (after - before);
            var crossing = new double[2 * d];
            solver.Solve(scan.AsSpan((k - 1) * d, d), [0, offset], crossing);
            return crossing[d..];
        }
        throw new InvalidOperationException($"the pitch did not cross zero upwards within {times[^1]:G4} tau after settling at U* = {speed}");
    }
}
