using DeepRom.Data;
using DeepRom.Physics.Burgers;

namespace DeepRom.Runs;

/// <summary>
/// The parametric Burgers benchmark's training file (the 10 x 8 grid) and test file (the literature points and seeded
/// interior points), written once: a file that already exists is kept, so an interrupted workflow does not redo it.
/// </summary>
public sealed record BurgersDataPair(string TrainFile, string TestFile)
{
    public bool Exists => new BenchmarkDataPair(TrainFile, TestFile).Exists;

    /// <summary>Generates whichever file is missing; <paramref name="withProgress"/> wraps each set's simulations (file, count, run).</summary>
    public void Generate(int testSeed, Func<string, int, Func<IProgress<int>?, SnapshotSet>, SnapshotSet>? withProgress = null, CancellationToken ct = default)
    {
        var config = new BurgersConfig();
        new BenchmarkDataPair(TrainFile, TestFile).Generate(set =>
        {
            bool test = set == "test";
            var points = test ? BurgersParameterSets.Test(testSeed) : BurgersParameterSets.Train();
            SnapshotSet data = withProgress is null
                ? BurgersGenerator.Generate(config, points, null, ct)
                : withProgress(test ? TestFile : TrainFile, points.Count, progress => BurgersGenerator.Generate(config, points, progress, ct));
            return data with { GeneratorConfig = BurgersGenerator.Describe(config, set, test ? testSeed : null) };
        }, ct);
    }
}
