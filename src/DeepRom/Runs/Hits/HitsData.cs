using System.Globalization;
using DeepRom.Data;
using DeepRom.Models.Hits;
using static TorchSharp.torch;

namespace DeepRom.Runs.Hits;

/// <summary>
/// Trajectory files as the time-steppers need them: a uniform time axis (its step is dt), the model's state dimension,
/// and enough samples for the largest step. Every refusal is an <see cref="InputException"/> naming the file.
/// </summary>
public static class HitsData
{
    /// <summary>Relative tolerance on the spacing of the time axis and on agreeing time steps.</summary>
    public const double TimeTolerance = 1e-9;

    /// <summary>Reads and checks a trajectory file; returns it with its time step.</summary>
    public static (TrajectorySet Set, double TimeStep) Read(string file, Action<string>? log = null)
    {
        TrajectorySet set = TrajectoryFile.Read(file);
        foreach (string note in set.Notes) log?.Invoke($"note: {note}");
        return (set, TimeStep(set, file));
    }

    /// <summary>The sampling step of a uniform time axis; a non-uniform (or too short) one is refused.</summary>
    public static double TimeStep(TrajectorySet set, string file)
    {
        double[] time = set.Time;
        if (time.Length < 2) throw new InputException(file, "time", $"has {time.Length} sample; a time-stepper needs at least 2");
        double dt = (time[^1] - time[0]) / (time.Length - 1);
        if (!(dt > 0)) throw new InputException(file, "time", "must increase");
        for (int k = 1; k < time.Length; k++)
        {
            double expected = time[0] + k * dt;
            if (Math.Abs(time[k] - expected) > TimeTolerance * Math.Max(Math.Abs(expected), dt * time.Length))
                throw new InputException(file, "time", string.Create(CultureInfo.InvariantCulture,
                    $"is not uniform: sample {k} is at {time[k]:R}, expected {expected:R} for a step of {dt:R} (the time-steppers need one fixed dt)"));
        }
        return dt;
    }

    /// <summary>Refuses data whose state dimension or time step differ from what the model was trained on.</summary>
    public static void CheckMatches(TrajectorySet set, double dt, string file, int dimension, double modelDt)
    {
        if (set.Dimension != dimension)
            throw new InputException(file, "states", $"have {set.Dimension} components per state, the model was trained on {dimension}");
        if (Math.Abs(dt - modelDt) > TimeTolerance * modelDt)
            throw new InputException(file, "time", string.Create(CultureInfo.InvariantCulture,
                $"step {dt:R} differs from the model's dt {modelDt:R} (its levels step multiples of it)"));
    }

    /// <summary>Refuses trajectories with fewer than <paramref name="samples"/> samples, saying what needs them.</summary>
    public static void RequireSamples(TrajectorySet set, string file, long samples, string why)
    {
        if (set.Steps < samples)
            throw new InputException(file, "states", $"trajectories have {set.Steps} samples, fewer than the {samples} that {why} need");
    }

    /// <summary>The states (M, T, d) as a float64 tensor.</summary>
    public static Tensor States(TrajectorySet set) => tensor(set.States, dtype: float64).view(set.Count, set.Steps, set.Dimension);

    /// <summary>What training levels <paramref name="levels"/> with a p-step rollout needs: p 2^B + 1 samples.</summary>
    /// <summary>
    /// <paramref name="levels"/> without the coarsest levels whose training windows do not fit in <paramref name="samples"/>;
    /// unchanged when none fits, so that the usual error names what the lowest level needs.
    /// </summary>
    public static LevelRange LevelsFitting(LevelRange levels, int rolloutSteps, long samples)
    {
        int highest = levels.Highest;
        while (highest > levels.Lowest && TrainingNeeds(levels with { Highest = highest }, rolloutSteps).Samples > samples) highest--;
        return levels with { Highest = highest };
    }

    public static (long Samples, string Why) TrainingNeeds(LevelRange levels, int rolloutSteps) =>
        ((long)rolloutSteps * levels.LargestStep + 1,
            $"{rolloutSteps} rollout steps of the largest step ({levels.LargestStep} dt, level {levels.Highest})");
}
