using System.Text.Json.Nodes;
using DeepRom.Data;

namespace DeepRom.Cli;

/// <summary>What every <c>deeprom data</c> command reports and checks the same way.</summary>
internal static class GeneratedFile
{
    /// <summary>The start of a data command's JSON result: the file written, its container and the fields' shape.</summary>
    public static JsonObject Describe(string path, DataFileFormat? format, SnapshotSet set, int samples) => new()
    {
        ["file"] = Path.GetFullPath(path),
        ["format"] = SnapshotFile.FormatFor(path, format).ToString(),
        ["samples"] = samples,
        ["fields_shape"] = new JsonArray(set.FieldShape.Select(v => (JsonNode)v).ToArray()),
    };

    /// <summary>The start of a data command's JSON result for a trajectory file: the file written, its container and the states' shape.</summary>
    public static JsonObject Describe(string path, DataFileFormat? format, TrajectorySet set) => new()
    {
        ["file"] = Path.GetFullPath(path),
        ["format"] = SnapshotFile.FormatFor(path, format).ToString(),
        ["states_shape"] = new JsonArray(set.StateShape.Select(v => (JsonNode)v).ToArray()),
    };

    /// <summary>
    /// Runs a generator configuration's own validation; a rule about a setting the user gave as an option is
    /// reported under that option (<paramref name="optionFor"/> maps config items to option names).
    /// </summary>
    public static void ValidateAsOptions(Action validate, IReadOnlyDictionary<string, string> optionFor)
    {
        try
        {
            validate();
        }
        catch (InputException e) when (optionFor.ContainsKey(e.Item))
        {
            throw new InputException(optionFor[e.Item], "value", e.Problem, e);
        }
    }
}
