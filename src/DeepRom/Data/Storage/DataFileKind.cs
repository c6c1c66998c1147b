namespace DeepRom.Data.Storage;

/// <summary>Chooses the container of a dataset file: by extension when writing, by its first bytes when reading.</summary>
internal static class DataFileKind
{
    private static readonly byte[] Hdf5Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a];

    /// <summary>The explicit format if given, else the one named by the extension of <paramref name="path"/>.</summary>
    public static DataFileFormat ForWriting(string path, DataFileFormat? format)
    {
        if (format is { } f) return f;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".h5" or ".hdf5" => DataFileFormat.Hdf5,
            ".npz" => DataFileFormat.Npz,
            var ext => throw new InputException(path, "output",
                $"unknown extension '{ext}': use .h5, .hdf5 or .npz, or name the format explicitly"),
        };
    }

    /// <summary>
    /// Recognises an existing file by content, so that a misnamed file still reads; throws
    /// <see cref="InputException"/> for a missing file or one that is neither HDF5 nor zip.
    /// </summary>
    public static DataFileFormat ForReading(string path)
    {
        if (Directory.Exists(path)) throw new InputException(path, "file", "is a folder, expected a dataset file");
        if (!File.Exists(path)) throw new InputException(path, "file", "does not exist");
        byte[] head = new byte[8];
        using var stream = OpenShared(path);
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] is 3 or 5 && head[3] is 4 or 6)
            return DataFileFormat.Npz;
        // HDF5 allows a user block before the superblock: the signature may sit at 0, 512, 1024, 2048, ...
        for (long offset = 0; offset + 8 <= stream.Length; offset = offset == 0 ? 512 : offset * 2)
        {
            stream.Position = offset;
            if (stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && head.AsSpan().SequenceEqual(Hdf5Signature))
                return DataFileFormat.Hdf5;
        }
        string problem = read == 0 ? "is empty" : "is neither an HDF5 file nor an NPZ (zip) file";
        throw new InputException(path, "file", problem);
    }

    public static FileStream OpenShared(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
}
