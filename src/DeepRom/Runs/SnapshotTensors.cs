using DeepRom.Data;
using static TorchSharp.torch;

namespace DeepRom.Runs;

/// <summary>Checks that a snapshot set suits an image model and turns its arrays into tensors.</summary>
public static class SnapshotTensors
{
    /// <summary>Throws <see cref="InputException"/> unless the set holds static 2-D fields (N, C, H, W).</summary>
    public static void RequireStatic2D(SnapshotSet set, string file)
    {
        if (set.IsDynamic || set.FieldShape.Length != 4)
            throw new InputException(file, "fields", $"this model needs static 2-D fields (N, C, H, W); got shape ({string.Join(", ", set.FieldShape)}){(set.IsDynamic ? " with time" : "")}");
    }

    /// <summary>Fields of the given rows as a float32 tensor (rows, C, H, W).</summary>
    public static Tensor Fields(SnapshotSet set, IReadOnlyList<int> rows)
    {
        int length = set.SampleLength;
        var data = new float[(long)rows.Count * length];
        for (int r = 0; r < rows.Count; r++) Array.Copy(set.Fields, (long)rows[r] * length, data, (long)r * length, length);
        long[] shape = set.FieldShape.Select(v => (long)v).ToArray();
        shape[0] = rows.Count;
        return tensor(data, shape);
    }

    /// <summary>Generative parameters of the given rows as (rows, s) doubles, or null when the set is unlabelled.</summary>
    public static double[,]? Params(SnapshotSet set, IReadOnlyList<int> rows)
    {
        if (set.Params is null) return null;
        int s = set.ParamCount;
        var theta = new double[rows.Count, s];
        for (int r = 0; r < rows.Count; r++)
            for (int j = 0; j < s; j++) theta[r, j] = set.Params[(long)rows[r] * s + j];
        return theta;
    }

    /// <summary>Row-major (rows, s) float tensor of a 2-D array.</summary>
    public static Tensor ToTensor(double[,] values)
    {
        int n = values.GetLength(0), s = values.GetLength(1);
        var data = new float[n * s];
        for (int i = 0; i < n; i++) for (int j = 0; j < s; j++) data[i * s + j] = (float)values[i, j];
        return tensor(data, new long[] { n, s });
    }

    /// <summary>A (rows, cols) tensor as a 2-D double array.</summary>
    public static double[,] ToArray(Tensor t)
    {
        using var scope = NewDisposeScope(); // holds the intermediate views while libtorch reads them
        Tensor cpu = t.detach().to_type(ScalarType.Float64).contiguous();
        double[] flat = cpu.data<double>().ToArray();
        int n = (int)t.shape[0], s = (int)t.shape[1];
        var result = new double[n, s];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(double));
        return result;
    }
}
