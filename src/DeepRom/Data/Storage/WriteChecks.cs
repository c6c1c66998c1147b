namespace DeepRom.Data.Storage;

/// <summary>
/// Consistency of an in-memory set before it is written: a mismatch is a programming error (ArgumentException), and
/// refusing it here keeps unreadable files from being produced.
/// </summary>
internal static class WriteChecks
{
    public static void Shape(string name, int length, int[] shape)
    {
        if (shape.Any(d => d < 1)) throw new ArgumentException($"{name}: every dimension must be at least 1");
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != length) throw new ArgumentException($"{name}: {length} values do not fill shape ({string.Join(", ", shape)})");
    }

    public static void Finite(string name, ReadOnlySpan<float> values)
    {
        foreach (float v in values)
            if (!float.IsFinite(v)) throw new ArgumentException($"{name}: holds non-finite values");
    }

    public static void Finite(string name, ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) throw new ArgumentException($"{name}: holds non-finite values");
    }

    public static void Params(double[]? values, string[]? names, int rows)
    {
        if (values is null != names is null) throw new ArgumentException("params and their names go together");
        if (values is null) return;
        if (names!.Length == 0 || values.Length != rows * names.Length)
            throw new ArgumentException($"params: {values.Length} values do not fill ({rows}, {names.Length})");
        Finite("params", values);
    }
}
