using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Training;

/// <summary>
/// A checkpoint folder (model weights, optimizer state, loop state, best weights when kept) replaced atomically: the new one is written
/// beside it and swapped in by renames, so a kill at any moment leaves a complete checkpoint behind.
/// </summary>
public sealed class Checkpoint(string folder)
{
    private const string ModelFile = "model.bin";
    private const string OptimizerFile = "optimizer.bin";
    private const string StateFile = "state.json";
    private const string BestFile = "best.bin";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public string Folder { get; } = Path.GetFullPath(folder);

    private string Previous => Folder + ".previous";

    /// <summary>True when a complete checkpoint (or the previous one, after a kill mid-swap) exists.</summary>
    public bool Exists => IsComplete(Folder) || IsComplete(Previous);

    /// <summary>Saves the loop's state; <paramref name="best"/>, when given, is kept beside the weights for resumption.</summary>
    public void Save(nn.Module module, OptimizerHelper optimizer, TrainingState state, WeightSnapshot? best = null)
    {
        string temp = $"{Folder}.tmp-{Environment.ProcessId}";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        module.save(Path.Combine(temp, ModelFile));
        optimizer.save_state_dict(Path.Combine(temp, OptimizerFile));
        best?.Save(module, Path.Combine(temp, BestFile));
        File.WriteAllText(Path.Combine(temp, StateFile), JsonSerializer.Serialize(state, Json));
        if (Directory.Exists(Previous)) Directory.Delete(Previous, recursive: true);
        if (Directory.Exists(Folder)) Directory.Move(Folder, Previous);
        Directory.Move(temp, Folder);
        if (Directory.Exists(Previous)) Directory.Delete(Previous, recursive: true);
    }

    /// <summary>Loads weights and loop state (and the optimizer state when given); bad files raise <see cref="InputException"/>.</summary>
    public TrainingState Load(nn.Module module, OptimizerHelper? optimizer)
    {
        string from = IsComplete(Folder) ? Folder : IsComplete(Previous) ? Previous
            : throw new InputException(Folder, "checkpoint", "no complete checkpoint found");
        string statePath = Path.Combine(from, StateFile);
        TrainingState state;
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(statePath)) as JsonObject ?? throw new JsonException("not a JSON object");
            state = UpgradeLegacyState(node).Deserialize<TrainingState>(Json) ?? throw new JsonException("empty state");
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            throw new InputException(statePath, "state", $"corrupt checkpoint state ({e.Message})");
        }
        LoadWeights(module, Path.Combine(from, ModelFile));
        if (optimizer is not null)
        {
            string optimizerPath = Path.Combine(from, OptimizerFile);
            try { optimizer.load_state_dict(optimizerPath); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InputException(optimizerPath, "optimizer", $"corrupt checkpoint ({e.Message})");
            }
        }
        return state;
    }

    /// <summary>The best weights saved with the checkpoint, or null when it kept none.</summary>
    public WeightSnapshot? LoadBest(nn.Module module)
    {
        string from = IsComplete(Folder) ? Folder : Previous;
        string path = Path.Combine(from, BestFile);
        return File.Exists(path) ? WeightSnapshot.Load(module, path) : null;
    }

    /// <summary>Loads module weights from a file written by <see cref="Save"/>, as a bad-input error when corrupt.</summary>
    public static void LoadWeights(nn.Module module, string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "model", "missing checkpoint weights");
        try { module.load(path, strict: true); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InputException(path, "model", $"corrupt or incompatible checkpoint weights ({FirstLine(e.Message)})");
        }
    }

    // Before objectives owned their schedules, the loop kept the VAE's KL weight itself as "Beta" (in the state and in
    // every epoch record); it is the schedule value the VAE objective now names "beta".
    private static JsonObject UpgradeLegacyState(JsonObject state)
    {
        static void Move(JsonObject o)
        {
            if (o["Beta"] is not { } beta || o.ContainsKey("Schedule")) return;
            o.Remove("Beta");
            o["Schedule"] = new JsonObject { ["beta"] = beta };
        }
        Move(state);
        if (state["History"] is JsonArray history)
            foreach (var record in history.OfType<JsonObject>()) Move(record);
        return state;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static bool IsComplete(string folder) =>
        File.Exists(Path.Combine(folder, ModelFile)) && File.Exists(Path.Combine(folder, OptimizerFile)) && File.Exists(Path.Combine(folder, StateFile));
}
