using DeepRom.Data.Hdf5;
using DeepRom.Data.Npz;

namespace DeepRom.Data.Storage;

/// <summary>
/// Validated access to one dataset file: every failure becomes an <see cref="InputException"/> naming the file, the
/// dataset and the problem, including failures of the container parsers on corrupt or truncated files.
/// </summary>
internal sealed class DatasetChecks
{
    private readonly IArrayReader _reader;
    private readonly List<string> _notes = [];
    private string _current = "file";

    private DatasetChecks(string path, IArrayReader reader)
    {
        Path = path;
        _reader = reader;
    }

    public string Path { get; }

    /// <summary>What was filled in for items the file leaves out, one line each: <c>FILE: ITEM: what was assumed</c>.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Opens <paramref name="path"/> (HDF5 or NPZ, recognised by content) and runs <paramref name="read"/> on it.</summary>
    public static T Read<T>(string path, Func<DatasetChecks, T> read)
    {
        var format = DataFileKind.ForReading(path);
        DatasetChecks? checks = null;
        try
        {
            using IArrayReader reader = format == DataFileFormat.Hdf5 ? new Hdf5ArrayReader(path) : new NpzArrayReader(path);
            checks = new DatasetChecks(path, reader);
            return read(checks);
        }
        catch (InputException) { throw; }
        catch (OperationCanceledException) { throw; }
        catch (Exception e)
        {
            throw new InputException(path, checks?._current ?? "file", $"corrupt or truncated: {Reason(e)}", e);
        }
    }

    public InputException Fail(string item, string problem) => new(Path, item, problem);

    /// <summary>
    /// Checks the root tag that says which kind of dataset the file holds. Without a tag, a file that has
    /// <paramref name="mainArray"/> is read as <paramref name="tag"/> (with a note): files written by users' own
    /// h5py or numpy scripts rarely carry it. A tag naming another format is always refused.
    /// </summary>
    public void RequireFormat(string tag, string mainArray)
    {
        string item = _reader.NameOf(TextItem.Format);
        string? found = Scalar(TextItem.Format);
        if (found is null)
        {
            if (Optional(mainArray) is null)
                throw Fail(item, $"missing, and there is no {mainArray} array: not a DeepRom dataset file (expected '{tag}')");
            Note(item, $"missing; read as {tag} because the file has {mainArray}");
            return;
        }
        if (found != tag) throw Fail(item, $"is '{found}', expected '{tag}'");
    }

    private void Note(string item, string text) => _notes.Add($"{Path}: {item}: {text}");

    public ArrayHeader? Optional(string name)
    {
        _current = name;
        return _reader.Find(name);
    }

    public ArrayHeader Require(string name) => Optional(name) ?? throw Fail(name, "missing");

    public IReadOnlyList<string> ArraysUnder(string group)
    {
        _current = group;
        return _reader.ArraysUnder(group);
    }

    /// <summary>Checks rank (one of <paramref name="ranks"/>) and that every dimension is at least 1.</summary>
    public int[] Shape(ArrayHeader header, string expected, params int[] ranks)
    {
        if (!ranks.Contains(header.Rank))
            throw Fail(header.Name, $"has rank {header.Rank} {header.ShapeText}, expected {expected}");
        foreach (long d in header.Shape)
            if (d < 1 || d > int.MaxValue)
                throw Fail(header.Name, $"has shape {header.ShapeText}, every dimension must be between 1 and {int.MaxValue}");
        return header.Shape.Select(d => (int)d).ToArray();
    }

    /// <summary>The values of a float32 array; any other dtype is refused (the contract fixes float32).</summary>
    public float[] Singles(ArrayHeader header)
    {
        RequireDType(header, ArrayHeader.Single);
        _current = header.Name;
        return _reader.ReadSingle(header);
    }

    /// <summary>The values of a float64 array; float32 is widened when <paramref name="widen"/>.</summary>
    public double[] Doubles(ArrayHeader header, bool widen)
    {
        if (!(widen && header.DType == ArrayHeader.Single)) RequireDType(header, ArrayHeader.Double);
        _current = header.Name;
        return _reader.ReadDouble(header);
    }

