using System.Text.Json;
using DeepRom.Data;

namespace DeepRom.Tests.Data;

/// <summary>The file format is a contract with h5py and numpy: each side reads what the other writes.</summary>
public class PythonInteropTests
{
    [PythonInteropFact]
    public void Python_reads_snapshot_files_written_here()
    {
        using var dir = new ScratchFolder();
        var set = SampleSets.Static2D();
        foreach (string ext in new[] { ".h5", ".npz" })
        {
            string path = dir.File("set" + ext);
            SnapshotFile.Write(path, set, force: false);
            using var seen = JsonDocument.Parse(PythonRunner.Script("summarise.py", path));
            var root = seen.RootElement;
            Assert.Equal("snapshots/1", root.GetProperty("deeprom_format").GetString());
            Assert.Equal(set.Channels, Strings(root.GetProperty("channels")));
            Assert.Equal(set.ParamNames, Strings(root.GetProperty("params_names")));
            Assert.Equal(set.Generator, root.GetProperty("generator").GetString());
            Assert.Equal(set.GeneratorConfig, root.GetProperty("generator_config").GetString());
            AssertArray(root.GetProperty("fields"), "float32", set.FieldShape, set.Fields.Select(v => (double)v).ToArray());
            AssertArray(root.GetProperty("params"), "float64", [3, 2], set.Params!);
            var perm = set.Aux["permeability"];
            AssertArray(root.GetProperty("aux/permeability"), "float64", perm.Shape, (double[])perm.Data);
            AssertArray(root.GetProperty("aux/mask"), "float32", [3], ((float[])set.Aux["mask"].Data).Select(v => (double)v).ToArray());
            if (ext == ".npz")
                Assert.Contains("aux/permeability.npy", Strings(root.GetProperty("members")));
        }
    }

    [PythonInteropFact]
    public void Python_reads_dynamic_and_trajectory_files_written_here()
    {
        using var dir = new ScratchFolder();
        var dynamic = SampleSets.Dynamic1D(withParams: false, withAux: false);
        var lumped = SampleSets.DynamicLumped();
        var trajectories = SampleSets.Trajectories();
        foreach (string ext in new[] { ".h5", ".npz" })
        {
            string d = dir.File("dyn" + ext), t = dir.File("traj" + ext), l = dir.File("lumped" + ext);
            SnapshotFile.Write(d, dynamic, force: false);
            SnapshotFile.Write(l, lumped, force: false);
            using var ls = JsonDocument.Parse(PythonRunner.Script("summarise.py", l));
            AssertArray(ls.RootElement.GetProperty("fields"), "float32", [2, 4, 3], lumped.Fields.Select(v => (double)v).ToArray());
            AssertArray(ls.RootElement.GetProperty("time"), "float64", [4], lumped.Time!);
            TrajectoryFile.Write(t, trajectories, force: false);
            using var ds = JsonDocument.Parse(PythonRunner.Script("summarise.py", d));
            AssertArray(ds.RootElement.GetProperty("fields"), "float32", dynamic.FieldShape, dynamic.Fields.Select(v => (double)v).ToArray());
            AssertArray(ds.RootElement.GetProperty("time"), "float64", [3], dynamic.Time!);
            Assert.False(ds.RootElement.TryGetProperty("params", out _));
            using var ts = JsonDocument.Parse(PythonRunner.Script("summarise.py", t));
            Assert.Equal("trajectories/1", ts.RootElement.GetProperty("deeprom_format").GetString());
            AssertArray(ts.RootElement.GetProperty("states"), "float64", trajectories.StateShape, trajectories.States);
            AssertArray(ts.RootElement.GetProperty("time"), "float64", [5], trajectories.Time);
            Assert.Equal(["mu"], Strings(ts.RootElement.GetProperty("params_names")));
        }
    }

