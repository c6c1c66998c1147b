namespace DeepRom.Data;

/// <summary>Writes a file so that readers see either nothing or the complete file: temporary file, then rename.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Checks that <paramref name="path"/> may be written: its folder exists and is writable, and the file is absent
    /// unless <paramref name="force"/>. Throws <see cref="InputException"/> otherwise. Call before expensive work.
    /// </summary>
    public static void EnsureWritable(string path, bool force)
    {
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            throw new InputException(path, "output", $"folder '{folder}' does not exist");
        if (Directory.Exists(full))
            throw new InputException(path, "output", "is a folder, expected a file path");
        if (File.Exists(full) && !force)
            throw new InputException(path, "output", "already exists (use --force to overwrite)");
        string probe = Path.Combine(folder, $".deeprom-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException(path, "output", $"folder '{folder}' is not writable ({e.Message})");
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a temporary file beside <paramref name="path"/> and renames it into place.
    /// On any failure (or cancellation) the temporary file is deleted and the target is untouched.
    /// </summary>
    public static void Write(string path, bool force, Action<string> write, CancellationToken ct = default)
    {
        EnsureWritable(path, force);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        TempFiles.Register(temp);
        try
        {
            write(temp);
            // An interruption that arrives while the file is being written still keeps it from appearing.
            ct.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite: force);
        }
        catch (IOException) when (!force && File.Exists(full))
        {
            throw new InputException(path, "output", "appeared while writing (use --force to overwrite)");
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            TempFiles.Unregister(temp);
        }
    }

    /// <summary>
    /// Writes several files so that they appear together or not at all: each is checked with <see cref="EnsureWritable"/>, then
    /// written to its own temporary file, and only when every write has succeeded (and no cancellation arrived) are they renamed
    /// into place, one after the other. On any failure every temporary file is deleted and no target is touched.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(string Path, Action<string> Write)> files, bool force, CancellationToken ct = default)
    {
        var full = files.Select(f => Path.GetFullPath(f.Path)).ToArray();
        if (full.Distinct(StringComparer.Ordinal).Count() != full.Length) throw new ArgumentException("the same path appears twice", nameof(files));
        foreach (var (path, _) in files) EnsureWritable(path, force);
        var temps = full.Select(f => Path.Combine(Path.GetDirectoryName(f)!, $".{Path.GetFileName(f)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp")).ToArray();
        foreach (string temp in temps) TempFiles.Register(temp);
        try
        {
            for (int i = 0; i < files.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                files[i].Write(temps[i]);
            }
            ct.ThrowIfCancellationRequested();
            for (int i = 0; i < files.Count; i++)
            {
                try
                {
                    File.Move(temps[i], full[i], overwrite: force);
                }
                catch (IOException) when (!force && File.Exists(full[i]))
                {
                    throw new InputException(files[i].Path, "output", "appeared while writing (use --force to overwrite)");
                }
            }
        }
        finally
        {
            foreach (string temp in temps)
            {
                if (File.Exists(temp)) File.Delete(temp);
                TempFiles.Unregister(temp);
            }
        }
    }

    /// <summary>Writes all bytes atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes, bool force) =>
        Write(path, force, temp => File.WriteAllBytes(temp, bytes));

    /// <summary>Writes all text atomically.</summary>
    public static void WriteAllText(string path, string text, bool force) =>
        Write(path, force, temp => File.WriteAllText(temp, text));
}

/// <summary>Temporary files in flight, so that an interrupted process (Ctrl-C, SIGTERM) can remove them on exit.</summary>
public static class TempFiles
{
    private static readonly HashSet<string> Live = new();

    internal static void Register(string path) { lock (Live) Live.Add(path); }

    internal static void Unregister(string path) { lock (Live) Live.Remove(path); }

    /// <summary>Deletes every temporary file still registered; safe to call from a signal handler.</summary>
    public static void DeleteAll()
    {
        string[] paths;
        lock (Live) paths = Live.ToArray();
        foreach (string p in paths)
        {
            try { File.Delete(p); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
