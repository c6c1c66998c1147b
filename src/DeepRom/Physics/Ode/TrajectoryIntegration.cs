using System.Collections.Concurrent;
using DeepRom.Numerics.Ode;
using DeepRom.Physics.Ode.Systems;

namespace DeepRom.Physics.Ode;

/// <summary>The clean trajectories of every split: initial states drawn, then integrated on all cores.</summary>
public static class TrajectoryIntegration
{
    /// <summary>
    /// Integrates <paramref name="counts"/> trajectories of <paramref name="points"/> samples (every dt of the system) per split and
    /// returns each split's states ((count, points, d) row-major). <paramref name="solver"/> makes one solver per worker thread.
    /// Independent starts run trajectory by trajectory in parallel; an attractor chain is sequential within a split, so its splits
    /// run in parallel with each other. Every trajectory depends only on its own seeded draws, so the result does not depend on
    /// scheduling. <paramref name="progress"/> receives the number of trajectories finished.
    /// </summary>
    public static Dictionary<DataSplit, double[]> Run(DynamicalSystem system, SplitCounts counts, int points, int seed,
        Func<IVectorField, IOdeSolver> solver, IProgress<int>? progress = null, CancellationToken ct = default) =>
        Run(system, counts, points, seed, solver, out _, progress, ct);

    /// <inheritdoc cref="Run(DynamicalSystem, SplitCounts, int, int, Func{IVectorField, IOdeSolver}, IProgress{int}?, CancellationToken)"/>
    /// <param name="work">The steps and evaluations all solvers took.</param>
    public static Dictionary<DataSplit, double[]> Run(DynamicalSystem system, SplitCounts counts, int points, int seed,
        Func<IVectorField, IOdeSolver> solver, out StepCounts work, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        int d = system.Dimension, row = points * d;
        double[] times = OdeDataConfig.Times(system.TimeStep, points);
        var states = DataSplits.All.ToDictionary(s => s, s => new double[(long)counts[s] * row]);

        // A job is one trajectory, or (trajectory -1) a whole chain; the longest come first so the cores finish together.
        var jobs = system.InitialStates is AttractorChain
            ? DataSplits.All.Where(s => counts[s] > 0).OrderByDescending(s => counts[s]).Select(s => (Split: s, Trajectory: -1)).ToList()
            : DataSplits.All.SelectMany(s => Enumerable.Range(0, counts[s]).Select(m => (Split: s, Trajectory: m))).ToList();
        int finished = 0;
        var total = new StepCounts();
        var totalLock = new object();
        // No buffering: each worker takes the next job when it is free, so chains of different length do not queue behind each other.
        Parallel.ForEach(Partitioner.Create(jobs, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => solver(system),
            (job, _, integrator) =>
            {
                double[] split = states[job.Split];
                if (job.Trajectory >= 0)
                {
                    var start = new double[d];
                    ((IndependentStarts)system.InitialStates).For(job.Split).Sample(
                        TrajectorySeeds.For(seed, job.Split, job.Trajectory, RandomPurpose.InitialState), start);
                    integrator.Solve(start, times, split.AsSpan(job.Trajectory * row, row));
                    progress?.Report(Interlocked.Increment(ref finished));
                }
                else
                {
                    RunChain((AttractorChain)system.InitialStates, integrator, system.TimeStep, times, seed, job.Split, counts[job.Split], split, d,
                        () => progress?.Report(Interlocked.Increment(ref finished)), ct);
                }
                return integrator;
            },
            integrator => { lock (totalLock) total += integrator.Counts; });
        work = total;
        return states;
    }

    private static void RunChain(AttractorChain chain, IOdeSolver integrator, double timeStep, double[] times, int seed, DataSplit split, int count,
        double[] states, int d, Action finishedOne, CancellationToken ct)
    {
        int row = times.Length * d;
        var start = new double[d];
        chain.WarmUpStart.Sample(TrajectorySeeds.For(seed, split, 0, RandomPurpose.WarmUpStart), start);
        double[] warmTimes = OdeDataConfig.Times(timeStep, chain.WarmUpSteps + 1);
        var warm = new double[warmTimes.Length * d];
        integrator.Solve(start, warmTimes, warm);
        warm.AsSpan(warm.Length - d).CopyTo(start);
        for (int m = 0; m < count; m++)
        {
            ct.ThrowIfCancellationRequested();
            var trajectory = states.AsSpan(m * row, row);
            integrator.Solve(start, times, trajectory);
            trajectory[^d..].CopyTo(start);
            finishedOne();
        }
    }
}
