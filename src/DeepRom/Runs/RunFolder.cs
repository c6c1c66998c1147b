using System.Text.Json;
using System.Text.Json.Nodes;
using DeepRom.Data;

namespace DeepRom.Runs;

/// <summary>
/// A run's folder: <c>config.json</c>, <c>metrics.json</c>, checkpoints, PNG plots and <c>report.html</c>.
/// Opening refuses an existing folder unless the run is resumed or <c>force</c> starts it over.
/// </summary>
public sealed class RunFolder
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private RunFolder(string path, bool replace, bool created)
    {
        Path = System.IO.Path.GetFullPath(path);
        _replace = replace;
        _created = created;
    }

    // A new run's folder is made (and a forced run's old folder deleted) only when the first file is placed in it,
    // so that input refused after Open (bad data, bad options) leaves the disk as it was.
    private readonly bool _replace;
    private bool _created;

    public string Path { get; }

    /// <summary>
    /// Opens a folder for a new run (or a resumed one); throws <see cref="InputException"/> when that is not allowed.
    /// A new folder is created, and with <paramref name="force"/> the old one deleted, at the first <see cref="File"/>.
    /// </summary>
    public static RunFolder Open(string path, bool resume, bool force)
    {
        string full = System.IO.Path.GetFullPath(path);
        bool exists = Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any();
        if (System.IO.File.Exists(full)) throw new InputException(path, "run folder", "is a file, expected a folder");
        if (resume)
        {
            if (!exists) throw new InputException(path, "run folder", "does not exist, nothing to resume");
            return new RunFolder(full, replace: false, created: true);
        }
        if (exists && !force) throw new InputException(path, "run folder", "already exists (use --resume to continue it or --force to start over)");
        string? parent = System.IO.Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent)) throw new InputException(path, "run folder", $"parent folder '{parent}' does not exist");
        return new RunFolder(full, replace: exists, created: false);
    }

    /// <summary>Opens an existing, finished or unfinished run for reading.</summary>
    public static RunFolder Existing(string path)
    {
        if (!Directory.Exists(path)) throw new InputException(path, "run folder", "does not exist");
        return new RunFolder(path, replace: false, created: true);
    }

    /// <summary>The path of a file in the run folder; creates the folder first if this run has not yet done so.</summary>
    public string File(string name)
    {
        if (!_created)
        {
            if (_replace && Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
            Directory.CreateDirectory(Path);
            _created = true;
        }
        return System.IO.Path.Combine(Path, name);
    }

    public void WriteJson(string name, JsonNode node) => AtomicFile.WriteAllText(File(name), node.ToJsonString(Indented), force: true);

    public void WriteJson<T>(string name, T value) => AtomicFile.WriteAllText(File(name), JsonSerializer.Serialize(value, Indented), force: true);

    /// <summary>Reads a JSON file of the run; <paramref name="upgrade"/> can first rewrite an older layout of the document.</summary>
    public T ReadJson<T>(string name, Func<JsonObject, JsonObject>? upgrade = null)
    {
        string path = File(name);
        if (!System.IO.File.Exists(path)) throw new InputException(path, name, "missing (is this a DeepRom run folder?)");
        try
        {
            string text = System.IO.File.ReadAllText(path);
            if (upgrade is not null && JsonNode.Parse(text) is JsonObject document) return upgrade(document).Deserialize<T>(Indented) ?? throw new JsonException("empty document");
            return JsonSerializer.Deserialize<T>(text, Indented) ?? throw new JsonException("empty document");
        }
        catch (JsonException e)
        {
            throw new InputException(path, name, $"not valid JSON for this run ({e.Message})");
        }
    }
}
