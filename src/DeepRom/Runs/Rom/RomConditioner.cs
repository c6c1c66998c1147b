using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Interpolation;

namespace DeepRom.Runs.Rom;

/// <summary>
/// The learned conditioner's part of a model folder: trained once by <c>rom fit</c> (it takes seconds, a prediction must
/// take microseconds), written as <c>conditioner.json</c> (settings) and <c>conditioner.bin</c> (weights and scalings in a
/// checksummed float64 file), and read back bit for bit with the model.
/// </summary>
public static class RomConditioner
{
    public const string ConfigFile = "conditioner.json";
    public const string WeightsFile = "conditioner.bin";

    /// <summary>
    /// Fits a conditioner seeded with <paramref name="seed"/> to the model's training points, writes it to
    /// <paramref name="folder"/>, attaches it to <paramref name="model"/> and records its fit time and training error in
    /// <paramref name="metrics"/>.
    /// </summary>
    public static LatentConditioner FitAndSave(ReducedOrderModel model, RunFolder folder, int seed, Dictionary<string, double?> metrics)
    {
        var conditioner = new LatentConditioner(new ConditionerConfig(Seed: seed));
        conditioner.Fit(model.Parameters, model.Codes);
        folder.WriteJson(ConfigFile, conditioner.Config);
        ChecksummedArrayFile.Write(folder.File(WeightsFile), conditioner.Arrays(), force: true);
        model.Attach(InterpolationKind.Conditioner, conditioner);
        metrics[RomMetrics.ConditionerFitSeconds] = conditioner.FitSeconds;
        metrics[RomMetrics.ConditionerTrainingRms] = conditioner.TrainingRms;
        return conditioner;
    }

    /// <summary>
    /// Reads the folder's conditioner and attaches it to <paramref name="model"/>. A folder written before conditioners
    /// existed has none; its model then trains one with the default settings at first use.
    /// </summary>
    public static void Attach(RunFolder folder, ReducedOrderModel model)
    {
        string path = folder.File(WeightsFile);
        if (!File.Exists(path)) return;
        var config = folder.ReadJson<ConditionerConfig>(ConfigFile);
        var arrays = ChecksummedArrayFile.Read(path);
        try
        {
            model.Attach(InterpolationKind.Conditioner, LatentConditioner.Restore(config, arrays, model.Parameters));
        }
        catch (ArgumentException e)
        {
            throw new InputException(path, "conditioner", e.Message);
        }
    }
}
