using DeepRom.Data.Hdf5;
using DeepRom.Data.Npz;
using DeepRom.Data.Storage;

namespace DeepRom.Data;

/// <summary>Reads and writes <c>snapshots/1</c> files (HDF5 or NPZ, same names); the format is in docs/data-format.md.</summary>
public static class SnapshotFile
{
    /// <summary>The container a write to <paramref name="path"/> would use; throws <see cref="InputException"/> for an unknown extension.</summary>
    public static DataFileFormat FormatFor(string path, DataFileFormat? format = null) => DataFileKind.ForWriting(path, format);

    /// <summary>
    /// Writes <paramref name="set"/> atomically. The container is <paramref name="format"/> when given, else chosen by
    /// extension (.h5/.hdf5 or .npz). Refuses to overwrite an existing file unless <paramref name="force"/>.
    /// </summary>
    public static void Write(string path, SnapshotSet set, bool force, DataFileFormat? format = null, CancellationToken ct = default)
    {
        var kind = DataFileKind.ForWriting(path, format);
        CheckConsistent(set);
        AtomicFile.Write(path, force, temp =>
        {
            IArrayWriter writer = kind == DataFileFormat.Hdf5 ? new Hdf5ArrayWriter() : new NpzArrayWriter();
            writer.AddText(TextItem.Format, SnapshotSet.FormatTag);
            writer.AddText(TextItem.Channels, set.Channels);
            writer.AddText(TextItem.Generator, set.Generator);
            writer.AddText(TextItem.GeneratorConfig, set.GeneratorConfig);
            writer.Add("fields", set.Fields, set.FieldShape);
            if (set.Time is { } time) writer.Add("time", time, [time.Length]);
            if (set.Params is { } p)
            {
                writer.Add("params", p, [set.Count, set.ParamCount]);
                writer.AddText(TextItem.ParamNames, set.ParamNames!);
            }
            AuxArrays.Write(writer, set.Aux);
            writer.Save(temp);
        }, ct);
    }

    /// <summary>
    /// Reads and validates a <c>snapshots/1</c> file, HDF5 or NPZ (recognised by content). Every problem, including a
    /// corrupt or truncated file, is an <see cref="InputException"/> naming the file, the dataset and the problem.
    /// A missing format tag, channel names or parameter names are filled in, each with a line in
    /// <see cref="SnapshotSet.Notes"/>.
    /// </summary>
    public static SnapshotSet Read(string path) => DatasetChecks.Read(path, checks =>
    {
        checks.RequireFormat(SnapshotSet.FormatTag, "fields");
        var fieldsHeader = checks.Require("fields");
        checks.RequireDType(fieldsHeader, ArrayHeader.Single);
        var timeHeader = checks.Optional("time");
        bool dynamic = timeHeader is not null;
        int[] shape = dynamic
            ? checks.Shape(fieldsHeader, "(N, T, C), (N, T, C, L) or (N, T, C, H, W) for dynamic data (time is present)", 3, 4, 5)
            : checks.Shape(fieldsHeader, "(N, C, L) or (N, C, H, W) for static data (no time dataset)", 3, 4);
        int n = shape[0], channelCount = shape[dynamic ? 2 : 1];

        double[]? time = null;
        if (timeHeader is not null)
        {
            int[] timeShape = checks.Shape(timeHeader, "(T,)", 1);
            if (timeShape[0] != shape[1])
                throw checks.Fail("time", $"has length {timeShape[0]}, but fields {fieldsHeader.ShapeText} has T = {shape[1]}");
            time = checks.Doubles(timeHeader, widen: true);
            checks.RequireFinite("time", time, timeShape);
        }

        string[] channels = checks.Names(TextItem.Channels, channelCount, $"one per channel of fields {fieldsHeader.ShapeText}", "c");
        var (parameters, names) = checks.Params(n);
        var aux = AuxArrays.Read(checks, n, "N", "sample");

        float[] fields = checks.Singles(fieldsHeader);
        checks.RequireFinite("fields", fields, shape);
        return new SnapshotSet(fields, shape, channels, parameters, names, time, aux,
            checks.Scalar(TextItem.Generator) ?? "", checks.Scalar(TextItem.GeneratorConfig) ?? "{}")
        { Notes = checks.Notes.ToArray() };
    });

    private static void CheckConsistent(SnapshotSet set)
    {
        int[] s = set.FieldShape;
        int rank = s.Length;
        if (set.IsDynamic ? rank is not (3 or 4 or 5) : rank is not (3 or 4))
            throw new ArgumentException($"fields shape ({string.Join(", ", s)}) has the wrong rank for {(set.IsDynamic ? "dynamic" : "static")} data");
        WriteChecks.Shape("fields", set.Fields.Length, s);
        WriteChecks.Finite("fields", set.Fields);
        if (set.Channels.Length != s[set.IsDynamic ? 2 : 1]) throw new ArgumentException("channel names do not match C");
        if (set.Time is { } t)
        {
            if (t.Length != s[1]) throw new ArgumentException("time length does not match T");
            WriteChecks.Finite("time", t);
        }
        WriteChecks.Params(set.Params, set.ParamNames, set.Count);
        AuxArrays.Check(set.Aux, set.Count, "N");
    }
}