    [PythonInteropFact]
    public void Files_written_by_h5py_and_numpy_read_here()
    {
        using var dir = new ScratchFolder();
        PythonRunner.Script("write_user_files.py", dir.Path);

        var h5 = SnapshotFile.Read(dir.File("user.h5"));
        Assert.Equal([4, 2, 6, 5], h5.FieldShape);
        Assert.Equal(Enumerable.Range(0, 240).Select(i => (float)(i % 97 * 0.5 - 3.0)), h5.Fields);
        Assert.Equal(["pressure", "u"], h5.Channels);
        Assert.Equal(["alpha", "beta", "γ"], h5.ParamNames!);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i / 7.0), h5.Params);
        Assert.Equal("my solver", h5.Generator);
        Assert.Equal("{\"nu\": 0.01, \"name\": \"café\"}", h5.GeneratorConfig);
        Assert.False(h5.IsDynamic);
        var perm = h5.Aux["permeability"];
        Assert.Equal([4, 6, 5], perm.Shape);
        Assert.Equal(1f, ((float[])perm.Data)[^1]);

        var npz = SnapshotFile.Read(dir.File("user.npz"));
        Assert.True(npz.IsDynamic);
        Assert.Equal([3, 5, 1, 8], npz.FieldShape);
        Assert.Equal(Enumerable.Range(0, 120).Select(i => i * 0.25f), npz.Fields);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => i * 0.1), npz.Time!, new ToleranceComparer(1e-15));
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 5 }, npz.Params); // written in Fortran order, read in C order
        Assert.Equal(["a", "b"], npz.ParamNames!);
        Assert.Equal("numpy", npz.Generator);
        Assert.Equal([3, 8], npz.Aux["mask"].Shape);

        var traj = TrajectoryFile.Read(dir.File("user-traj.npz"));
        Assert.Equal([2, 5, 3], traj.StateShape);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (double)i), traj.States);
        Assert.Equal([0, 0.5, 1, 1.5, 2], traj.Time); // float32 time widened
    }

    [PythonInteropFact]
    public void Files_holding_only_arrays_read_here_with_default_names()
    {
        using var dir = new ScratchFolder();
        PythonRunner.Script("write_minimal_files.py", dir.Path);

        foreach (string name in new[] { "minimal.h5", "minimal.npz" })
        {
            var set = SnapshotFile.Read(dir.File(name));
            Assert.Equal([4, 3, 6, 5], set.FieldShape);
            Assert.Equal(Enumerable.Range(0, 360).Select(i => i * 0.5f), set.Fields);
            Assert.Equal(["c1", "c2", "c3"], set.Channels);
            Assert.Equal(["p1", "p2"], set.ParamNames!);
            Assert.Equal(Enumerable.Range(0, 8).Select(i => i / 8.0), set.Params);
            Assert.Equal(3, set.Notes.Count);
            Assert.All(set.Notes, n => Assert.StartsWith($"{dir.File(name)}: ", n));
            Assert.Contains(set.Notes, n => n.EndsWith(": missing; named c1..c3", StringComparison.Ordinal));
        }

        var dynamic = SnapshotFile.Read(dir.File("minimal-dynamic.h5"));
        Assert.True(dynamic.IsDynamic);
        Assert.Equal([3, 5, 1, 8], dynamic.FieldShape);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], dynamic.Time!);
        Assert.Equal(["c1"], dynamic.Channels);
        Assert.Null(dynamic.Params);
        Assert.Equal(2, dynamic.Notes.Count);

        foreach (string name in new[] { "minimal-lumped.h5", "minimal-lumped.npz" })
        {
            var lumped = SnapshotFile.Read(dir.File(name));
            Assert.True(lumped.IsDynamic);
            Assert.Equal([3, 5, 2], lumped.FieldShape);
            Assert.Empty(lumped.GridShape);
            Assert.Equal(["c1", "c2"], lumped.Channels);
            Assert.Equal(Enumerable.Range(0, 30).Select(i => i * 0.5f), lumped.Fields);
        }

        var traj = TrajectoryFile.Read(dir.File("minimal-traj.npz"));
        Assert.Equal([2, 5, 3], traj.StateShape);
        Assert.Equal(["p1", "p2"], traj.ParamNames!);
        Assert.Equal(new double[] { 1, 2, 3, 4 }, traj.Params);
        Assert.Equal(2, traj.Notes.Count);
    }

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    private static void AssertArray(JsonElement e, string dtype, int[] shape, double[] values)
    {
        Assert.Equal(dtype, e.GetProperty("dtype").GetString());
        Assert.Equal(shape, e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()).ToArray());
        Assert.True(e.GetProperty("c_contiguous").GetBoolean());
        Assert.Equal(values[0], e.GetProperty("first").GetDouble());
        Assert.Equal(values[^1], e.GetProperty("last").GetDouble());
        Assert.Equal(values.Sum(), e.GetProperty("sum").GetDouble(), 1e-9 * (1 + values.Sum(Math.Abs)));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
