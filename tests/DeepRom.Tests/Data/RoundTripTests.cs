using CsCheck;
using DeepRom.Data;

namespace DeepRom.Tests.Data;

public class RoundTripTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string ext in new[] { ".h5", ".npz" })
            foreach (string kind in new[] { "static2d", "static2d-bare", "static1d", "static1d-aux", "dynamic1d", "dynamic1d-bare", "dynamic2d", "lumped" })
                data.Add(ext, kind);
        return data;
    }

    private static SnapshotSet Make(string kind) => kind switch
    {
        "static2d" => SampleSets.Static2D(),
        "static2d-bare" => SampleSets.Static2D(withParams: false, withAux: false),
        "static1d" => SampleSets.Static1D(),
        "static1d-aux" => SampleSets.Static1D(withParams: false, withAux: true) with { },
        "dynamic1d" => SampleSets.Dynamic1D(),
        "dynamic1d-bare" => SampleSets.Dynamic1D(withParams: false, withAux: false),
        "dynamic2d" => SampleSets.Dynamic2D(),
        "lumped" => SampleSets.DynamicLumped(),
        _ => throw new ArgumentException(kind),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Snapshot_sets_read_back_exactly(string ext, string kind)
    {
        using var dir = new ScratchFolder();
        var set = Make(kind);
        string path = dir.File("set" + ext);
        SnapshotFile.Write(path, set, force: false);
        SampleSets.AssertEqual(set, SnapshotFile.Read(path));
    }

    [Theory]
    [InlineData(".h5")]
    [InlineData(".npz")]
    public void Rank_three_fields_are_a_lumped_system_with_time_and_a_1d_field_without(string ext)
    {
        using var dir = new ScratchFolder();
        var lumped = SampleSets.DynamicLumped();
        string path = dir.File("lumped" + ext);
        SnapshotFile.Write(path, lumped, force: false);
        var read = SnapshotFile.Read(path);
        Assert.True(read.IsDynamic);
        Assert.Empty(read.GridShape);
        Assert.Equal(3, read.Channels.Length);
        Assert.Equal(12, read.SampleLength);

        var static1D = lumped with { Time = null, Channels = ["a", "b", "c", "d"] };
        string other = dir.File("static" + ext);
        SnapshotFile.Write(other, static1D, force: false);
        var again = SnapshotFile.Read(other);
        Assert.False(again.IsDynamic);
        Assert.Equal([3], again.GridShape);
    }

    [Theory]
    [InlineData(".h5", true, false)]
    [InlineData(".npz", true, false)]
    [InlineData(".hdf5", false, false)]
    [InlineData(".npz", false, false)]
    [InlineData(".h5", false, true)]
    [InlineData(".npz", true, true)]
    public void Trajectory_sets_read_back_exactly(string ext, bool withParams, bool withAux)
    {
        using var dir = new ScratchFolder();
        var set = SampleSets.Trajectories(withParams, withAux);
        string path = dir.File("traj" + ext);
        TrajectoryFile.Write(path, set, force: false);
        SampleSets.AssertEqual(set, TrajectoryFile.Read(path));
    }

    [Fact]
    public void Explicit_format_overrides_the_extension_and_reading_recognises_content()
    {
        using var dir = new ScratchFolder();
        var set = SampleSets.Static1D();
        string path = dir.File("misnamed.dat");
        SnapshotFile.Write(path, set, force: false, DataFileFormat.Npz);
        Assert.Equal((byte)'P', File.ReadAllBytes(path)[0]);
        SampleSets.AssertEqual(set, SnapshotFile.Read(path));
    }

    [Fact]
    public void Unknown_extension_is_refused_without_a_format()
    {
        using var dir = new ScratchFolder();
        var e = Assert.Throws<InputException>(() => SnapshotFile.Write(dir.File("set.csv"), SampleSets.Static1D(), force: false));
        Assert.Contains(".csv", e.Message);
        Assert.False(File.Exists(dir.File("set.csv")));
    }

    [Fact]
    public void Random_shapes_and_values_survive_both_containers()
    {
        var gen =
            from dynamic in Gen.Bool
            from twoD in Gen.Bool
            from dims in Gen.Int[1, 4].Array[5]
            from withParams in Gen.Bool
            from withAux in Gen.Bool
            from seed in Gen.Int
            select (dynamic, twoD, dims, withParams, withAux, seed);
        using var dir = new ScratchFolder();
        int run = 0;
        gen.Sample(c =>
        {
            int[] shape = (c.dynamic, c.twoD) switch
            {
                (false, false) => [c.dims[0], c.dims[1], c.dims[2]],
                (false, true) => [c.dims[0], c.dims[1], c.dims[2], c.dims[3]],
                (true, false) => [c.dims[0], c.dims[4], c.dims[1], c.dims[2]],
                (true, true) => [c.dims[0], c.dims[4], c.dims[1], c.dims[2], c.dims[3]],
            };
            var rng = new Random(c.seed);
            var set = SampleSets.Snapshots(shape, c.withParams, c.withAux, c.dynamic);
            for (int i = 0; i < set.Fields.Length; i++)
                set.Fields[i] = (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-30, 30)));
            foreach (string ext in new[] { ".h5", ".npz" })
            {
                string path = dir.File($"p{Interlocked.Increment(ref run)}{ext}"); // samples run on several threads
                SnapshotFile.Write(path, set, force: false);
                SampleSets.AssertEqual(set, SnapshotFile.Read(path));
            }
        }, iter: 40);
    }
}
