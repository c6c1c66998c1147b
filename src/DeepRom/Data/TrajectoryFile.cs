using DeepRom.Data.Hdf5;
using DeepRom.Data.Npz;
using DeepRom.Data.Storage;

namespace DeepRom.Data;

/// <summary>Reads and writes <c>trajectories/1</c> files (HDF5 or NPZ, same names); the format is in docs/data-format.md.</summary>
public static class TrajectoryFile
{
    /// <summary>
    /// Writes <paramref name="set"/> atomically. The container is <paramref name="format"/> when given, else chosen by
    /// extension (.h5/.hdf5 or .npz). Refuses to overwrite an existing file unless <paramref name="force"/>.
    /// </summary>
    public static void Write(string path, TrajectorySet set, bool force, DataFileFormat? format = null, CancellationToken ct = default) =>
        WriteAll([(path, set)], force, format, ct);

    /// <summary>
    /// Writes several sets as one: every file is written to a temporary file first and the files are renamed into place only
    /// when all are complete, so a failure or an interruption leaves none of them (a train/validation/test triple appears
    /// together or not at all). Each path must be writable (<see cref="AtomicFile.EnsureWritable"/>) before anything is written.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(string Path, TrajectorySet Set)> files, bool force, DataFileFormat? format = null,
        CancellationToken ct = default)
    {
        var kinds = files.Select(f => DataFileKind.ForWriting(f.Path, format)).ToArray();
        foreach (var (_, set) in files) CheckConsistent(set);
        AtomicFile.WriteAll(files.Select((f, i) => (f.Path, (Action<string>)(temp => Save(temp, f.Set, kinds[i])))).ToList(), force, ct);
    }

    private static void CheckConsistent(TrajectorySet set)
    {
        if (set.StateShape.Length != 3) throw new ArgumentException("states shape must be (M, T, d)");
        WriteChecks.Shape("states", set.States.Length, set.StateShape);
        WriteChecks.Finite("states", set.States);
        if (set.Time.Length != set.Steps) throw new ArgumentException("time length does not match T");
        WriteChecks.Finite("time", set.Time);
        WriteChecks.Params(set.Params, set.ParamNames, set.Count);
        AuxArrays.Check(set.Aux, set.Count, "M");
    }

    private static void Save(string temp, TrajectorySet set, DataFileFormat kind)
    {
        IArrayWriter writer = kind == DataFileFormat.Hdf5 ? new Hdf5ArrayWriter() : new NpzArrayWriter();
        writer.AddText(TextItem.Format, TrajectorySet.FormatTag);
        writer.AddText(TextItem.Generator, set.Generator);
        writer.AddText(TextItem.GeneratorConfig, set.GeneratorConfig);
        writer.Add("states", set.States, set.StateShape);
        writer.Add("time", set.Time, [set.Time.Length]);
        if (set.Params is { } p)
        {
            writer.Add("params", p, [set.Count, set.ParamNames!.Length]);
            writer.AddText(TextItem.ParamNames, set.ParamNames);
        }
        AuxArrays.Write(writer, set.Aux);
        writer.Save(temp);
    }

    /// <summary>
    /// Reads and validates a <c>trajectories/1</c> file, HDF5 or NPZ (recognised by content). Every problem is an
    /// <see cref="InputException"/> naming the file, the dataset and the problem. A missing format tag or parameter
    /// names are filled in, each with a line in <see cref="TrajectorySet.Notes"/>.
    /// </summary>
    public static TrajectorySet Read(string path) => DatasetChecks.Read(path, checks =>
    {
        checks.RequireFormat(TrajectorySet.FormatTag, "states");
        var statesHeader = checks.Require("states");
        checks.RequireDType(statesHeader, ArrayHeader.Double);
        int[] shape = checks.Shape(statesHeader, "(M, T, d)", 3);
        var timeHeader = checks.Require("time");
        int[] timeShape = checks.Shape(timeHeader, "(T,)", 1);
        if (timeShape[0] != shape[1])
            throw checks.Fail("time", $"has length {timeShape[0]}, but states {statesHeader.ShapeText} has T = {shape[1]}");
        double[] time = checks.Doubles(timeHeader, widen: true);
        checks.RequireFinite("time", time, timeShape);
        var (parameters, names) = checks.Params(shape[0]);
        var aux = AuxArrays.Read(checks, shape[0], "M", "trajectory");
        double[] states = checks.Doubles(statesHeader, widen: false);
        checks.RequireFinite("states", states, shape);
        return new TrajectorySet(states, shape, time, parameters, names,
            checks.Scalar(TextItem.Generator) ?? "", checks.Scalar(TextItem.GeneratorConfig) ?? "{}")
        { Notes = checks.Notes.ToArray(), Aux = aux };
    });
}
