namespace DeepRom.Data.Storage;

/// <summary>
/// The optional evaluation-only arrays <c>aux/NAME</c> that both dataset kinds may carry: one entry per sample (snapshots) or
/// per trajectory (trajectories) along the first dimension, float32 or float64 kept as stored.
/// </summary>
internal static class AuxArrays
{
    /// <summary>Refuses (ArgumentException) an in-memory aux array that would make an unreadable file.</summary>
    public static void Check(IReadOnlyDictionary<string, NdArray> aux, int rows, string rowName)
    {
        foreach (var (name, array) in aux)
        {
            if (name.Length == 0 || name.Contains('/')) throw new ArgumentException($"aux name '{name}' must be non-empty without '/'");
            if (array.Data is not (float[] or double[])) throw new ArgumentException($"aux/{name} must be float32 or float64");
            if (array.Shape.Length == 0 || array.Shape[0] != rows) throw new ArgumentException($"aux/{name} first dimension must be {rowName}");
            WriteChecks.Shape($"aux/{name}", array.Data.Length, array.Shape);
        }
    }

    /// <summary>Adds every aux array in name order (so files are byte-identical for the same content).</summary>
    public static void Write(IArrayWriter writer, IReadOnlyDictionary<string, NdArray> aux)
    {
        foreach (var (name, array) in aux.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (array.Data is float[] f) writer.Add($"aux/{name}", f, array.Shape);
            else writer.Add($"aux/{name}", (double[])array.Data, array.Shape);
        }
    }

    /// <summary>Reads every array under <c>aux</c>; each must have <paramref name="rows"/> entries along its first dimension.</summary>
    public static Dictionary<string, NdArray> Read(DatasetChecks checks, int rows, string rowName, string entry)
    {
        var aux = new Dictionary<string, NdArray>(StringComparer.Ordinal);
        foreach (string name in checks.ArraysUnder("aux"))
        {
            var header = checks.Require(name);
            int[] shape = checks.Shape(header, $"({rowName[0]}, ...)", 1, 2, 3, 4, 5, 6, 7, 8);
            if (shape[0] != rows) throw checks.Fail(name, $"has first dimension {shape[0]}, expected {rowName} = {rows} (one entry per {entry})");
            aux[name["aux/".Length..]] = checks.Either(header, shape);
        }
        return aux;
    }
}
