using System.Diagnostics;
using System.Text;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Runs;
using DeepRom.Runs.Rom;
using static TorchSharp.torch;

namespace DeepRom.Bench;

/// <summary>
/// Milliseconds per prediction of a fitted ROM (<c>--model DIR</c>) at the parameters of a test file (<c>--data FILE</c>),
/// split into the latent interpolation, the reduction's decode and the rest, per libtorch thread count (1 and 2).
/// </summary>
public static class RomPredictBench
{
    public static string Run(int repeats, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        string model = Option("--model") ?? throw new ArgumentException("rom-predict needs --model DIR");
        string data = Option("--data") ?? throw new ArgumentException("rom-predict needs --data FILE");
        var kind = ChoiceName.Parse<InterpolationKind>(Option("--interp") ?? "slerp", "--interp", "value");
        using var rom = RomRun.Load(RunFolder.Existing(model));
        var test = SnapshotFile.Read(data);
        var parameters = RomData.ParameterRows(test);
        var text = new StringBuilder($"model {model} ({rom.Spec.Reduction}, latent {rom.Spec.LatentSize}), {parameters.Length} parameters x {repeats} repeats, interpolation {ChoiceName.Of(kind)}\n");
        foreach (int threads in new[] { 1, 2 })
        {
            set_num_threads(threads);
            rom.Model.Predict(parameters[0], kind, allowExtrapolation: true);
            double interp = 0, decode = 0, whole = 0;
            int n = 0;
            for (int r = 0; r < repeats; r++)
                foreach (var p in parameters)
                {
                    var clock = Stopwatch.StartNew();
                    var latent = rom.Model.Interpolation(kind).Predict(p);
                    double a = clock.Elapsed.TotalMilliseconds;
                    rom.Model.Reduction.Decode(latent.Code);
                    double b = clock.Elapsed.TotalMilliseconds;
                    interp += a;
                    decode += b - a;
                    clock.Restart();
                    rom.Model.Predict(p, kind, allowExtrapolation: true);
                    whole += clock.Elapsed.TotalMilliseconds;
                    n++;
                }
            text.AppendLine($"threads {threads}: predict {whole / n:0.00} ms (interpolation {interp / n:0.000} ms, decode {decode / n:0.00} ms)");
        }
        return text.ToString().TrimEnd();
    }
}
