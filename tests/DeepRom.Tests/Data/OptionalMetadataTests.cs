using DeepRom.Data;
using DeepRom.Data.Storage;

namespace DeepRom.Tests.Data;

/// <summary>
/// Files from users' own scripts often hold only the arrays: a missing format tag or missing names are filled in
/// with a note each, while anything present but wrong is still refused.
/// </summary>
public class OptionalMetadataTests : IDisposable
{
    private readonly ScratchFolder dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<DataFileFormat> Formats => new() { DataFileFormat.Hdf5, DataFileFormat.Npz };

    private string Write(RawDataset raw, DataFileFormat format, string name = "user")
    {
        string path = dir.File(name + (format == DataFileFormat.Hdf5 ? ".h5" : ".npz"));
        raw.Write(path, format);
        return path;
    }

    /// <summary>Only <c>fields</c> (3, 2, 5, 4) and <c>params</c> (3, 2), no text items at all.</summary>
    private static RawDataset FieldsAndParams()
    {
        var raw = RawDataset.ValidSnapshots();
        raw.Arrays.Remove("aux/permeability");
        raw.Texts.Clear();
        return raw;
    }

    private static string ChannelsItem(DataFileFormat format) => format == DataFileFormat.Hdf5 ? "root attribute 'channels'" : "channels";

    private static string ParamNamesItem(DataFileFormat format) => format == DataFileFormat.Hdf5 ? "params attribute 'names'" : "params_names";

    private static string FormatItem(DataFileFormat format) => format == DataFileFormat.Hdf5 ? "root attribute 'deeprom_format'" : "deeprom_format";

