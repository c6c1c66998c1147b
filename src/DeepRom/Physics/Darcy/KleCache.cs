using System.Globalization;
using System.Security.Cryptography;
using DeepRom.Data;

namespace DeepRom.Physics.Darcy;

/// <summary>
/// On-disk cache of KLE eigenpairs per (n, l, S) in one folder; a cached expansion with more modes serves a smaller
/// request. Files are written atomically and checked on load (header, length, SHA-256, finite values); a damaged file
/// is recomputed and replaced.
/// </summary>
/// <remarks>
/// File <c>kle-n{n}-l{l}-s{S}.bin</c>: magic "DRKLE1\0\0", int32 n, float64 l, int32 S, S float64 eigenvalues,
/// S*n*n float64 modes, then the SHA-256 of everything before it (little-endian throughout).
/// </remarks>
public sealed class KleCache
{
    private static readonly byte[] Magic = "DRKLE1\0\0"u8.ToArray();

    public KleCache(string folder) => Folder = folder;

    /// <summary>The cache folder (created on first write).</summary>
    public string Folder { get; }

    /// <summary>$XDG_CACHE_HOME/deeprom/kle, or ~/.cache/deeprom/kle when that variable is unset.</summary>
    public static string DefaultFolder()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "deeprom", "kle");
    }

    /// <summary>Returns the cached expansion (truncated to <paramref name="modes"/>) or computes and stores it.</summary>
    public KleExpansion GetOrCompute(int nodes, double correlationLength, int modes, CancellationToken ct = default)
    {
        var cached = TryLoad(nodes, correlationLength, modes);
        if (cached is not null) return cached;
        var kle = KleExpansion.Compute(nodes, correlationLength, modes, ct);
        Store(kle);
        return kle;
    }

    /// <summary>The smallest valid cached expansion with at least <paramref name="modes"/> modes, truncated; or null.</summary>
    public KleExpansion? TryLoad(int nodes, double correlationLength, int modes)
    {
        if (!Directory.Exists(Folder)) return null;
        string prefix = $"kle-n{nodes}-l{Format(correlationLength)}-s";
        var candidates = Directory.EnumerateFiles(Folder, prefix + "*.bin")
            .Select(path => (path, s: int.TryParse(Path.GetFileNameWithoutExtension(path)[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : -1))
            .Where(c => c.s >= modes)
            .OrderBy(c => c.s);
        foreach (var (path, _) in candidates)
        {
            var kle = Read(path, nodes, correlationLength);
            if (kle is not null) return kle.Truncate(modes);
        }
        return null;
    }

    /// <summary>Writes the expansion atomically, replacing any file of the same key.</summary>
    public void Store(KleExpansion kle)
    {
        Directory.CreateDirectory(Folder);
        string path = PathFor(kle.Nodes, kle.CorrelationLength, kle.ModeCount);
        AtomicFile.Write(path, force: true, temp =>
        {
            using var stream = File.Create(temp);
            using var writer = new BinaryWriter(stream);
            using var body = new MemoryStream();
            using (var w = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic);
                w.Write(kle.Nodes);
                w.Write(kle.CorrelationLength);
                w.Write(kle.ModeCount);
                foreach (double v in kle.Eigenvalues) w.Write(v);
                foreach (var mode in kle.Modes)
                    foreach (double v in mode) w.Write(v);
            }
            byte[] bytes = body.ToArray();
            writer.Write(bytes);
            writer.Write(SHA256.HashData(bytes));
        });
    }

    /// <summary>File path for a key.</summary>
    public string PathFor(int nodes, double correlationLength, int modes) =>
        Path.Combine(Folder, $"kle-n{nodes}-l{Format(correlationLength)}-s{modes}.bin");

    private static string Format(double l) => l.ToString("R", CultureInfo.InvariantCulture);

    private static KleExpansion? Read(string path, int nodes, double correlationLength)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        const int header = 8 + 4 + 8 + 4, hash = 32;
        if (bytes.Length < header + hash || !bytes.AsSpan(0, 8).SequenceEqual(Magic)) return null;
        int n = BitConverter.ToInt32(bytes, 8);
        double l = BitConverter.ToDouble(bytes, 12);
        int s = BitConverter.ToInt32(bytes, 20);
        if (n != nodes || l != correlationLength || s < 1) return null;
        long expected = header + 8L * s * (1 + (long)n * n) + hash;
        if (bytes.Length != expected) return null;
        int bodyLength = bytes.Length - hash;
        if (!SHA256.HashData(bytes.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(bytes.AsSpan(bodyLength))) return null;
        var values = new double[s];
        var modes = new double[s][];
        int offset = header;
        for (int k = 0; k < s; k++, offset += 8) values[k] = BitConverter.ToDouble(bytes, offset);
        for (int k = 0; k < s; k++)
        {
            modes[k] = new double[n * n];
            Buffer.BlockCopy(bytes, offset, modes[k], 0, 8 * n * n);
            offset += 8 * n * n;
        }
        if (values.Any(v => !(v > 0) || double.IsInfinity(v)) || modes.Any(m => m.Any(v => !double.IsFinite(v)))) return null;
        return new KleExpansion(n, l, values, modes);
    }
}
