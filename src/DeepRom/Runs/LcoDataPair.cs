using DeepRom.Data;
using DeepRom.Physics.Aeroelastic;

namespace DeepRom.Runs;

/// <summary>
/// The aeroelastic benchmark's training file (the default train speeds) and test file (the default test speeds), each
/// written once: a file that already exists is kept, so an interrupted study does not redo it.
/// </summary>
public sealed record LcoDataPair(string TrainFile, string TestFile)
{
    public bool Exists => File.Exists(TrainFile) && File.Exists(TestFile);

    /// <summary>Generates whichever file is missing, with the default airfoil, duration, samples and initial pitch.</summary>
    public void Generate(CancellationToken ct = default)
    {
        var config = new LcoDataConfig();
        FlutterPoint? flutter = null;
        foreach (var (file, speeds, set) in new[] { (TrainFile, LcoSpeedSets.Train(), "train"), (TestFile, LcoSpeedSets.Test(), "test") })
        {
            if (File.Exists(file)) continue;
            flutter ??= FlutterAnalysis.Find(config.Airfoil);
            SnapshotSet data = LcoGenerator.Generate(config, speeds, null, ct);
            SnapshotFile.Write(file, data with { GeneratorConfig = LcoGenerator.Describe(config, set, flutter) }, force: true, ct: ct);
        }
    }
}
