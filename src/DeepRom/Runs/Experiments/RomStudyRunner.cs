using System.Text.Json;
using DeepRom.Data;
using DeepRom.Models.Rom;
using DeepRom.Runs.Rom;
using DeepRom.Training;

namespace DeepRom.Runs.Experiments;

/// <summary>One fitted model of a ROM study, evaluated with one interpolation: its grid coordinates and metrics.</summary>
/// <param name="PerParameter">Relative L2 error of each test simulation, keyed by its parameter point as <see cref="ReducedOrderModel.Describe"/> writes it.</param>
public sealed record RomTrialResult(string Key, string Dataset, string Model, int Latent, string Interp, int Seed,
    Dictionary<string, double?> Metrics, Dictionary<string, double> PerParameter);

/// <summary>
/// Runs a ROM study resumably, in the same way as the VAE studies: datasets generated once, a model folder per fit that is
/// skipped once it has its metrics (and an evaluation skipped once it has its own), the summary rewritten after every
/// trial.
/// </summary>
public sealed class RomStudyRunner(ExperimentConfig config, string folder, Action<string>? log = null)
{
    private readonly RomStudySpec _spec = config.Rom ?? throw new ArgumentException("not a rom study");

    public string Folder { get; } = Path.GetFullPath(folder);

    public IReadOnlyList<RomTrialResult> Run(CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        StudyFiles.WriteConfig(Folder, config);
        var files = Datasets(ct);
        var results = new List<RomTrialResult>();
        var fits = Fits().ToList();
        for (int f = 0; f < fits.Count; f++)
        {
            ct.ThrowIfCancellationRequested();
            var (dataset, model, latent, seed) = fits[f];
            string key = $"{dataset}_{model}_latent{latent}_seed{seed}";
            string modelPath = Path.Combine(Folder, "trials", key);
            var (train, test) = files[dataset];
            var run = RomRunConfig(train, model, latent, seed);
            bool started = File.Exists(Path.Combine(modelPath, RomRun.ConfigFile));
            if (started) RefuseOtherSettings(modelPath, run);
            if (File.Exists(Path.Combine(modelPath, RomRun.MetricsFile)))
                log?.Invoke($"[{f + 1}/{fits.Count}] {key}: fitted before, skipped");
            else if (started && new Checkpoint(Path.Combine(modelPath, RomRun.CheckpointFolder)).Exists)
            {
                log?.Invoke($"[{f + 1}/{fits.Count}] {key}: resuming");
                RomRun.Fit(run, RunFolder.Open(modelPath, resume: true, force: false), log, resume: true, ct: ct);
            }
            else
            {
                log?.Invoke($"[{f + 1}/{fits.Count}] {key}: fitting");
                Directory.CreateDirectory(Path.GetDirectoryName(modelPath)!);
                RomRun.Fit(run, RunFolder.Open(modelPath, resume: false, force: true), log, ct: ct);
            }
            var fitMetrics = JsonSerializer.Deserialize<Dictionary<string, double?>>(File.ReadAllText(Path.Combine(modelPath, RomRun.MetricsFile)))!;
            foreach (string interp in _spec.Grid.Interps)
            {
                var kind = ChoiceName.Parse<InterpolationKind>(interp, "rom.grid.interps", "value");
                string evaluation = Path.Combine(modelPath, RomEvaluation.FolderName(test, kind), RomRun.MetricsFile);
                if (!File.Exists(evaluation))
                    RomEvaluation.Run(RunFolder.Existing(modelPath), test, kind, allowExtrapolation: false, leaveOneOut: false, log, null, ct);
                var metrics = new Dictionary<string, double?>(fitMetrics);
                var perParameter = new Dictionary<string, double>();
                var node = JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonObject>(File.ReadAllText(evaluation))!;
                foreach (var (k, v) in node)
                    if (v is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out double x)) metrics[k] = x;
                foreach (var point in node["per_parameter"]!.AsArray())
                    perParameter[ReducedOrderModel.Describe(point!["params"]!.AsArray().Select(p => p!.GetValue<double>()).ToArray())] = point["rel_l2"]!.GetValue<double>();
                results.Add(new RomTrialResult($"{key}_{interp}", dataset, model, latent, interp, seed, metrics, perParameter));
                log?.Invoke($"[{f + 1}/{fits.Count}] {key} {interp}: rel_l2_mean {metrics.GetValueOrDefault(RomMetrics.RelL2Mean):0.#####}");
            }
            new RomStudySummary(config, results).Write(Folder);
        }
        return results;
    }

    /// <summary>A trial folder fitted (or begun) with other settings (epochs, data) would be summarised as if it had the config's.</summary>
    private static void RefuseOtherSettings(string modelPath, RomRunConfig wanted)
    {
        var previous = RunFolder.Existing(modelPath).ReadJson<RomRunConfig>(RomRun.ConfigFile);
        if (JsonSerializer.Serialize(previous) != JsonSerializer.Serialize(wanted))
            throw new InputException(Path.Combine(modelPath, RomRun.ConfigFile), "rom",
                "this trial was fitted with other settings than the study's config asks (epochs or data); use another --out");
    }

    // A network's defaults, with the study's number of epochs when it sets one (POD ignores it).
    private RomRunConfig RomRunConfig(string train, string model, int latent, int seed)
    {
        var kind = ChoiceName.Parse<ReductionKind>(model, "rom.grid.models", "value");
        return Runs.Rom.RomRunConfig.Defaults(train, kind, latent, seed, ReductionKinds.IsNeural(kind) ? _spec.Epochs : null);
    }

    private IEnumerable<(string Dataset, string Model, int Latent, int Seed)> Fits()
    {
        // Seeds outermost, as in the VAE studies: an unfinished study has every model once before it has a second seed.
        for (int s = 0; s < _spec.Grid.Seeds; s++)
            foreach (string d in _spec.Grid.Datasets)
                foreach (string m in _spec.Grid.Models)
                    foreach (int l in _spec.Grid.Latents)
                        yield return (d, m, l, s);
    }

    private Dictionary<string, (string Train, string Test)> Datasets(CancellationToken ct)
    {
        string dataFolder = Path.Combine(Folder, "data");
        Directory.CreateDirectory(dataFolder);
        var files = new Dictionary<string, (string, string)>();
        foreach (var spec in _spec.Datasets)
        {
            if (spec.Generator is null)
            {
                string train = Path.GetFullPath(spec.Train!, config.Directory), test = Path.GetFullPath(spec.Test!, config.Directory);
                foreach (string file in new[] { train, test })
                    if (_spec.Grid.Datasets.Contains(spec.Name) && !File.Exists(file)) throw new InputException(file, $"rom.datasets.{spec.Name}", "file not found");
                files[spec.Name] = (train, test);
                continue;
            }
            string trainFile = Path.Combine(dataFolder, $"{spec.Name}-train.h5"), testFile = Path.Combine(dataFolder, $"{spec.Name}-test.h5");
            files[spec.Name] = (trainFile, testFile);
            if (!_spec.Grid.Datasets.Contains(spec.Name)) continue;
            if (BenchmarkDataPair.Generators.TryGetValue(spec.Generator, out var make))
            {
                var pair = new BenchmarkDataPair(trainFile, testFile);
                if (!pair.Exists) log?.Invoke($"generating dataset {spec.Name} ({spec.Generator}, the default train and test sets)");
                pair.Generate(set => make(set, ct), ct);
                continue;
            }
            if (!new BurgersDataPair(trainFile, testFile).Exists) log?.Invoke($"generating dataset {spec.Name} (Burgers, test seed {spec.Seed})");
            new BurgersDataPair(trainFile, testFile).Generate(spec.Seed, ct: ct);
        }
        return files;
    }
}
