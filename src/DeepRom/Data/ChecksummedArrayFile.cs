using System.Security.Cryptography;
using System.Text;

namespace DeepRom.Data;

/// <summary>
/// Named float64 arrays in one little-endian binary file closed by a SHA-256 of everything before it, for model weights
/// that must load back bit for bit (a POD basis and mean). Layout: "DEEPROMA", int32 version 1, int32 count; per array
/// int32 name length, UTF-8 name, int32 rank, int32 dims, float64 values; then the 32-byte digest.
/// </summary>
public static class ChecksummedArrayFile
{
    private static readonly byte[] Magic = "DEEPROMA"u8.ToArray();
    private const int Version = 1;

    /// <summary>Writes <paramref name="arrays"/> atomically.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, NdArray> arrays, bool force)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(arrays.Count);
            foreach (var (name, array) in arrays.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (array.Data is not double[] values) throw new ArgumentException($"array '{name}' must be float64");
                if (values.LongLength != array.Length) throw new ArgumentException($"array '{name}' has {values.Length} values for shape ({string.Join(", ", array.Shape)})");
                byte[] utf8 = Encoding.UTF8.GetBytes(name);
                w.Write(utf8.Length);
                w.Write(utf8);
                w.Write(array.Shape.Length);
                foreach (int d in array.Shape) w.Write(d);
                // BinaryWriter writes little-endian on every platform.
                foreach (double v in values) w.Write(v);
            }
        }
        byte[] digest = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(digest);
        AtomicFile.WriteAllBytes(path, buffer.ToArray(), force);
    }

    /// <summary>Reads every array; a missing, truncated or altered file is an <see cref="InputException"/> naming it.</summary>
    public static Dictionary<string, NdArray> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "arrays", "missing");
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 8 + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InputException(path, "arrays", "not a DeepRom array file");
        int body = bytes.Length - 32;
        if (!SHA256.HashData(bytes.AsSpan(0, body)).AsSpan().SequenceEqual(bytes.AsSpan(body)))
            throw new InputException(path, "checksum", "does not match the contents: the file is corrupt or was changed");
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, 0, body), Encoding.UTF8);
            r.ReadBytes(Magic.Length);
            int version = r.ReadInt32();
            if (version != Version) throw new InputException(path, "version", $"is {version}; this DeepRom reads version {Version}");
            int count = r.ReadInt32();
            var arrays = new Dictionary<string, NdArray>(StringComparer.Ordinal);
            for (int k = 0; k < count; k++)
            {
                string name = Encoding.UTF8.GetString(r.ReadBytes(r.ReadInt32()));
                var shape = new int[r.ReadInt32()];
                for (int d = 0; d < shape.Length; d++) shape[d] = r.ReadInt32();
                var values = new double[shape.Aggregate(1L, (a, b) => a * b)];
                for (long i = 0; i < values.LongLength; i++) values[i] = r.ReadDouble();
                arrays[name] = NdArray.Of(values, shape);
            }
            return arrays;
        }
        catch (EndOfStreamException)
        {
            throw new InputException(path, "arrays", "shorter than its header says");
        }
    }
}
