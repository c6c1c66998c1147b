using DeepRom.Data;
using DeepRom.Data.Storage;

namespace DeepRom.Tests.Data;

public class ValidationTests
{
    public static TheoryData<DataFileFormat> Formats => new() { DataFileFormat.Hdf5, DataFileFormat.Npz };

    private static InputException ReadBad(RawDataset raw, DataFileFormat format, string expectedItem, params string[] expectedWords)
    {
        using var dir = new ScratchFolder();
        string path = dir.File(format == DataFileFormat.Hdf5 ? "bad.h5" : "bad.npz");
        raw.Write(path, format);
        var e = Assert.Throws<InputException>(() => SnapshotFile.Read(path));
        Assert.Equal(path, e.Source);
        Assert.Contains(expectedItem, e.Item);
        Assert.StartsWith($"{path}: ", e.Message);
        foreach (string word in expectedWords) Assert.Contains(word, e.Problem);
        return e;
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var e = Assert.Throws<InputException>(() => SnapshotFile.Read("/nonexistent/set.h5"));
        Assert.Equal("/nonexistent/set.h5: file: does not exist", e.Message);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("x,y\n1,2\n", "neither an HDF5 file nor an NPZ")]
    public void A_file_of_another_kind_is_refused(string content, string problem)
    {
        using var dir = new ScratchFolder();
        string path = dir.File("data.h5");
        File.WriteAllText(path, content);
        var e = Assert.Throws<InputException>(() => SnapshotFile.Read(path));
        Assert.Equal("file", e.Item);
        Assert.Contains(problem, e.Problem);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Truncated_file_is_reported_as_corrupt(DataFileFormat format)
    {
        using var dir = new ScratchFolder();
        string path = dir.File("set." + (format == DataFileFormat.Hdf5 ? "h5" : "npz"));
        RawDataset.ValidSnapshots().Write(path, format);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        var e = Assert.Throws<InputException>(() => SnapshotFile.Read(path));
        Assert.Contains("corrupt or truncated", e.Problem);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Missing_format_tag_without_fields(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        raw.Texts.Remove(TextItem.Format);
        raw.Arrays.Remove("fields");
        ReadBad(raw, format, "deeprom_format", "missing", "no fields array", "snapshots/1");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Wrong_format_tag(DataFileFormat format)
    {
        ReadBad(RawDataset.ValidTrajectories(), format, "deeprom_format", "'trajectories/1'", "expected 'snapshots/1'");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Missing_fields(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        raw.Arrays.Remove("fields");
        ReadBad(raw, format, "fields", "missing");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Float64_fields_are_refused(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        var (values, shape) = raw.Arrays["fields"];
        raw.Arrays["fields"] = (Array.ConvertAll((float[])values, v => (double)v), shape);
        ReadBad(raw, format, "fields", "dtype float64", "expected float32");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Fields_of_rank_two_are_refused(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        raw.Arrays["fields"] = (new float[6], [3, 2]);
        ReadBad(raw, format, "fields", "rank 2", "(N, C, L) or (N, C, H, W)");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Rank_five_fields_need_time(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        raw.Arrays["fields"] = (new float[3 * 2 * 2 * 2 * 2], [3, 2, 2, 2, 2]);
        ReadBad(raw, format, "fields", "rank 5", "static data");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Time_length_must_match_T(DataFileFormat format)
    {
        var raw = RawDataset.ValidDynamic();
        raw.Arrays["time"] = (new double[] { 0, 1 }, [2]);
        ReadBad(raw, format, "time", "length 2", "T = 3");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Params_rows_must_match_N(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        raw.Arrays["params"] = (new double[4], [2, 2]);
        ReadBad(raw, format, "params", "2 rows", "expected 3");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Param_names_must_match_s(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        raw.Texts[TextItem.ParamNames] = new[] { "only-one" };
        ReadBad(raw, format, "names", "1 names", "expected 2");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Channel_names_must_match_C(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        raw.Texts[TextItem.Channels] = new[] { "u", "v", "p" };
        ReadBad(raw, format, "channels", "3 names", "expected 2");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Aux_first_dimension_must_be_N(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        raw.Arrays["aux/permeability"] = (new double[4], [4]);
        ReadBad(raw, format, "aux/permeability", "first dimension 4", "N = 3");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void NaN_in_fields_is_counted_and_located(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        var fields = (float[])raw.Arrays["fields"].Values.Clone();
        fields[1 * 40 + 1 * 20 + 2 * 4 + 3] = float.NaN; // index (1, 1, 2, 3) of (3, 2, 5, 4)
        fields[100] = float.PositiveInfinity;
        raw.Arrays["fields"] = (fields, [3, 2, 5, 4]);
        ReadBad(raw, format, "fields", "2 non-finite values", "(1, 1, 2, 3)");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Infinity_in_params_is_reported(DataFileFormat format)
    {
        var raw = RawDataset.ValidSnapshots();
        var p = new double[6];
        p[5] = double.NegativeInfinity;
        raw.Arrays["params"] = (p, [3, 2]);
        ReadBad(raw, format, "params", "1 non-finite value", "(2, 1)");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void NaN_in_time_is_reported(DataFileFormat format)
    {
        var raw = RawDataset.ValidDynamic();
        raw.Arrays["time"] = (new[] { 0, double.NaN, 2 }, [3]);
        ReadBad(raw, format, "time", "1 non-finite value", "(1,)");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Float32_params_and_time_are_widened(DataFileFormat format)
    {
        var raw = RawDataset.ValidDynamic();
        raw.Arrays["time"] = (new[] { 0f, 0.5f, 1f }, [3]);
        raw.Arrays["params"] = (new[] { 1f, 2f, 3f, 4f }, [2, 2]);
        using var dir = new ScratchFolder();
        string path = dir.File("f32");
        raw.Write(path, format);
        var set = SnapshotFile.Read(path);
        Assert.Equal(new[] { 0, 0.5, 1 }, set.Time);
        Assert.Equal(new double[] { 1, 2, 3, 4 }, set.Params);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Trajectory_states_must_be_float64(DataFileFormat format)
    {
        var raw = RawDataset.ValidTrajectories();
        raw.Arrays["states"] = (new float[30], [3, 5, 2]);
        using var dir = new ScratchFolder();
        string path = dir.File("t");
        raw.Write(path, format);
        var e = Assert.Throws<InputException>(() => TrajectoryFile.Read(path));
        Assert.Equal("states", e.Item);
        Assert.Contains("dtype float32, expected float64", e.Problem);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Trajectory_time_is_required(DataFileFormat format)
    {
        var raw = RawDataset.ValidTrajectories();
        raw.Arrays.Remove("time");
        using var dir = new ScratchFolder();
        string path = dir.File("t");
        raw.Write(path, format);
        var e = Assert.Throws<InputException>(() => TrajectoryFile.Read(path));
        Assert.Equal($"{path}: time: missing", e.Message);
    }

    [Fact]
    public void Multi_index_text_follows_row_major_order()
    {
        Assert.Equal("(1, 2, 3)", DatasetChecks.IndexText(1 * 12 + 2 * 4 + 3, [2, 3, 4]));
        Assert.Equal("(5,)", DatasetChecks.IndexText(5, [9]));
    }
}
