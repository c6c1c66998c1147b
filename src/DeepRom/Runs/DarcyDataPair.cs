using DeepRom.Data;
using DeepRom.Physics.Darcy;

namespace DeepRom.Runs;

/// <summary>
/// A training and a test file of Darcy KLE data drawn with seeds 2k and 2k + 1, written once: a file that already
/// exists is kept, so an interrupted workflow does not redo finished data.
/// </summary>
public sealed record DarcyDataPair(string TrainFile, string TestFile)
{
    public bool Exists => File.Exists(TrainFile) && File.Exists(TestFile);

    /// <summary>Generates whichever of the two files is missing; <paramref name="progress"/> gets (file, samples done).</summary>
    public void Generate(KleExpansion kle, ThetaDistribution theta, int trainCount, int testCount, int seed,
        Func<string, int, Func<IProgress<int>?, SnapshotSet>, SnapshotSet>? withProgress = null, CancellationToken ct = default)
    {
        foreach (var (file, count, dataSeed) in new[] { (TrainFile, trainCount, 2 * seed), (TestFile, testCount, 2 * seed + 1) })
        {
            if (File.Exists(file)) continue;
            var config = new DarcyConfig { Nodes = kle.Nodes, CorrelationLength = kle.CorrelationLength, KleModes = kle.ModeCount, Theta = theta, Count = count, Seed = dataSeed };
            SnapshotSet set = withProgress is null
                ? DarcyGenerator.Generate(config, kle, null, ct)
                : withProgress(file, count, progress => DarcyGenerator.Generate(config, kle, progress, ct));
            SnapshotFile.Write(file, set, force: true);
        }
    }
}
