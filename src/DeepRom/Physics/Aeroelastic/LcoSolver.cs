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
        solver.Solve(start, config.Times(), states);
        return clock.Elapsed.TotalSeconds;
    }
}
