using DeepRom.Data;
using DeepRom.Physics.Aeroelastic;
using DeepRom.Physics.Cylinder;

namespace DeepRom.Runs;

/// <summary>
/// A generated benchmark's training and test files, each written once: a file that already exists is kept, so an
/// interrupted study does not redo it. <see cref="Lco"/> and <see cref="CylinderWake"/> make them with the generators'
/// default train and test sets.
/// </summary>
public sealed record BenchmarkDataPair(string TrainFile, string TestFile)
{
    public bool Exists => File.Exists(TrainFile) && File.Exists(TestFile);

    /// <summary>Writes whichever file is missing; <paramref name="make"/> gives the "train" or "test" set, described.</summary>
    public void Generate(Func<string, SnapshotSet> make, CancellationToken ct = default)
    {
        foreach (var (file, set) in new[] { (TrainFile, "train"), (TestFile, "test") })
            if (!File.Exists(file)) SnapshotFile.Write(file, make(set), force: true, ct: ct);
    }

    /// <summary>The generators a study can name besides Burgers, each giving its "train" or "test" set.</summary>
    public static IReadOnlyDictionary<string, Func<string, CancellationToken, SnapshotSet>> Generators { get; } =
        new Dictionary<string, Func<string, CancellationToken, SnapshotSet>>
        {
            ["lco"] = Lco,
            ["lco-cycles"] = LcoCycles,
            ["cylinder"] = CylinderWake,
        };

    /// <summary>The pitch-plunge airfoil at the default train or test speeds.</summary>
    public static SnapshotSet Lco(string set, CancellationToken ct)
    {
        var config = new LcoDataConfig();
        var data = LcoGenerator.Generate(config, set == "test" ? LcoSpeedSets.Test() : LcoSpeedSets.Train(), null, ct);
        return data with { GeneratorConfig = LcoGenerator.Describe(config, set, FlutterAnalysis.Find(config.Airfoil)) };
    }

    /// <summary>The pitch-plunge airfoil's settled limit cycles above flutter, phase-aligned (<see cref="LcoDataConfig.SettledCycles"/>).</summary>
    public static SnapshotSet LcoCycles(string set, CancellationToken ct)
    {
        var config = LcoDataConfig.SettledCycles;
        var data = LcoGenerator.Generate(config, set == "test" ? LcoSpeedSets.CyclesTest() : LcoSpeedSets.CyclesTrain(), null, ct);
        return data with { GeneratorConfig = LcoGenerator.Describe(config, "cycles-" + set, FlutterAnalysis.Find(config.Airfoil)) };
    }

    /// <summary>The cylinder wake at the default train or test Reynolds numbers.</summary>
    public static SnapshotSet CylinderWake(string set, CancellationToken ct)
    {
        var config = new CylinderWakeConfig();
        var data = CylinderWakeGenerator.Generate(config, set == "test" ? WakeReynoldsSets.Test : WakeReynoldsSets.Train, null, ct);
        return data with { GeneratorConfig = CylinderWakeGenerator.Describe(config, set) };
    }
}
