using System.Diagnostics;
using System.Text;
using DeepRom.Numerics.LinearAlgebra;
using DeepRom.Physics.Aeroelastic;
using MathNet.Numerics.LinearAlgebra;

namespace DeepRom.Bench;

/// <summary>Times the LCO data generator: the 8 x 8 eigenvalues (against MathNet's Evd), the flutter search, one run and the default sets.</summary>
public static class LcoBench
{
    public static string Run(int repeats)
    {
        var text = new StringBuilder();
        var config = new LcoDataConfig();
        double[,] matrix = new PitchPlungeField(config.Airfoil, 7).Linearisation();
        var dense = Matrix<double>.Build.DenseOfArray(matrix);
        // Warmed up past the JIT's tiering, then timed in alternating rounds; the best round is the least disturbed by other load.
        const int calls = 5000, rounds = 8;
        for (int k = 0; k < calls; k++)
        {
            RealEigenvalues.Of(matrix);
            dense.Evd();
        }
        double own = double.MaxValue, mathNet = double.MaxValue;
        var watch = new Stopwatch();
        for (int round = 0; round < rounds; round++)
        {
            watch.Restart();
            for (int k = 0; k < calls; k++) RealEigenvalues.Of(matrix);
            own = Math.Min(own, watch.Elapsed.TotalMicroseconds / calls);
            watch.Restart();
            for (int k = 0; k < calls; k++) dense.Evd();
            mathNet = Math.Min(mathNet, watch.Elapsed.TotalMicroseconds / calls);
        }
        text.AppendLine($"8 x 8 eigenvalues (best of {rounds} rounds): RealEigenvalues {own:F1} us, MathNet Evd (values and vectors) {mathNet:F1} us");

        FlutterAnalysis.Find(config.Airfoil);
        watch.Restart();
        FlutterPoint flutter = FlutterAnalysis.Find(config.Airfoil);
        text.AppendLine($"flutter search: U*_L = {flutter.Speed:F6}, w/w_alpha = {flutter.FrequencyRatio:F4}, {watch.Elapsed.TotalMilliseconds:F1} ms");

        var states = new double[config.Samples * PitchPlungeState.Dimension];
        LcoSolver.Run(config, 8, states);
        double single = Enumerable.Range(0, repeats).Min(_ => LcoSolver.Run(config, 8, states));
        text.AppendLine($"one run U* = 8, {config.Duration} tau, {config.Samples} samples (one thread, best of {repeats}): {1000 * single:F2} ms");

        foreach (var (name, speeds) in new[] { ("train", LcoSpeedSets.Train()), ("test", LcoSpeedSets.Test()) })
        {
            var times = new List<double>();
            for (int r = 0; r < repeats; r++)
            {
                watch.Restart();
                LcoGenerator.Generate(config, speeds);
                times.Add(watch.Elapsed.TotalSeconds);
            }
            text.AppendLine($"generate --set {name} ({speeds.Count} runs, {Environment.ProcessorCount} cores): best {times.Min():F3} s, " +
                            $"median {times.Order().ElementAt(times.Count / 2):F3} s of {repeats}");
        }
        return text.ToString();
    }
}
