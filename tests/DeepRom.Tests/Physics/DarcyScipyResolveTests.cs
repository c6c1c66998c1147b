using System.Runtime.CompilerServices;
using System.Text.Json;
using DeepRom.Data;
using DeepRom.Physics.Darcy;
using DeepRom.Tests.Data;

namespace DeepRom.Tests.Physics;

/// <summary>
/// Generated Darcy data agrees with an independent scipy re-solve (python/darcy_resolve.py: bordered zero-mean system,
/// SuperLU) from the stored float32 permeability, so the fields differ only by float32 round-off.
/// </summary>
public class DarcyScipyResolveTests
{
    // Float32 storage of K and of the fields gives ~1e-7 relative; a scheme error (face mean, wall faces, source
    // squares, difference quotients) shows up at 1e-3 or more.
    private const double RoundOff = 1e-5;

    private static SnapshotSet Generate(int nodes, int modes, ThetaDistribution theta, int seed)
    {
        var config = new DarcyConfig(Nodes: nodes, KleModes: modes, Theta: theta, Count: 8, Seed: seed);
        return DarcyGenerator.Generate(config, KleExpansion.Compute(nodes, config.CorrelationLength, modes));
    }

    private static JsonElement Resolve(ScratchFolder dir, string name, SnapshotSet set)
    {
        string path = dir.File(name);
        SnapshotFile.Write(path, set, force: false);
        string output = PythonRunner.ScriptAt(ScriptPath(), TimeSpan.FromSeconds(120), path);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.Clone();
    }

    private static double Difference(JsonElement report, string channel) =>
        report.GetProperty("max_relative_difference").GetProperty(channel).GetDouble();

    private static int WorstSample(JsonElement report, string channel) =>
        report.GetProperty("worst_sample").GetProperty(channel).GetInt32();

    [PythonScipyFact]
    public void Scipy_resolve_of_generated_samples_agrees_to_float32_round_off()
    {
        using var dir = new ScratchFolder();
        foreach (var (nodes, modes, theta) in new[] { (33, 2, ThetaDistribution.Normal), (65, 4, ThetaDistribution.Gmm4) })
        {
            var report = Resolve(dir, $"darcy-{nodes}-{theta}.h5", Generate(nodes, modes, theta, seed: 5));
            Assert.Equal(8, report.GetProperty("samples").GetInt32());
            Assert.Equal(nodes, report.GetProperty("nodes").GetInt32());
            int perCorner = (int)Math.Pow((nodes - 1) / 8 + 1, 2);
            Assert.Equal(2 * perCorner, report.GetProperty("source_nodes").GetInt32());
            foreach (string channel in new[] { "p", "u_x", "u_y" })
            {
                double d = Difference(report, channel);
                Assert.True(d < RoundOff, $"n = {nodes}, theta {theta}: {channel} differs from scipy by {d:E2} (relative)");
            }
        }
    }

    [PythonScipyFact]
    public void Scipy_resolve_detects_a_perturbed_pressure_and_swapped_velocities()
    {
        using var dir = new ScratchFolder();
        var set = Generate(33, 2, ThetaDistribution.Normal, seed: 9);
        int size = 33 * 33;
        var fields = (float[])set.Fields.Clone();
        // Sample 3: pressure scaled by 1 + 1e-4, ten times the tolerance, so the check is sensitive at that level.
        for (int a = 0; a < size; a++) fields[(3 * 3 + 0) * size + a] *= 1.0001f;
        // Sample 6: velocity channels exchanged, as a transposed grid convention would do.
        for (int a = 0; a < size; a++)
            (fields[(6 * 3 + 1) * size + a], fields[(6 * 3 + 2) * size + a]) = (fields[(6 * 3 + 2) * size + a], fields[(6 * 3 + 1) * size + a]);

        var report = Resolve(dir, "perturbed.h5", set with { Fields = fields });

        Assert.InRange(Difference(report, "p"), 5e-5, 2e-4);
        Assert.Equal(3, WorstSample(report, "p"));
        Assert.True(Difference(report, "u_x") > 0.1);
        Assert.Equal(6, WorstSample(report, "u_x"));
        Assert.Equal(6, WorstSample(report, "u_y"));
    }

    // The script is read from the source tree (beside this file), like the data interop scripts.
    private static string ScriptPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "python", "darcy_resolve.py");
}
