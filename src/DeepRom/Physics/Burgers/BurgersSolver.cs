using System.Diagnostics;

namespace DeepRom.Physics.Burgers;

/// <summary>Runs one simulation of the parametric Burgers problem from the uniform initial state for the configured number of steps.</summary>
public static class BurgersSolver
{
    /// <summary>Runs the simulation for <paramref name="parameters"/> and returns its snapshots and wall time.</summary>
    public static BurgersSimulation Run(BurgersConfig config, BurgersParameters parameters, CancellationToken ct = default)
    {
        config.Validate();
        var snapshots = new float[config.Snapshots * config.Cells];
        double seconds = Run(config, parameters, snapshots, ct);
        return new BurgersSimulation(snapshots, seconds);
    }

    /// <summary>
    /// Writes the (Snapshots, Cells) history into <paramref name="snapshots"/> and returns the wall seconds spent,
    /// stepper set-up included, so that the figure is what a reduced model would have to beat.
    /// </summary>
    public static double Run(BurgersConfig config, BurgersParameters parameters, Span<float> snapshots, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var stepper = new BurgersStepper(config, parameters);
        int n = config.Cells;
        if (snapshots.Length != config.Snapshots * n)
            throw new ArgumentException($"snapshot buffer has {snapshots.Length} values, the simulation {config.Snapshots * n}", nameof(snapshots));
        var w = new double[n];
        Array.Fill(w, config.Initial);
        Store(w, snapshots[..n]);
        for (int k = 1; k <= config.Steps; k++)
        {
            ct.ThrowIfCancellationRequested();
            stepper.Step(w);
            Store(w, snapshots.Slice(k * n, n));
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static void Store(ReadOnlySpan<double> w, Span<float> target)
    {
        for (int i = 0; i < w.Length; i++) target[i] = (float)w[i];
    }
}
