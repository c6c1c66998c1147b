using DeepRom.Data;
using DeepRom.Models.Rom.Interpolation;

namespace DeepRom.Runs.Rom;

/// <summary>Snapshot sets as a reduced-order model sees them: one flattened simulation and one parameter point per row, checked.</summary>
public static class RomData
{
    /// <summary>Each simulation (T, C, *grid) as one slice of the set's fields.</summary>
    public static ReadOnlyMemory<float>[] Simulations(SnapshotSet set) =>
        Enumerable.Range(0, set.Count).Select(k => new ReadOnlyMemory<float>(set.Fields, k * set.SampleLength, set.SampleLength)).ToArray();

    /// <summary>The parameter point of each simulation.</summary>
    public static double[][] ParameterRows(SnapshotSet set) =>
        Enumerable.Range(0, set.Count).Select(k => set.Params!.AsSpan(k * set.ParamCount, set.ParamCount).ToArray()).ToArray();

    /// <summary>Values per channel and time step: the product of the grid (1 for a lumped system).</summary>
    public static int GridSize(SnapshotSet set) => set.GridShape.Aggregate(1, (a, b) => a * b);

    /// <summary>Time steps per simulation: the time axis of dynamic data, 1 for static data.</summary>
    public static int Steps(SnapshotSet set) => set.IsDynamic ? set.FieldShape[1] : 1;

    /// <summary>Refuses training data a parametric ROM cannot be fitted to: no params, fewer than two simulations, a repeated point.</summary>
    public static void CheckTraining(SnapshotSet set, string file)
    {
        if (set.Params is null) throw new InputException(file, "params", "missing: a parametric ROM needs the parameter point of every simulation");
        if (set.Count < 2) throw new InputException(file, "fields", $"holds {set.Count} simulation; a parametric ROM needs at least two");
        var rows = ParameterRows(set);
        var seen = new Dictionary<string, int>();
        for (int k = 0; k < rows.Length; k++)
        {
            string key = string.Join(",", rows[k].Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            if (seen.TryGetValue(key, out int first))
                throw new InputException(file, "params", $"simulations {first} and {k} have the same parameter point {Models.Rom.ReducedOrderModel.Describe(rows[k])}");
            seen[key] = k;
        }
        // The stencil is checked before anything is fitted: a network would otherwise train for minutes first.
        try { _ = new ParameterHull(rows); }
        catch (ArgumentException e) { throw new InputException(file, "params", e.Message); }
    }

    /// <summary>Refuses test data that does not match the model: channels, grid, time axis or parameter count.</summary>
    public static void CheckMatches(RomModelSpec spec, SnapshotSet set, string file)
    {
        string Shape(IEnumerable<int> s) => "(" + string.Join(", ", s) + ")";
        if (set.IsDynamic != spec.Time is not null)
            throw new InputException(file, "time", spec.Time is null ? "present, but the model was fitted to static data" : "missing, but the model was fitted to dynamic data");
        if (!set.FieldShape[1..].SequenceEqual(spec.SampleShape))
            throw new InputException(file, "fields", $"one simulation has shape {Shape(set.FieldShape[1..])}, the model's {Shape(spec.SampleShape)} (time steps, channels and grid must match)");
        if (!set.Channels.SequenceEqual(spec.Channels))
            throw new InputException(file, "channels", $"are [{string.Join(", ", set.Channels)}], the model's [{string.Join(", ", spec.Channels)}]");
        if (spec.Time is { } time)
            for (int t = 0; t < time.Length; t++)
                if (Math.Abs(set.Time![t] - time[t]) > 1e-9 * (1 + Math.Abs(time[t])))
                    throw new InputException(file, "time", $"differs from the model's time axis at step {t} ({set.Time[t]} against {time[t]})");
        if (set.Params is null) throw new InputException(file, "params", "missing: evaluation needs the parameter point of every simulation");
        if (set.ParamCount != spec.ParamNames.Length)
            throw new InputException(file, "params", $"has {set.ParamCount} parameters, the model {spec.ParamNames.Length} ({string.Join(", ", spec.ParamNames)})");
    }
}
