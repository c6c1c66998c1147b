using DeepRom.Data;
using DeepRom.Data.Hdf5;
using DeepRom.Data.Npz;
using DeepRom.Data.Storage;

namespace DeepRom.Tests.Data;

/// <summary>The arrays and text items of a dataset file, editable before writing, to make deliberately bad files.</summary>
internal sealed class RawDataset
{
    public Dictionary<string, (Array Values, int[] Shape)> Arrays { get; } = new();

    public Dictionary<TextItem, object> Texts { get; } = new();

    /// <summary>A valid static 2-D snapshot file: fields (3, 2, 5, 4), params (3, 2), aux/permeability (3, 2, 3).</summary>
    public static RawDataset ValidSnapshots()
    {
        var set = SampleSets.Static2D();
        var raw = new RawDataset();
        raw.Arrays["fields"] = (set.Fields, set.FieldShape);
        raw.Arrays["params"] = (set.Params!, [3, 2]);
        raw.Arrays["aux/permeability"] = (set.Aux["permeability"].Data, set.Aux["permeability"].Shape);
        raw.Texts[TextItem.Format] = SnapshotSet.FormatTag;
        raw.Texts[TextItem.Channels] = set.Channels;
        raw.Texts[TextItem.ParamNames] = set.ParamNames!;
        raw.Texts[TextItem.Generator] = set.Generator;
        raw.Texts[TextItem.GeneratorConfig] = set.GeneratorConfig;
        return raw;
    }

    /// <summary>A valid dynamic 1-D snapshot file: fields (2, 3, 1, 6), time (3,).</summary>
    public static RawDataset ValidDynamic()
    {
        var raw = ValidSnapshots();
        var set = SampleSets.Dynamic1D(withAux: false);
        raw.Arrays.Remove("aux/permeability");
        raw.Arrays["fields"] = (set.Fields, set.FieldShape);
        raw.Arrays["params"] = (set.Params!, [2, 2]);
        raw.Arrays["time"] = (set.Time!, [3]);
        raw.Texts[TextItem.Channels] = set.Channels;
        return raw;
    }

    public static RawDataset ValidTrajectories()
    {
        var set = SampleSets.Trajectories();
        var raw = new RawDataset();
        raw.Arrays["states"] = (set.States, set.StateShape);
        raw.Arrays["time"] = (set.Time, [set.Steps]);
        raw.Arrays["params"] = (set.Params!, [3, 1]);
        raw.Texts[TextItem.Format] = TrajectorySet.FormatTag;
        raw.Texts[TextItem.ParamNames] = set.ParamNames!;
        raw.Texts[TextItem.Generator] = set.Generator;
        return raw;
    }

    public void Write(string path, DataFileFormat format)
    {
        IArrayWriter writer = format == DataFileFormat.Hdf5 ? new Hdf5ArrayWriter() : new NpzArrayWriter();
        foreach (var (name, (values, shape)) in Arrays)
        {
            if (values is float[] f) writer.Add(name, f, shape);
            else writer.Add(name, (double[])values, shape);
        }
        foreach (var (item, value) in Texts)
        {
            if (value is string s) writer.AddText(item, s);
            else writer.AddText(item, (string[])value);
        }
        writer.Save(path);
    }
}
