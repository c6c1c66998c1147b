using DeepRom.Data.Storage;
using PureHDF;
using PureHDF.VOL.Native;

namespace DeepRom.Data.Hdf5;

/// <summary>Reads dataset files stored as HDF5 through PureHDF (contiguous, compact or chunked/gzip datasets).</summary>
internal sealed class Hdf5ArrayReader : IArrayReader
{
    private readonly string _path;
    private readonly long _fileLength;
    private readonly NativeFile _file;

    public Hdf5ArrayReader(string path)
    {
        _path = path;
        _fileLength = new FileInfo(path).Length;
        _file = H5File.OpenRead(path);
    }

    public ArrayHeader? Find(string name)
    {
        if (!Exists(name)) return null;
        var obj = _file.Get(name);
        if (obj is not IH5Dataset dataset) return new ArrayHeader(name, "group", []);
        long[] shape = dataset.Space.Type == H5DataspaceType.Scalar
            ? []
            : dataset.Space.Dimensions.Select(d => d > long.MaxValue ? -1 : (long)d).ToArray();
        return new ArrayHeader(name, DTypeOf(dataset.Type), shape);
    }

    public IReadOnlyList<string> ArraysUnder(string group)
    {
        if (!Exists(group) || _file.Get(group) is not IH5Group g) return [];
        return g.Children().Select(c => $"{group}/{c.Name}").OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    public float[] ReadSingle(ArrayHeader header)
    {
        var dataset = _file.Dataset(header.Name);
        var values = new float[ArrayBudget.Elements(_path, header, 4, Budget(dataset))];
        if (values.Length > 0) dataset.Read(values);
        return values;
    }

    public double[] ReadDouble(ArrayHeader header)
    {
        if (header.DType == ArrayHeader.Single) return Array.ConvertAll(ReadSingle(header), v => (double)v);
        var dataset = _file.Dataset(header.Name);
        var values = new double[ArrayBudget.Elements(_path, header, 8, Budget(dataset))];
        if (values.Length > 0) dataset.Read(values);
        return values;
    }

    public string[]? ReadText(TextItem item)
    {
        IH5Object owner;
        if (item == TextItem.ParamNames)
        {
            if (!Exists("params")) return null;
            owner = _file.Get("params");
        }
        else owner = _file;
        string attributeName = AttributeName(item);
        if (!owner.AttributeExists(attributeName)) return null;
        var attribute = owner.Attribute(attributeName);
        if (attribute.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
            throw new InputException(_path, NameOf(item), $"is {DTypeOf(attribute.Type)}, expected a string or an array of strings");
        return attribute.Read<string[]>().Select(s => s ?? "").ToArray();
    }

    public string NameOf(TextItem item) => item == TextItem.ParamNames
        ? "params attribute 'names'"
        : $"root attribute '{AttributeName(item)}'";

    public void Dispose() => _file.Dispose();

    internal static string AttributeName(TextItem item) => item switch
    {
        TextItem.Format => "deeprom_format",
        TextItem.Channels => "channels",
        TextItem.Generator => "generator",
        TextItem.GeneratorConfig => "generator_config",
        TextItem.ParamNames => "names",
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    private long Budget(IH5Dataset dataset) =>
        dataset.Layout.Class == H5DataLayoutClass.Chunked ? _fileLength * ArrayBudget.CompressionAllowance : _fileLength;

    // LinkExists("aux/x") on a file without "aux" is not guaranteed to answer false, so walk the path.
    private bool Exists(string path)
    {
        IH5Group group = _file;
        string[] parts = path.Split('/');
        for (int i = 0; i < parts.Length; i++)
        {
            if (!group.LinkExists(parts[i])) return false;
            if (i == parts.Length - 1) return true;
            if (group.Get(parts[i]) is not IH5Group next) return false;
            group = next;
        }
        return false;
    }

    private static string DTypeOf(IH5DataType type) => type.Class switch
    {
        H5DataTypeClass.FloatingPoint => $"float{type.Size * 8}",
        H5DataTypeClass.FixedPoint => (type.FixedPoint.IsSigned ? "int" : "uint") + (type.Size * 8),
        H5DataTypeClass.String or H5DataTypeClass.VariableLength => "string",
        var other => other.ToString().ToLowerInvariant(),
    };
}
