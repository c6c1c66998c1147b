using DeepRom.Data;

namespace DeepRom.Physics.Burgers;

/// <summary>Generates the Burgers snapshot set for a list of (mu1, mu2): one simulation per parameter point, in parallel.</summary>
public static class BurgersGenerator
{
    /// <summary>Value of the data set's <c>generator</c> attribute.</summary>
    public const string Name = "burgers";

    /// <summary>
    /// The file's generator configuration: the solver settings plus how the points were chosen (<paramref name="parameterSet"/>
    /// train, test or params, and the test set's seed), so that a set can be regenerated from the file alone.
    /// </summary>
    public static string Describe(BurgersConfig config, string parameterSet, int? seed)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(config.ToJson())!.AsObject();
        node["ParameterSet"] = parameterSet;
        if (seed is { } s) node["Seed"] = s;
        return node.ToJsonString();
    }

    /// <summary>
    /// Runs one simulation per point of <paramref name="parameters"/> on all cores; each writes only its own slots, so
    /// the result does not depend on scheduling. Fields are (P, Steps + 1, 1, Cells) float32 with channel w, time is
    /// (Steps + 1,), params (P, 2) are mu1, mu2, and aux/solver_seconds (P,) holds each simulation's wall time.
    /// <paramref name="progress"/> receives the number of simulations finished.
    /// </summary>
    public static SnapshotSet Generate(BurgersConfig config, IReadOnlyList<BurgersParameters> parameters, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        config.Validate();
        if (parameters.Count == 0) throw new ArgumentException("no parameter points", nameof(parameters));
        int count = parameters.Count, length = config.Snapshots * config.Cells;
        if ((long)count * length > Array.MaxLength)
            throw new ArgumentException($"{count} simulations of {length} values do not fit in one array", nameof(parameters));

        var fields = new float[count * length];
        var seconds = new double[count];
        int finished = 0;
        Parallel.For(0, count, new ParallelOptions { CancellationToken = ct }, q =>
        {
            seconds[q] = BurgersSolver.Run(config, parameters[q], fields.AsSpan(q * length, length), ct);
            progress?.Report(Interlocked.Increment(ref finished));
        });

        var flat = new double[2 * count];
        for (int q = 0; q < count; q++) (flat[2 * q], flat[2 * q + 1]) = (parameters[q].Mu1, parameters[q].Mu2);
        return new SnapshotSet(
            Fields: fields,
            FieldShape: [count, config.Snapshots, 1, config.Cells],
            Channels: ["w"],
            Params: flat,
            ParamNames: [.. BurgersParameters.Names],
            Time: config.Times(),
            Aux: new Dictionary<string, NdArray> { ["solver_seconds"] = NdArray.Of(seconds, count) },
            Generator: Name,
            GeneratorConfig: config.ToJson());
    }
}
