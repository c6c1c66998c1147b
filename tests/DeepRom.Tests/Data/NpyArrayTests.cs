using System.Buffers.Binary;
using CsCheck;
using DeepRom.Data.Npz;

namespace DeepRom.Tests.Data;

public class NpyArrayTests
{
    [Fact]
    public void Header_round_trips_and_aligns_data_to_64_bytes()
    {
        Gen.Int[1, 100_000].Array[0, 6].Sample(dims =>
        {
            var header = new NpyHeader("<f4", false, dims.Select(d => (long)d).ToArray());
            byte[] bytes = header.ToBytes();
            Assert.Equal(0, bytes.Length % 64);
            Assert.Equal((byte)'\n', bytes[^1]);
            var (back, length) = NpyHeader.Read(new MemoryStream(bytes));
            Assert.Equal(bytes.Length, length);
            Assert.Equal(header.Shape, back.Shape);
            Assert.Equal("<f4", back.Descr);
            Assert.False(back.FortranOrder);
        });
    }

    [Fact]
    public void Fortran_ordered_arrays_are_read_in_row_major_order()
    {
        // (2, 3) with row-major values 0..5 is stored column-major as 0, 3, 1, 4, 2, 5.
        var stream = new MemoryStream();
        stream.Write(new NpyHeader("<f8", true, [2, 3]).ToBytes());
        foreach (double v in new double[] { 0, 3, 1, 4, 2, 5 }) stream.Write(BitConverter.GetBytes(v));
        stream.Position = 0;
        var (header, _) = NpyHeader.Read(stream);
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 5 }, NpyArray.ReadDouble(stream, header, 6));
    }

    [Fact]
    public void Big_endian_floats_are_swapped()
    {
        var stream = new MemoryStream();
        stream.Write(new NpyHeader(">f4", false, [2]).ToBytes());
        Span<byte> four = stackalloc byte[4];
        foreach (float v in new[] { 1.5f, -2.25f })
        {
            BinaryPrimitives.WriteSingleBigEndian(four, v);
            stream.Write(four);
        }
        stream.Position = 0;
        var (header, _) = NpyHeader.Read(stream);
        Assert.Equal(new[] { 1.5f, -2.25f }, NpyArray.ReadSingle(stream, header, 2));
    }

    [Fact]
    public void Unicode_strings_round_trip_including_non_bmp_characters()
    {
        Gen.String.Array[1, 5].Sample(values =>
        {
            var clean = values.Select(s => s.Replace("\0", "")).Select(s => string.IsNullOrEmpty(s) || !IsWellFormed(s) ? "x" : s).ToArray();
            clean[0] += "𝜃";
            var stream = new MemoryStream();
            NpyArray.WriteStrings(stream, clean, scalar: false);
            stream.Position = 0;
            var (header, _) = NpyHeader.Read(stream);
            Assert.Equal('U', header.Kind);
            Assert.Equal(clean, NpyArray.ReadStrings(stream, header, clean.Length));
        });
    }

    private static bool IsWellFormed(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }
}
