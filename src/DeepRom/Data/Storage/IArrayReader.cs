namespace DeepRom.Data.Storage;

/// <summary>Read access to the arrays and text items of one dataset file, whatever its container.</summary>
/// <remarks>
/// Implementations may throw anything on corrupt input; <see cref="DatasetReading"/> turns that into
/// <see cref="InputException"/>. They must not allocate more than the file can plausibly hold.
/// </remarks>
internal interface IArrayReader : IDisposable
{
    /// <summary>The header of array <paramref name="name"/>, or null when absent.</summary>
    ArrayHeader? Find(string name);

    /// <summary>Names of the arrays directly under <paramref name="group"/> (e.g. "aux"), full paths.</summary>
    IReadOnlyList<string> ArraysUnder(string group);

    /// <summary>Values of a float32 array.</summary>
    float[] ReadSingle(ArrayHeader header);

    /// <summary>Values of a float64 array, or of a float32 one widened.</summary>
    double[] ReadDouble(ArrayHeader header);

    /// <summary>The strings of a text item (one for a scalar), or null when absent.</summary>
    string[]? ReadText(TextItem item);

    /// <summary>How the item is called in this container, for error messages.</summary>
    string NameOf(TextItem item);
}

/// <summary>Collects arrays and text items, then writes them as one file of a given container.</summary>
internal interface IArrayWriter
{
    void Add(string name, float[] values, int[] shape);

    void Add(string name, double[] values, int[] shape);

    void AddText(TextItem item, string value);

    void AddText(TextItem item, string[] values);

    /// <summary>Writes everything to <paramref name="path"/> (a fresh temporary file).</summary>
    void Save(string path);
}