    /// <summary>The values of a float32 or float64 array, keeping its dtype.</summary>
    public NdArray Either(ArrayHeader header, int[] shape)
    {
        _current = header.Name;
        return header.DType switch
        {
            ArrayHeader.Single => new NdArray(_reader.ReadSingle(header), shape),
            ArrayHeader.Double => new NdArray(_reader.ReadDouble(header), shape),
            _ => throw Fail(header.Name, $"has dtype {header.DType}, expected float32 or float64"),
        };
    }

    public void RequireDType(ArrayHeader header, string dtype)
    {
        if (header.DType != dtype)
            throw Fail(header.Name, $"has dtype {header.DType}, expected {dtype}" +
                (dtype == ArrayHeader.Single && header.DType == ArrayHeader.Double ? " (convert with .astype(numpy.float32))" : ""));
    }

    /// <summary>The strings of a text item, or null when absent.</summary>
    public string[]? Texts(TextItem item)
    {
        _current = _reader.NameOf(item);
        return _reader.ReadText(item);
    }

    /// <summary>A text item holding one string (a scalar, or an array of one), or null when absent.</summary>
    public string? Scalar(TextItem item)
    {
        string[]? values = Texts(item);
        if (values is null) return null;
        if (values.Length != 1) throw Fail(_reader.NameOf(item), $"holds {values.Length} strings, expected one");
        return values[0];
    }

    /// <summary>
    /// The names in <paramref name="item"/>, exactly <paramref name="count"/> of them; when the item is absent,
    /// <paramref name="prefix"/>1 to <paramref name="prefix"/>N with a note. A wrong count is refused.
    /// </summary>
    public string[] Names(TextItem item, int count, string what, string prefix)
    {
        string name = _reader.NameOf(item);
        string[]? values = Texts(item);
        if (values is null)
        {
            values = Enumerable.Range(1, count).Select(i => $"{prefix}{i}").ToArray();
            Note(name, $"missing; named {(count == 1 ? values[0] : $"{values[0]}..{values[^1]}")}");
            return values;
        }
        if (values.Length != count) throw Fail(name, $"holds {values.Length} names, expected {count} ({what})");
        return values;
    }

    /// <summary>Optional <c>params</c> (rows, s) with its s names (p1..ps when the file has none).</summary>
    public (double[]? Values, string[]? Names) Params(int rows)
    {
        var header = Optional("params");
        if (header is null) return (null, null);
        int[] shape = Shape(header, $"({rows}, s)", 2);
        if (shape[0] != rows) throw Fail("params", $"has {shape[0]} rows, expected {rows} (one per sample)");
        string[] names = Names(TextItem.ParamNames, shape[1], $"one per column of params {header.ShapeText}", "p");
        double[] values = Doubles(header, widen: true);
        RequireFinite("params", values, shape);
        return (values, names);
    }

    public void RequireFinite(string name, ReadOnlySpan<float> values, int[] shape)
    {
        int first = -1, bad = 0;
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]) && bad++ == 0) first = i;
        if (bad > 0) throw NonFinite(name, bad, first, shape);
    }

    public void RequireFinite(string name, ReadOnlySpan<double> values, int[] shape)
    {
        int first = -1, bad = 0;
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]) && bad++ == 0) first = i;
        if (bad > 0) throw NonFinite(name, bad, first, shape);
    }

    private InputException NonFinite(string name, int bad, int first, int[] shape) =>
        Fail(name, $"{bad} non-finite value{(bad == 1 ? "" : "s")} (NaN or Inf), the first at index {IndexText(first, shape)}");

    internal static string IndexText(long flat, int[] shape)
    {
        var index = new long[shape.Length];
        for (int k = shape.Length - 1; k >= 0; k--)
        {
            index[k] = flat % shape[k];
            flat /= shape[k];
        }
        return $"({string.Join(", ", index)}{(index.Length == 1 ? "," : "")})";
    }

    private static string Reason(Exception e)
    {
        string message = e switch
        {
            EndOfStreamException => "unexpected end of data",
            _ => e.Message.Split('\n')[0].Trim(),
        };
        if (message.Length > 160) message = message[..157] + "...";
        return $"{message} ({e.GetType().Name})";
    }
}
