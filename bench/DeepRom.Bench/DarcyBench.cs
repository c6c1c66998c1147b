using System.Diagnostics;
using System.Text;
using DeepRom.Physics.Darcy;

namespace DeepRom.Bench;

/// <summary>Times the Darcy data generator: uncached KLE, one solve, and a full data set of the given size.</summary>
public static class DarcyBench
{
    public static string Run(int count)
    {
        var text = new StringBuilder();
        KleExpansion.Compute(17, 0.1, 2); // warm up the JIT
        foreach (int modes in new[] { 2, 100 })
        {
            var watch = Stopwatch.StartNew();
            KleExpansion.Compute(65, 0.1, modes);
            text.AppendLine($"KLE n=65 l=0.1 S={modes} (uncached): {watch.Elapsed.TotalSeconds:F2} s");
        }

        var kle = KleExpansion.Compute(65, 0.1, 2);
        var solver = new DarcySolver(65);
        var source = DarcySource.Corners(65, 10, 0.125);
        var k = kle.LogPermeability([0.8, -1.1]).Select(Math.Exp).ToArray();
        solver.Solve(k, source);
        const int repeats = 50;
        var single = Stopwatch.StartNew();
        for (int r = 0; r < repeats; r++) solver.Solve(k, source);
        text.AppendLine($"single solve n=65 (one thread): {single.Elapsed.TotalMilliseconds / repeats:F2} ms");

        var config = new DarcyConfig(Count: count);
        var total = Stopwatch.StartNew();
        DarcyGenerator.Generate(config, kle, null, default);
        text.AppendLine($"generate {count} samples n=65 ({Environment.ProcessorCount} cores): {total.Elapsed.TotalSeconds:F2} s, " +
                        $"{total.Elapsed.TotalMilliseconds / count:F2} ms per sample");
        return text.ToString();
    }
}
