using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace DeepRom.Data.Npz;

/// <summary>Values of <c>.npy</c> arrays: raw little-endian bytes through spans, no per-element boxing.</summary>
internal static class NpyArray
{
    public static void Write(Stream stream, float[] values, int[] shape) =>
        Write(stream, "<f4", MemoryMarshal.AsBytes(values.AsSpan()), shape);

    public static void Write(Stream stream, double[] values, int[] shape) =>
        Write(stream, "<f8", MemoryMarshal.AsBytes(values.AsSpan()), shape);

    /// <summary>Writes strings as a numpy unicode array ('&lt;U n', UTF-32): a 0-d array when <paramref name="scalar"/>.</summary>
    public static void WriteStrings(Stream stream, string[] values, bool scalar)
    {
        int[][] runes = values.Select(s => s.EnumerateRunes().Select(r => r.Value).ToArray()).ToArray();
        int width = Math.Max(1, runes.Length == 0 ? 1 : runes.Max(r => r.Length));
        var data = new int[width * values.Length];
        for (int i = 0; i < runes.Length; i++) runes[i].CopyTo(data, i * width);
        if (!BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(data, data);
        var header = new NpyHeader($"<U{width}", false, scalar ? [] : [values.Length]);
        stream.Write(header.ToBytes());
        stream.Write(MemoryMarshal.AsBytes(data.AsSpan()));
    }

    /// <summary>Reads <paramref name="count"/> float32 values in C order.</summary>
    public static float[] ReadSingle(Stream stream, NpyHeader header, int count)
    {
        var values = new float[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        if (NeedsSwap(header)) BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<float, int>(values.AsSpan()), MemoryMarshal.Cast<float, int>(values.AsSpan()));
        return header.FortranOrder ? ToRowMajor(values, header.Shape) : values;
    }

    /// <summary>Reads <paramref name="count"/> float64 values in C order.</summary>
    public static double[] ReadDouble(Stream stream, NpyHeader header, int count)
    {
        var values = new double[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        if (NeedsSwap(header)) BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<double, long>(values.AsSpan()), MemoryMarshal.Cast<double, long>(values.AsSpan()));
        return header.FortranOrder ? ToRowMajor(values, header.Shape) : values;
    }

    /// <summary>Reads a 'U' (UTF-32) or 'S' (bytes, decoded as UTF-8) array of <paramref name="count"/> strings.</summary>
    public static string[] ReadStrings(Stream stream, NpyHeader header, int count)
    {
        int width = header.ItemSize;
        bool unicode = header.Kind == 'U';
        int bytesPerItem = checked(unicode ? width * 4 : width);
        var bytes = new byte[checked(bytesPerItem * count)];
        stream.ReadExactly(bytes);
        var result = new string[count];
        for (int i = 0; i < count; i++)
        {
            var item = bytes.AsSpan(i * bytesPerItem, bytesPerItem);
            if (unicode)
            {
                var chars = MemoryMarshal.Cast<byte, int>(item).ToArray();
                if (header.ByteOrder == '>' == BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(chars, chars);
                int length = Array.IndexOf(chars, 0) is var z and >= 0 ? z : chars.Length;
                var text = new StringBuilder(length);
                foreach (int c in chars.AsSpan(0, length))
                    text.Append(Rune.IsValid(c) ? new Rune(c).ToString() : "\uFFFD");
                result[i] = text.ToString();
            }
            else
            {
                int length = item.IndexOf((byte)0) is var z and >= 0 ? z : item.Length;
                result[i] = Encoding.UTF8.GetString(item[..length]);
            }
        }
        return result;
    }

    private static bool NeedsSwap(NpyHeader header) => header.ByteOrder == '>' == BitConverter.IsLittleEndian;

    // numpy writes a Fortran-ordered array (e.g. a transposed view) column-major; our records are row-major.
    private static T[] ToRowMajor<T>(T[] source, long[] shape)
    {
        int rank = shape.Length;
        if (rank < 2 || source.Length == 0) return source;
        var strides = new long[rank];
        strides[0] = 1;
        for (int k = 1; k < rank; k++) strides[k] = strides[k - 1] * shape[k - 1];
        var index = new long[rank];
        var target = new T[source.Length];
        long offset = 0;
        for (int c = 0; c < target.Length; c++)
        {
            target[c] = source[offset];
            int d = rank - 1;
            index[d]++;
            offset += strides[d];
            while (d > 0 && index[d] == shape[d])
            {
                offset -= shape[d] * strides[d];
                index[d] = 0;
                d--;
                index[d]++;
                offset += strides[d];
            }
        }
        return target;
    }

    private static void Write(Stream stream, string descr, ReadOnlySpan<byte> bytes, int[] shape)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("writing .npy needs a little-endian machine");
        stream.Write(new NpyHeader(descr, false, shape.Select(d => (long)d).ToArray()).ToBytes());
        stream.Write(bytes);
    }
}
