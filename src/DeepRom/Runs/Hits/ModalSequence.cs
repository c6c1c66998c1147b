using System.Text.Json;
using DeepRom.Data;
using DeepRom.Models.Rom.Reductions;

namespace DeepRom.Runs.Hits;

/// <summary>
/// One simulation of a dynamic snapshot set reduced to the time series of its leading POD coefficients (the snapshots of
/// that simulation are the columns, centred on their time mean), as a one-trajectory <c>trajectories/1</c> set: the
/// sequence task of seed 002's fluid example, where HiTS and the sequence baselines forecast POD coefficients of a wake.
/// </summary>
public static class ModalSequence
{
    /// <summary>The generator name written to the file.</summary>
    public const string Generator = "pod-coefficients";

    /// <summary>
    /// The first <paramref name="modes"/> POD coefficients of simulation <paramref name="simulation"/> of
    /// <paramref name="set"/>, using only <paramref name="channels"/> (all when null). Aux: <c>pod_singular_values</c> (1, T)
    /// and <c>pod_energy</c> (1,), the fraction of the fluctuation energy the kept modes hold.
    /// </summary>
    public static TrajectorySet Reduce(SnapshotSet set, int simulation, int modes, IReadOnlyList<string>? channels = null, string source = "data")
    {
        if (!set.IsDynamic) throw new InputException(source, "fields", "the data are static; a sequence needs a time axis (dynamic snapshots/1)");
        if (simulation < 0 || simulation >= set.Count)
            throw new InputException(source, "simulation", $"index {simulation} is outside the file's {set.Count} simulations");
        int steps = set.FieldShape[1], c = set.FieldShape[2];
        if (steps < 3) throw new InputException(source, "time", $"{steps} snapshots are too few for a sequence");
        int[] kept = ChannelIndices(set, channels, source);
        if (modes < 1 || modes > steps - 1)
            throw new InputException(source, "modes", $"{modes} modes from {steps} snapshots: expected 1 .. {steps - 1}");
        int grid = set.SampleLength / (steps * c);
        var snapshots = new double[steps][];
        ReadOnlySpan<float> fields = set.Fields.AsSpan(simulation * set.SampleLength, set.SampleLength);
        for (int t = 0; t < steps; t++)
        {
            var column = snapshots[t] = new double[kept.Length * grid];
            for (int k = 0; k < kept.Length; k++)
            {
                var values = fields.Slice((t * c + kept[k]) * grid, grid);
                for (int i = 0; i < grid; i++) column[k * grid + i] = values[i];
            }
        }
        var pod = new Pod(new PodConfig(MaxRank: modes, EnergyTarget: 1.0));
        double[][] codes = pod.Fit(snapshots);
        if (pod.LatentSize < modes) throw new InputException(source, "fields", $"the snapshots span only {pod.LatentSize} modes, fewer than {modes}");
        var states = codes.SelectMany(code => code).ToArray();
        double[]? parameters = set.Params is null ? null : set.Params.AsSpan(simulation * set.ParamCount, set.ParamCount).ToArray();
        var config = JsonSerializer.Serialize(new
        {
            source = set.Generator,
            simulation,
            modes,
            channels = kept.Select(k => set.Channels[k]).ToArray(),
            energy = pod.EnergyCaptured,
        });
        return new TrajectorySet(states, [1, steps, modes], (double[])set.Time!.Clone(), parameters,
            parameters is null ? null : (string[])set.ParamNames!.Clone(), Generator, config)
        {
            Aux = new Dictionary<string, NdArray>
            {
                ["pod_singular_values"] = new NdArray(pod.SingularValues, [1, pod.SingularValues.Length]),
                ["pod_energy"] = new NdArray(new[] { pod.EnergyCaptured }, [1]),
            },
        };
    }

    private static int[] ChannelIndices(SnapshotSet set, IReadOnlyList<string>? channels, string source)
    {
        if (channels is null || channels.Count == 0) return Enumerable.Range(0, set.Channels.Length).ToArray();
        return channels.Select(name =>
        {
            int k = Array.IndexOf(set.Channels, name);
            if (k < 0) throw new InputException(source, "channels", $"no channel '{name}' (the file has {string.Join(", ", set.Channels)})");
            return k;
        }).ToArray();
    }
}
