using System.Diagnostics;
using System.Globalization;
using System.Text;
using DeepRom.Numerics.Ode;
using DeepRom.Physics.Ode;
using DeepRom.Physics.Ode.Systems;

namespace DeepRom.Bench;

/// <summary>
/// How far data made the HiTS reference's way (scipy solve_ivp, RK45, rtol 1e-3, atol 1e-6, samples from its dense output) lie
/// from DeepRom's ground truth (DOP853, rtol 1e-10), trajectory by trajectory from the same starts, for every system; and what
/// classical RK4 at the sample step scores against each, since the reference read RK4's error off its loose data.
/// </summary>
public static class OdeReferenceBench
{
    public static string Run(int trajectories)
    {
        var text = new StringBuilder();
        text.AppendLine($"{trajectories} validation trajectories (seed 0) per system, 5121 points; deviations over all samples and components");
        text.AppendLine("system | loose vs truth: max abs | max abs / s_c | MSE | loose steps per trajectory | RK4(h=dt) vs truth MSE | RK4(h=dt) vs loose MSE | truth s");
        foreach (OdeSystemKind kind in Enum.GetValues<OdeSystemKind>())
        {
            var system = DynamicalSystems.Create(kind);
            int points = OdeDataConfig.ReferencePoints, d = system.Dimension, row = points * d;
            double[] times = OdeDataConfig.Times(system.TimeStep, points);
            var clock = Stopwatch.StartNew();
            double[] truth = TrajectoryIntegration.Run(system, new SplitCounts(0, trajectories, 0), points, seed: 0,
                f => new DormandPrince853(f, ErrorTolerance.GroundTruth))[DataSplit.Validation];
            double truthSeconds = clock.Elapsed.TotalSeconds;
            var loose = new double[truth.Length];
            var rk4 = new double[truth.Length];
            long looseSteps = 0;
            Parallel.For(0, trajectories, m =>
            {
                var start = truth.AsSpan(m * row, d).ToArray();
                // Each trajectory from the truth's own start: for Lorenz this compares one trajectory, not the loose chain.
                var scipy = new DormandPrince54(system, ErrorTolerance.ScipyDefault);
                scipy.Solve(start, times, loose.AsSpan(m * row, row));
                Interlocked.Add(ref looseSteps, scipy.Counts.Accepted);
                new RungeKutta4(system).Integrate(start, 0, system.TimeStep, points - 1, rk4.AsSpan(m * row, row));
            });
            double[] scale = MeasurementNoise.Scale(truth, trajectories, points, d);
            double maxAbs = 0, maxScaled = 0;
            for (int i = 0; i < truth.Length; i++)
            {
                double deviation = Math.Abs(loose[i] - truth[i]);
                maxAbs = Math.Max(maxAbs, deviation);
                if (scale[i % d] > 0) maxScaled = Math.Max(maxScaled, deviation / scale[i % d]);
            }
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{system.Name} | {maxAbs:0.00e0} | {maxScaled:0.00e0} | {Mse(loose, truth):0.00e0} | {(double)looseSteps / trajectories:0} | " +
                $"{Mse(rk4, truth):0.00e0} | {Mse(rk4, loose):0.00e0} | {truthSeconds:0.00}"));
        }
        return text.ToString();
    }

    private static double Mse(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return sum / a.Length;
    }
}
