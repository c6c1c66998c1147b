using DeepRom.Data;

namespace DeepRom.Tests.Data;

/// <summary>Small deterministic datasets and scratch folders for the file-format tests.</summary>
internal static class SampleSets
{
    public static SnapshotSet Static2D(bool withParams = true, bool withAux = true, int n = 3) =>
        Snapshots([n, 2, 5, 4], withParams, withAux, dynamic: false);

    public static SnapshotSet Static1D(bool withParams = true, bool withAux = false) =>
        Snapshots([4, 1, 7], withParams, withAux, dynamic: false);

    public static SnapshotSet Dynamic1D(bool withParams = true, bool withAux = true) =>
        Snapshots([2, 3, 1, 6], withParams, withAux, dynamic: true);

    /// <summary>A lumped system without a grid: (N, T, C) with time.</summary>
    public static SnapshotSet DynamicLumped() => Snapshots([2, 4, 3], true, true, dynamic: true);

    public static SnapshotSet Dynamic2D() => Snapshots([2, 4, 2, 3, 3], true, true, dynamic: true);

    public static SnapshotSet Snapshots(int[] shape, bool withParams, bool withAux, bool dynamic)
    {
        int n = shape[0], c = shape[dynamic ? 2 : 1];
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var fields = new float[count];
        for (int i = 0; i < fields.Length; i++) fields[i] = MathF.Sin(0.37f * i) * 10 + i * 1e-3f;
        var aux = new Dictionary<string, NdArray>();
        if (withAux)
        {
            aux["permeability"] = NdArray.Of(Enumerable.Range(0, n * 6).Select(i => 1.0 + i * 0.25).ToArray(), n, 2, 3);
            aux["mask"] = NdArray.Of(Enumerable.Range(0, n).Select(i => (float)i).ToArray(), n);
        }
        return new SnapshotSet(
            fields, shape,
            Enumerable.Range(0, c).Select(i => $"ch{i}-ü").ToArray(),
            withParams ? Enumerable.Range(0, n * 2).Select(i => i * 0.1 - 0.3).ToArray() : null,
            withParams ? ["theta_1", "θ2"] : null,
            dynamic ? Enumerable.Range(0, shape[1]).Select(t => t * 0.05).ToArray() : null,
            aux, "test generator", "{\"seed\": 7, \"name\": \"darcy\"}");
    }

    public static TrajectorySet Trajectories(bool withParams = true, bool withAux = false)
    {
        int m = 3, t = 5, d = 2;
        var states = Enumerable.Range(0, m * t * d).Select(i => Math.Cos(i * 0.3) + i).ToArray();
        var aux = new Dictionary<string, NdArray>();
        if (withAux)
        {
            aux["clean_states"] = NdArray.Of(states.Select(v => v - 0.001).ToArray(), m, t, d);
            aux["mask"] = NdArray.Of(new float[] { 1, 0, 1 }, m);
        }
        return new TrajectorySet(states, [m, t, d], Enumerable.Range(0, t).Select(i => i * 0.01).ToArray(),
            withParams ? [0.5, 1.5, 2.5] : null, withParams ? ["mu"] : null, "ode", "{\"system\": \"vdp\"}")
        { Aux = aux };
    }

    public static void AssertEqual(SnapshotSet expected, SnapshotSet actual)
    {
        Assert.Equal(expected.FieldShape, actual.FieldShape);
        Assert.Equal(expected.Fields, actual.Fields);
        Assert.Equal(expected.Channels, actual.Channels);
        Assert.Equal(expected.Params, actual.Params);
        Assert.Equal(expected.ParamNames, actual.ParamNames);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Generator, actual.Generator);
        Assert.Equal(expected.GeneratorConfig, actual.GeneratorConfig);
        Assert.Equal(expected.Aux.Keys.Order(), actual.Aux.Keys.Order());
        foreach (var (name, array) in expected.Aux)
        {
            Assert.Equal(array.Shape, actual.Aux[name].Shape);
            Assert.Equal(array.Data.GetType(), actual.Aux[name].Data.GetType());
            Assert.Equal(array.Data, actual.Aux[name].Data);
        }
    }

    public static void AssertEqual(TrajectorySet expected, TrajectorySet actual)
    {
        Assert.Equal(expected.StateShape, actual.StateShape);
        Assert.Equal(expected.States, actual.States);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Params, actual.Params);
        Assert.Equal(expected.ParamNames, actual.ParamNames);
        Assert.Equal(expected.Generator, actual.Generator);
        Assert.Equal(expected.GeneratorConfig, actual.GeneratorConfig);
        Assert.Equal(expected.Aux.Keys.Order(), actual.Aux.Keys.Order());
        foreach (var (name, array) in expected.Aux)
        {
            Assert.Equal(array.Shape, actual.Aux[name].Shape);
            Assert.Equal(array.Data.GetType(), actual.Aux[name].Data.GetType());
            Assert.Equal(array.Data, actual.Aux[name].Data);
        }
    }
}

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"deeprom-data-{Guid.NewGuid():N}");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
