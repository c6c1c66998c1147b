using System.IO.Compression;
using DeepRom.Data.Storage;

namespace DeepRom.Data.Npz;

/// <summary>
/// Reads dataset files stored as NPZ: a zip whose members <c>NAME.npy</c> are the arrays (stored or deflated, as
/// <c>numpy.savez</c> and <c>numpy.savez_compressed</c> write them) and whose text items are unicode arrays.
/// </summary>
internal sealed class NpzArrayReader : IArrayReader
{
    private readonly string _path;
    private readonly long _fileLength;
    private readonly FileStream _stream;
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);

    public NpzArrayReader(string path)
    {
        _path = path;
        _stream = DataFileKind.OpenShared(path);
        try
        {
            _fileLength = _stream.Length;
            _zip = new ZipArchive(_stream, ZipArchiveMode.Read, leaveOpen: false);
            foreach (var entry in _zip.Entries)
                if (entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                    _entries[entry.FullName[..^4]] = entry;
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public ArrayHeader? Find(string name)
    {
        if (!_entries.TryGetValue(name, out var entry)) return null;
        using var s = entry.Open();
        var (header, _) = NpyHeader.Read(s);
        return new ArrayHeader(name, header.DTypeName, header.Shape);
    }

    public IReadOnlyList<string> ArraysUnder(string group) =>
        _entries.Keys.Where(k => k.StartsWith(group + "/", StringComparison.Ordinal) && k.IndexOf('/', group.Length + 1) < 0)
            .OrderBy(k => k, StringComparer.Ordinal).ToList();

    public float[] ReadSingle(ArrayHeader header)
    {
        using var s = Open(header, 4, out var npy, out int count);
        return NpyArray.ReadSingle(s, npy, count);
    }

    public double[] ReadDouble(ArrayHeader header)
    {
        if (header.DType == ArrayHeader.Single) return Array.ConvertAll(ReadSingle(header), v => (double)v);
        using var s = Open(header, 8, out var npy, out int count);
        return NpyArray.ReadDouble(s, npy, count);
    }

    public string[]? ReadText(TextItem item)
    {
        string name = NameOf(item);
        if (!_entries.TryGetValue(name, out var entry)) return null;
        using var s = entry.Open();
        var (npy, _) = NpyHeader.Read(s);
        if (npy.Kind is not ('U' or 'S') || npy.ItemSize < 0)
            throw new InputException(_path, name, $"is {npy.DTypeName}, expected a numpy unicode array (dtype '<U...')");
        if (npy.Shape.Length > 1)
            throw new InputException(_path, name, $"has shape {new ArrayHeader(name, "", npy.Shape).ShapeText}, expected a string or a 1-D array of strings");
        long bytesPerItem = npy.Kind == 'U' ? npy.ItemSize * 4L : npy.ItemSize;
        var header = new ArrayHeader(name, npy.DTypeName, npy.Shape);
        int count = ArrayBudget.Elements(_path, header, (int)Math.Max(1, Math.Min(bytesPerItem, int.MaxValue)), Available(entry));
        return NpyArray.ReadStrings(s, npy, count);
    }

    public string NameOf(TextItem item) => MemberName(item);

    /// <summary>The member (without <c>.npy</c>) that holds a text item.</summary>
    internal static string MemberName(TextItem item) => item switch
    {
        TextItem.Format => "deeprom_format",
        TextItem.Channels => "channels",
        TextItem.Generator => "generator",
        TextItem.GeneratorConfig => "generator_config",
        TextItem.ParamNames => "params_names",
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    public void Dispose() => _zip.Dispose();

    private Stream Open(ArrayHeader header, int bytesPerValue, out NpyHeader npy, out int count)
    {
        var entry = _entries[header.Name];
        var s = entry.Open();
        try
        {
            (npy, _) = NpyHeader.Read(s);
            count = ArrayBudget.Elements(_path, header, bytesPerValue, Available(entry));
            return s;
        }
        catch
        {
            s.Dispose();
            throw;
        }
    }

    // A deflated member may expand, a stored one cannot exceed the file; the zip's declared size is a claim to check.
    private long Available(ZipArchiveEntry entry) =>
        entry.CompressedLength == entry.Length
            ? Math.Min(entry.Length, _fileLength)
            : Math.Min(entry.Length, _fileLength * ArrayBudget.CompressionAllowance);
}

/// <summary>Writes dataset files as NPZ: stored (uncompressed) <c>.npy</c> members, version 1.0, little-endian, C order.</summary>
internal sealed class NpzArrayWriter : IArrayWriter
{
    private readonly List<(string Member, Action<Stream> Write)> _members = new();

    public void Add(string name, float[] values, int[] shape) => _members.Add((name, s => NpyArray.Write(s, values, shape)));

    public void Add(string name, double[] values, int[] shape) => _members.Add((name, s => NpyArray.Write(s, values, shape)));

    public void AddText(TextItem item, string value) =>
        _members.Add((NpzArrayReader.MemberName(item), s => NpyArray.WriteStrings(s, [value], scalar: true)));

    public void AddText(TextItem item, string[] values) =>
        _members.Add((NpzArrayReader.MemberName(item), s => NpyArray.WriteStrings(s, values, scalar: false)));

    public void Save(string path)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (member, write) in _members)
        {
            var entry = zip.CreateEntry(member + ".npy", CompressionLevel.NoCompression);
            using var s = entry.Open();
            write(s);
        }
    }
}
