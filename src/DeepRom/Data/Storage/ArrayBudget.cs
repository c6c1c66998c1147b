namespace DeepRom.Data.Storage;

/// <summary>
/// Refuses to allocate for an array whose declared size the file cannot hold, so a corrupt header costs an error
/// message rather than gigabytes of memory.
/// </summary>
internal static class ArrayBudget
{
    /// <summary>Compressed chunks may expand; this bounds how much beyond the file size we believe them.</summary>
    public const long CompressionAllowance = 1024;

    public static int Elements(string path, ArrayHeader header, int bytesPerValue, long availableBytes)
    {
        long count = 1;
        foreach (long d in header.Shape)
        {
            if (d < 0) throw Corrupt(path, header, $"negative dimension {d}");
            count = d == 0 ? 0 : (count > long.MaxValue / d ? long.MaxValue : count * d);
        }
        if (count > Array.MaxLength)
            throw new InputException(path, header.Name, $"shape {header.ShapeText} has {count} values, more than one array can hold");
        if (count * bytesPerValue > availableBytes)
            throw Corrupt(path, header, $"shape {header.ShapeText} needs {count * bytesPerValue} bytes, the file holds {availableBytes}");
        return (int)count;
    }

    private static InputException Corrupt(string path, ArrayHeader header, string reason) =>
        new(path, header.Name, $"corrupt or truncated: {reason}");
}
