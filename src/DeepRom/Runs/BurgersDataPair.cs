using DeepRom.Data;
using DeepRom.Physics.Burgers;

namespace DeepRom.Runs;

/// <summary>
/// The parametric Burgers benchmark's training file (the 10 x 8 grid) and test file (the literature points and seeded
/// interior points), written once: a file that already exists is kept, so an interrupted workflow does not redo it.
/// </summary>
public sealed record BurgersDataPair(string TrainFile, string TestFile)
{
    public bool Exists => File.Exists(TrainFile) && File.Exists(TestFile);

    /// <summary>Generates whichever file is missing; <paramref name="withProgress"/> wraps each set's simulations (file, count, run).</summary>
    public void Generate(int testSeed, Func<string, int, Func<IProgress<int>?, SnapshotSet>, SnapshotSet>? withProgress = null, CancellationToken ct = default)
    {
        var config = new BurgersConfig();
        foreach (var (file, points, set) in new[] { (TrainFile, BurgersParameterSets.Train(), "train"), (TestFile, BurgersParameterSets.Test(testSeed), "test") })
        {
            if (File.Exists(file)) continue;
            SnapshotSet data = withProgress is null
                ? BurgersGenerator.Generate(config, points, null, ct)
                : withProgress(file, points.Count, progress => BurgersGenerator.Generate(config, points, progress, ct));
            SnapshotFile.Write(file, data with { GeneratorConfig = BurgersGenerator.Describe(config, set, set == "test" ? testSeed : null) }, force: true, ct: ct);
        }
    }
}
