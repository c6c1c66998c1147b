namespace DeepRom.Data.Storage;

/// <summary>What a stored array is before its values are read: numpy-style dtype name and shape.</summary>
/// <param name="Name">Dataset name, e.g. <c>fields</c> or <c>aux/permeability</c>.</param>
/// <param name="DType">"float32", "float64", or a description of anything else (e.g. "int64", "string").</param>
/// <param name="Shape">Dimensions, row-major.</param>
internal sealed record ArrayHeader(string Name, string DType, long[] Shape)
{
    public const string Single = "float32";
    public const string Double = "float64";

    public int Rank => Shape.Length;

    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";
}

/// <summary>The text metadata of a dataset file, stored as attributes in HDF5 and as unicode arrays in NPZ.</summary>
internal enum TextItem
{
    Format,
    Channels,
    Generator,
    GeneratorConfig,
    ParamNames,
}
