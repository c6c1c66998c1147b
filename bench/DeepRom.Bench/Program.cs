using System.Text.Json;
using DeepRom.Bench;
using DeepRom.Hosting;

// Benchmarks print their figures and also write them as JSON (bench/results/NAME.json by default, or --json PATH),
// so that runs on different machines or commits can be compared by script. They never fail on timing.
// DEEPROM_DEFAULT_MALLOC=1 leaves glibc at its defaults, to time both side by side.
bool tunedHeap = NativeHeap.KeepFreedMemory();
string which = args.Length > 0 ? args[0] : "help";
int count = args.Length > 1 && int.TryParse(args[1], out int c) ? c : 0;
string? jsonPath = args.SkipWhile(a => a != "--json").Skip(1).FirstOrDefault();
string? only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
string output = which switch
{
    "darcy" => DarcyBench.Run(count > 0 ? count : 1024),
    "vae-step" => VaeStepBench.Run(count > 0 ? count : 20, only),
    "vae-profile" => VaeProfile.Run(count > 0 ? count : 10),
    "rom-step" => RomStepBench.Run(count > 0 ? count : 5, only),
    "ode-reference" => OdeReferenceBench.Run(count > 0 ? count : 20),
    "lsh-epoch" => LshVaeEpochBench.Run(count > 0 ? count : 3, args),
    "lsh-variants" => LshVaeVariantsBench.Run(count > 0 ? count : 100, args),
    "hits-train" => HitsTrainBench.Run(count > 0 ? count : 50),
    "rom-predict" => RomPredictBench.Run(count > 0 ? count : 3, args),
    "ks" => KsBench.Run(count > 0 ? count : 3),
    "lco" => LcoBench.Run(count > 0 ? count : 5),
    "cylinder-mlups" => CylinderMlupsBench.Run(count > 0 ? count : 500),
    "scalar-fault" => ScalarFaultBench.Run(count > 0 ? count : 15, only),
    _ => "",
};
if (output.Length == 0)
{
    Console.WriteLine("usage: DeepRom.Bench darcy [samples] | vae-step [steps] [--only reference|fast] | vae-profile [repeats] | ode-reference [trajectories] | rom-step [steps] [--only cae-64|beta-vae-32|...] | lsh-epoch [epochs] [--widths 48,48,32] [--downsample true|false] [--axis time|space] [--threads 1] | hits-train [minibatches] | rom-predict [repeats] --model DIR --data TEST [--interp slerp] | ks [repeats] | lco [repeats] | cylinder-mlups [steps] | scalar-fault [seconds] [--only lsh-vae|snapshot]  [--json PATH]");
    return 2;
}
string processor = ProcessorModel();
Console.WriteLine($"processor: {processor}, {Environment.ProcessorCount} logical cores; glibc heap thresholds raised: {(tunedHeap ? "yes" : "no")}");
Console.WriteLine(output);
jsonPath ??= Path.Combine("bench", "results", $"{which}.json");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
var record = new
{
    benchmark = which,
    argument = count,
    utc = DateTime.UtcNow.ToString("u"),
    processors = Environment.ProcessorCount,
    processor_model = processor,
    tuned_heap = tunedHeap,
    figures = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
};
File.WriteAllText(jsonPath, JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"(figures also written to {jsonPath})");
return 0;

// lscpu's Model name with the family and model numbers (a virtual machine may show only "AMD EPYC"): figures are only
// comparable on one processor model.
static string ProcessorModel()
{
    const string path = "/proc/cpuinfo";
    if (!File.Exists(path)) return "unknown";
    string[] lines = File.ReadLines(path).TakeWhile(l => l.Length > 0).ToArray();
    string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name + "\t", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal)) is { } l
        ? l[(l.IndexOf(':') + 1)..].Trim() : "?";
    return $"{Field("model name")} (family {Field("cpu family")}, model {Field("model")})";
}
