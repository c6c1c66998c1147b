using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Numerics.Ode;
using DeepRom.Physics.Ode.Systems;

namespace DeepRom.Physics.Ode;

/// <summary>
/// Makes HiTS's train, validation and test trajectories for one system: the reference's equations, parameters, initial states,
/// dt and counts, with DOP853 ground truth at a tight tolerance (the reference used scipy's loose defaults) and the reference's
/// measurement noise added to every split, the clean states kept beside the noisy ones.
/// </summary>
public static class OdeDataGenerator
{
    /// <summary>Value of the data set's <c>generator</c> attribute.</summary>
    public const string Name = "ode";

    /// <summary>Name of the aux array holding the noise-free states when noise was added.</summary>
    public const string CleanStates = "clean_states";

    /// <summary>
    /// Integrates every split (<see cref="TrajectoryIntegration"/>), adds noise when <see cref="OdeDataConfig.Noise"/> &gt; 0 (its
    /// scale computed per split, as the reference did) and describes each set. <paramref name="progress"/> receives the number of
    /// trajectories finished over all splits.
    /// </summary>
    public static OdeDataSets Generate(OdeDataConfig config, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        config.Validate();
        var system = DynamicalSystems.Create(config.System);
        var counts = config.CountsFor(system);
        var tolerance = config.Tolerance;
        var clean = TrajectoryIntegration.Run(system, counts, config.Points, config.Seed, field => new DormandPrince853(field, tolerance),
            out StepCounts work, progress, ct);
        double[] time = OdeDataConfig.Times(system.TimeStep, config.Points);
        var sets = new Dictionary<DataSplit, TrajectorySet>();
        foreach (DataSplit split in DataSplits.All)
        {
            ct.ThrowIfCancellationRequested();
            int count = counts[split], d = system.Dimension;
            double[] states = clean[split];
            double[]? scale = null;
            var aux = new Dictionary<string, NdArray>();
            if (config.Noise > 0)
            {
                scale = MeasurementNoise.Scale(states, count, config.Points, d);
                aux[CleanStates] = NdArray.Of(states, count, config.Points, d);
                states = (double[])states.Clone();
                int row = config.Points * d;
                double[] noisy = states;
                Parallel.For(0, count, new ParallelOptions { CancellationToken = ct }, m =>
                    MeasurementNoise.Add(noisy.AsSpan(m * row, row), scale, config.Noise, TrajectorySeeds.For(config.Seed, split, m, RandomPurpose.Noise)));
            }
            sets[split] = new TrajectorySet(states, [count, config.Points, d], time, null, null, Name,
                Describe(config, system, split, counts, scale))
            { Aux = aux };
        }
        return new OdeDataSets(sets[DataSplit.Train], sets[DataSplit.Validation], sets[DataSplit.Test], work);
    }

    /// <summary>
    /// The file's generator configuration: the system (equations, parameters, state names), the sampling, the initial-state rule,
    /// the integrator and tolerance, the noise (level, definition and the scales used) and the seed, so that the set can be
    /// regenerated and read without this program.
    /// </summary>
    public static string Describe(OdeDataConfig config, DynamicalSystem system, DataSplit split, SplitCounts counts, double[]? noiseScale)
    {
        var parameters = new JsonObject();
        foreach (var (name, value) in system.Parameters) parameters[name] = value;
        var node = new JsonObject
        {
            ["System"] = system.Name,
            ["Title"] = system.Title,
            ["Equations"] = system.Equations,
            ["Parameters"] = parameters,
            ["States"] = new JsonArray(system.StateNames.Select(n => (JsonNode)n).ToArray()),
            ["Split"] = split.FileStem(),
            ["Trajectories"] = counts[split],
            ["Counts"] = new JsonObject { ["train"] = counts.Train, ["val"] = counts.Validation, ["test"] = counts.Test },
            ["TimeStep"] = system.TimeStep,
            ["Points"] = config.Points,
            ["InitialStates"] = system.InitialStates.Describe(system.StateNames),
            ["Integrator"] = "DOP853 (Dormand-Prince 8(5,3), Hairer's step control), stepping exactly onto every sample time",
            ["RelativeTolerance"] = config.RelativeTolerance,
            ["AbsoluteTolerance"] = config.AbsoluteTolerance,
            ["Noise"] = config.Noise,
            ["Seed"] = config.Seed,
        };
        if (noiseScale is not null)
        {
            node["NoiseDefinition"] = MeasurementNoise.Definition;
            node["NoiseScale"] = new JsonArray(noiseScale.Select(v => (JsonNode)v).ToArray());
            node["CleanStates"] = $"aux/{CleanStates}";
        }
        return node.ToJsonString();
    }
}