    [Theory]
    [MemberData(nameof(Formats))]
    public void Fields_and_params_alone_read_with_default_names_and_a_note_each(DataFileFormat format)
    {
        string path = Write(FieldsAndParams(), format);
        var set = SnapshotFile.Read(path);
        var expected = SampleSets.Static2D();
        Assert.Equal(expected.Fields, set.Fields);
        Assert.Equal(expected.Params, set.Params);
        Assert.Equal(["c1", "c2"], set.Channels);
        Assert.Equal(["p1", "p2"], set.ParamNames!);
        Assert.Equal("", set.Generator);
        Assert.Equal("{}", set.GeneratorConfig);
        Assert.Equal(
        [
            $"{path}: {FormatItem(format)}: missing; read as snapshots/1 because the file has fields",
            $"{path}: {ChannelsItem(format)}: missing; named c1..c2",
            $"{path}: {ParamNamesItem(format)}: missing; named p1..p2",
        ], set.Notes);
        Assert.All(set.Notes, n => Assert.DoesNotContain('\n', n));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Fields_alone_read_as_unlabelled_data(DataFileFormat format)
    {
        var raw = FieldsAndParams();
        raw.Arrays.Remove("params");
        raw.Arrays["fields"] = (new float[3 * 1 * 4], [3, 1, 4]);
        var set = SnapshotFile.Read(Write(raw, format));
        Assert.Null(set.Params);
        Assert.Null(set.ParamNames);
        Assert.Equal(["c1"], set.Channels);
        Assert.Equal(2, set.Notes.Count);
        Assert.EndsWith($"{ChannelsItem(format)}: missing; named c1", set.Notes[1]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Dynamic_fields_with_time_alone_read(DataFileFormat format)
    {
        var raw = RawDataset.ValidDynamic();
        raw.Arrays.Remove("params");
        raw.Texts.Clear();
        var set = SnapshotFile.Read(Write(raw, format));
        Assert.True(set.IsDynamic);
        Assert.Equal([2, 3, 1, 6], set.FieldShape);
        Assert.Equal(["c1"], set.Channels);
        Assert.Equal(2, set.Notes.Count);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Complete_files_and_written_sets_have_no_notes(DataFileFormat format)
    {
        Assert.Empty(SnapshotFile.Read(Write(RawDataset.ValidSnapshots(), format)).Notes);
        string path = dir.File("written" + (format == DataFileFormat.Hdf5 ? ".h5" : ".npz"));
        SnapshotFile.Write(path, SampleSets.Static2D(), force: false);
        Assert.Empty(SnapshotFile.Read(path).Notes);
        Assert.Empty(SampleSets.Static2D().Notes);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_tag_naming_another_format_is_refused_even_with_fields(DataFileFormat format)
    {
        var raw = FieldsAndParams();
        raw.Texts[TextItem.Format] = TrajectorySet.FormatTag;
        string path = Write(raw, format);
        var e = Assert.Throws<InputException>(() => SnapshotFile.Read(path));
        Assert.Equal($"{path}: {FormatItem(format)}: is 'trajectories/1', expected 'snapshots/1'", e.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_trajectory_file_without_a_tag_is_not_read_as_snapshots(DataFileFormat format)
    {
        var raw = RawDataset.ValidTrajectories();
        raw.Texts.Clear();
        string path = Write(raw, format);
        var e = Assert.Throws<InputException>(() => SnapshotFile.Read(path));
        Assert.Equal(FormatItem(format), e.Item);
        Assert.Contains("no fields array", e.Problem);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Names_present_in_the_wrong_number_are_still_refused(DataFileFormat format)
    {
        var raw = FieldsAndParams();
        raw.Texts[TextItem.Channels] = new[] { "u", "v", "p" };
        string path = Write(raw, format, "channels");
        var e = Assert.Throws<InputException>(() => SnapshotFile.Read(path));
        Assert.Equal(ChannelsItem(format), e.Item);
        Assert.Contains("3 names, expected 2", e.Problem);

        raw = FieldsAndParams();
        raw.Texts[TextItem.ParamNames] = new[] { "only-one" };
        path = Write(raw, format, "names");
        e = Assert.Throws<InputException>(() => SnapshotFile.Read(path));
        Assert.Equal(ParamNamesItem(format), e.Item);
        Assert.Contains("1 names, expected 2", e.Problem);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Untagged_files_are_checked_like_tagged_ones(DataFileFormat format)
    {
        var raw = FieldsAndParams();
        var (values, shape) = raw.Arrays["fields"];
        raw.Arrays["fields"] = (Array.ConvertAll((float[])values, v => (double)v), shape);
        var e = Assert.Throws<InputException>(() => SnapshotFile.Read(Write(raw, format, "f64")));
        Assert.Contains("dtype float64, expected float32", e.Problem);

        raw = FieldsAndParams();
        var p = new double[6];
        p[3] = double.NaN;
        raw.Arrays["params"] = (p, [3, 2]);
        e = Assert.Throws<InputException>(() => SnapshotFile.Read(Write(raw, format, "nan")));
        Assert.Equal("params", e.Item);
        Assert.Contains("1 non-finite value", e.Problem);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Trajectories_without_tag_or_names_read_with_notes(DataFileFormat format)
    {
        var raw = RawDataset.ValidTrajectories();
        raw.Texts.Clear();
        string path = Write(raw, format, "traj");
        var set = TrajectoryFile.Read(path);
        var expected = SampleSets.Trajectories();
        Assert.Equal(expected.States, set.States);
        Assert.Equal(expected.Params, set.Params);
        Assert.Equal(["p1"], set.ParamNames!);
        Assert.Equal(
        [
            $"{path}: {FormatItem(format)}: missing; read as trajectories/1 because the file has states",
            $"{path}: {ParamNamesItem(format)}: missing; named p1",
        ], set.Notes);
        Assert.Empty(TrajectoryFile.Read(Write(RawDataset.ValidTrajectories(), format, "complete")).Notes);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Trajectory_files_still_refuse_a_wrong_tag_or_name_count(DataFileFormat format)
    {
        var raw = RawDataset.ValidTrajectories();
        raw.Texts[TextItem.Format] = SnapshotSet.FormatTag;
        string path = Write(raw, format, "tagged");
        var e = Assert.Throws<InputException>(() => TrajectoryFile.Read(path));
        Assert.Equal($"{path}: {FormatItem(format)}: is 'snapshots/1', expected 'trajectories/1'", e.Message);

        raw = RawDataset.ValidTrajectories();
        raw.Texts.Clear();
        raw.Texts[TextItem.ParamNames] = new[] { "mu", "nu" };
        e = Assert.Throws<InputException>(() => TrajectoryFile.Read(Write(raw, format, "names")));
        Assert.Equal(ParamNamesItem(format), e.Item);
        Assert.Contains("2 names, expected 1", e.Problem);

        // A snapshot file without a tag has no states: it is not taken for trajectories.
        e = Assert.Throws<InputException>(() => TrajectoryFile.Read(Write(FieldsAndParams(), format, "snapshots")));
        Assert.Equal(FormatItem(format), e.Item);
        Assert.Contains("no states array", e.Problem);
    }
}
