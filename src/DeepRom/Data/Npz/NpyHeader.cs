using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DeepRom.Data.Npz;

/// <summary>
/// The header of a <c>.npy</c> array: dtype descriptor, memory order and shape. Writes format version 1.0 and reads
/// versions 1.0 to 3.0, as numpy's <c>numpy.lib.format</c> defines them.
/// </summary>
internal sealed partial record NpyHeader(string Descr, bool FortranOrder, long[] Shape)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const int MaxHeaderLength = 1 << 20;

    /// <summary>'&lt;', '&gt;' or '|' (no order).</summary>
    public char ByteOrder => Descr[0] == '=' ? '<' : Descr[0];

    /// <summary>numpy kind character: 'f' float, 'i' int, 'U' unicode, 'S' bytes, ...</summary>
    public char Kind => Descr.Length > 1 ? Descr[1] : '?';

    /// <summary>Bytes per element for numeric kinds, characters per element for 'U' and 'S'.</summary>
    public int ItemSize => int.TryParse(Descr.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : -1;

    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>numpy-style dtype name used in messages and in <see cref="Storage.ArrayHeader"/>.</summary>
    public string DTypeName => (Kind, ItemSize) switch
    {
        ('f', > 0) => $"float{ItemSize * 8}",
        ('i', > 0) => $"int{ItemSize * 8}",
        ('u', > 0) => $"uint{ItemSize * 8}",
        ('b', 1) => "bool",
        ('U', _) => "str",
        ('S', _) => "bytes",
        ('O', _) => "object (pickled)",
        _ => $"'{Descr}'",
    };

    /// <summary>Reads the header from the start of <paramref name="stream"/>; returns it and its length in bytes.</summary>
    public static (NpyHeader Header, int Length) Read(Stream stream)
    {
        Span<byte> prefix = stackalloc byte[10];
        stream.ReadExactly(prefix);
        if (!prefix[..6].SequenceEqual(Magic)) throw new InvalidDataException("not a .npy array (bad magic)");
        byte major = prefix[6];
        int headerLength, consumed;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
            consumed = 10;
        }
        else if (major is 2 or 3)
        {
            Span<byte> rest = stackalloc byte[2];
            stream.ReadExactly(rest);
            uint len = BinaryPrimitives.ReadUInt32LittleEndian([prefix[8], prefix[9], rest[0], rest[1]]);
            if (len > MaxHeaderLength) throw new InvalidDataException($"header of {len} bytes is implausible");
            headerLength = (int)len;
            consumed = 12;
        }
        else throw new InvalidDataException($"unsupported .npy format version {major}.{prefix[7]}");
        byte[] text = new byte[headerLength];
        stream.ReadExactly(text);
        string dict = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(text);
        return (Parse(dict), consumed + headerLength);
    }

    /// <summary>The bytes of a version 1.0 header, padded so that the data starts on a 64-byte boundary.</summary>
    public byte[] ToBytes()
    {
        string shape = Shape.Length switch
        {
            0 => "()",
            1 => $"({Shape[0]},)",
            _ => $"({string.Join(", ", Shape)})",
        };
        string dict = $"{{'descr': '{Descr}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': {shape}, }}";
        int unpadded = 10 + dict.Length + 1;
        int total = (unpadded + 63) / 64 * 64;
        var bytes = new byte[total];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), checked((ushort)(total - 10)));
        Encoding.ASCII.GetBytes(dict, bytes.AsSpan(10));
        bytes.AsSpan(10 + dict.Length, total - 11 - dict.Length).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private static NpyHeader Parse(string dict)
    {
        var descr = DescrPattern().Match(dict);
        if (!descr.Success)
            throw new InvalidDataException(dict.Contains("'descr'") ? "structured dtypes are not supported" : "header has no 'descr'");
        var order = OrderPattern().Match(dict);
        if (!order.Success) throw new InvalidDataException("header has no 'fortran_order'");
        var shape = ShapePattern().Match(dict);
        if (!shape.Success) throw new InvalidDataException("header has no 'shape'");
        long[] dims = shape.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out long d)
                ? d
                : throw new InvalidDataException($"bad shape entry '{s}'"))
            .ToArray();
        return new NpyHeader(descr.Groups[1].Value, order.Groups[1].Value == "True", dims);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
