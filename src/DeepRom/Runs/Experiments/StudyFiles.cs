using System.Text.Json;
using System.Text.Json.Nodes;
using DeepRom.Data;

namespace DeepRom.Runs.Experiments;

/// <summary>The files every study writes into its folder, whatever its kind: the resolved config, and the summary as JSON and Markdown.</summary>
public static class StudyFiles
{
    public const string Config = "config.json";
    public const string SummaryJson = "summary.json";
    public const string SummaryMarkdown = "summary.md";

    /// <summary>Writes the study's config as it was read (comments dropped, defaults filled in).</summary>
    public static void WriteConfig(string folder, ExperimentConfig config) =>
        AtomicFile.WriteAllText(Path.Combine(folder, Config), JsonSerializer.Serialize(config, ExperimentConfig.Json), force: true);

    /// <summary>
    /// The summary JSON of a study of a trial kind with its own section (rom, hits): name, description, kind, that section
    /// as read, how many trials finished, the group rows and the trials.
    /// </summary>
    public static JsonObject KindSummary(ExperimentConfig config, object? section, IEnumerable<JsonObject> rows, int finished, JsonNode? trials) => new()
    {
        ["name"] = config.Name,
        ["description"] = config.Description,
        ["kind"] = config.Kind,
        [config.Kind] = JsonSerializer.SerializeToNode(section, ExperimentConfig.Json),
        ["trials_finished"] = finished,
        ["groups"] = new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()),
        ["trials"] = trials,
    };

    /// <summary>Writes the summary, replacing the previous one; each file is written atomically.</summary>
    public static void WriteSummary(string folder, JsonObject json, string markdown)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, SummaryJson), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), force: true);
        AtomicFile.WriteAllText(Path.Combine(folder, SummaryMarkdown), markdown, force: true);
    }
}
