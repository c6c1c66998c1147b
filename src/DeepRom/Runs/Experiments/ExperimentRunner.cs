using System.Globalization;
using System.Text.Json;
using DeepRom.Data;
using DeepRom.Physics.Darcy;
using DeepRom.Training;

namespace DeepRom.Runs.Experiments;

/// <summary>One finished trial of a study: its grid coordinates and test metrics.</summary>
public sealed record TrialResult(string Key, string Dataset, string Prior, int Labels, int Seed, Dictionary<string, double?> Metrics);

/// <summary>
/// Runs a study resumably: datasets are generated once, finished trials (those with <c>metrics.json</c>) are skipped,
/// an interrupted trial resumes from its checkpoint, and the summary is rewritten after every trial.
/// </summary>
public sealed class ExperimentRunner(ExperimentConfig config, string folder, Action<string>? log = null,
    Func<string, IProgress<TrainingProgress>?>? progressFor = null)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public IReadOnlyList<TrialResult> Run(CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        StudyFiles.WriteConfig(Folder, config);
        // Trials recorded in an earlier summary count as finished even when their run folders are gone (the
        // folders stay out of git; the summary is kept), so a study continues across machines.
        var trialConfigs = TrialConfigs();
        var recorded = RecordedTrials(trialConfigs);
        var files = GenerateDatasets(ct);
        var results = new List<TrialResult>();
        var trials = Trials().ToList();
        for (int t = 0; t < trials.Count; t++)
        {
            ct.ThrowIfCancellationRequested();
            var (dataset, prior, labels, seed) = trials[t];
            string key = $"{dataset}_{prior}_labels{labels}_seed{seed}";
            string trialPath = Path.Combine(Folder, "trials", key);
            string metricsPath = Path.Combine(trialPath, VaeRun.MetricsFile);
            Dictionary<string, double?> metrics;
            if (recorded.TryGetValue(key, out var earlier))
            {
                metrics = earlier.Metrics;
                log?.Invoke($"[{t + 1}/{trials.Count}] {key}: recorded in summary.json, skipped");
            }
            else if (File.Exists(metricsPath))
            {
                metrics = JsonSerializer.Deserialize<Dictionary<string, double?>>(File.ReadAllText(metricsPath))!;
                log?.Invoke($"[{t + 1}/{trials.Count}] {key}: done before, skipped");
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(trialPath)!);
                bool resume = new Checkpoint(Path.Combine(trialPath, "checkpoint")).Exists && File.Exists(Path.Combine(trialPath, VaeRun.ConfigFile));
                var run = RunFolder.Open(trialPath, resume, force: !resume);
                VaeRunConfig vae = TrialConfig(prior, labels, seed) with { TrainData = files[dataset].Train, TestData = files[dataset].Test };
                log?.Invoke($"[{t + 1}/{trials.Count}] {key}: {(resume ? "resuming" : "training")}");
                metrics = VaeRun.Train(vae, run, resume, progressFor?.Invoke(key), log, ct).Metrics;
                log?.Invoke($"[{t + 1}/{trials.Count}] {key}: sd_mean {metrics.GetValueOrDefault("sd_mean"):0.###}, kl {metrics.GetValueOrDefault("kl"):0.###}");
            }
            results.Add(new TrialResult(key, dataset, prior, labels, seed, metrics));
            new ExperimentSummary(config, results, trialConfigs).Write(Folder);
        }
        return results;
    }

    internal Dictionary<string, TrialResult> RecordedTrials(System.Text.Json.Nodes.JsonObject trialConfigs)
    {
        string path = Path.Combine(Folder, "summary.json");
        if (!File.Exists(path)) return new();
        try
        {
            var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path));
            RefuseIfRecordedWith(summary?["settings"], config.Settings, path, "settings");
            RefuseIfRecordedWith(summary?["datasets"], config.Datasets, path, "datasets");
            if (summary?["trial_configs"] is { } recordedConfigs && !SameBehaviour(UpgradeLegacyLayout(recordedConfigs), trialConfigs))
                throw new InputException(path, "trial_configs", "the recorded trials were run with other preset defaults than this DeepRom's; move the results folder aside to rerun them");
            var trials = summary?["trials"]?.Deserialize<List<TrialResult>>() ?? new();
            return trials.ToDictionary(t => t.Key);
        }
        catch (JsonException e)
        {
            throw new InputException(path, "trials", $"cannot read the recorded trials ({e.Message.Split('\n')[0]})");
        }
    }

    // Trials recorded under other settings or data would be mixed silently into this config's table. A summary
    // without the record (written before it existed) is taken as it is.
    // Settings that did not exist when the trials were recorded are not compared here: what they change shows in the
    // resolved trial configs, compared by SameBehaviour.
    private static void RefuseIfRecordedWith<T>(System.Text.Json.Nodes.JsonNode? recorded, T current, string path, string item)
    {
        if (recorded is null) return;
        var now = JsonSerializer.SerializeToNode(current, ExperimentConfig.Json);
        if (!Subsumes(recorded, now, legacy: null))
            throw new InputException(path, item, $"the recorded trials were run with {recorded.ToJsonString()}, the config now says {now?.ToJsonString()}; restore the config or move the results folder aside");
    }

    // Trial configs recorded before the KL schedule left the trainer's settings name it trainer.beta.
    private static System.Text.Json.Nodes.JsonNode UpgradeLegacyLayout(System.Text.Json.Nodes.JsonNode recorded)
    {
        if (recorded is System.Text.Json.Nodes.JsonObject byPrior)
            foreach (var (_, trial) in byPrior)
                if (trial is System.Text.Json.Nodes.JsonObject o) VaeRunConfig.UpgradeLegacyLayout(o, ExperimentConfig.Json.PropertyNamingPolicy);
        return recorded;
    }

    /// <summary>
    /// Whether trials resolved to <paramref name="recorded"/> behave as ones resolved to <paramref name="now"/> would: an
    /// item added to the run config since then must hold its default, which is what a config without it reads as.
    /// </summary>
    private static bool SameBehaviour(System.Text.Json.Nodes.JsonNode recorded, System.Text.Json.Nodes.JsonNode now)
    {
        var legacy = JsonSerializer.SerializeToNode(new VaeRunConfig(), ExperimentConfig.Json);
        return recorded is System.Text.Json.Nodes.JsonObject byPrior && now is System.Text.Json.Nodes.JsonObject current
            && byPrior.Count == current.Count
            && byPrior.All(p => current[p.Key] is { } c && p.Value is not null && Subsumes(p.Value, c, legacy));
    }

    /// <summary>
    /// Every item of <paramref name="recorded"/> equals <paramref name="now"/>'s; an object item only in
    /// <paramref name="now"/> is accepted when <paramref name="legacy"/> is null or holds the same value for it. Nested
    /// objects (the trainer's settings) are compared the same way, so a setting added to them is accepted at its default.
    /// </summary>
    private static bool Subsumes(System.Text.Json.Nodes.JsonNode recorded, System.Text.Json.Nodes.JsonNode? now, System.Text.Json.Nodes.JsonNode? legacy)
    {
        if (recorded is not System.Text.Json.Nodes.JsonObject old || now is not System.Text.Json.Nodes.JsonObject current)
            return System.Text.Json.Nodes.JsonNode.DeepEquals(recorded, now);
        foreach (var (key, value) in old)
            if (!current.ContainsKey(key) || value is null != current[key] is null
                || (value is not null && !Subsumes(value, current[key], (legacy as System.Text.Json.Nodes.JsonObject)?[key]))) return false;
        foreach (var (key, value) in current)
            if (!old.ContainsKey(key) && legacy is not null && !System.Text.Json.Nodes.JsonNode.DeepEquals(value, legacy[key])) return false;
        return true;
    }

    /// <summary>A trial's run settings: the preset for its prior, changed as the study's settings say (data paths left empty).</summary>
    private VaeRunConfig TrialConfig(string prior, int labels, int seed)
    {
        VaeRunConfig vae = VaeRunConfig.ForPreset(config.Settings.Preset, ChoiceName.Parse<Models.Priors.PriorKind>(prior, "grid.priors", "value")) with { Labels = labels };
        vae = vae with { Trainer = vae.Trainer with { Seed = seed } };
        if (config.Settings.Epochs is { } e) vae = vae.RescaledTo(e);
        if (config.Settings.OutputVariance is { } v) vae = vae with { OutputVariance = ChoiceName.Parse<Models.Vae.OutputVariance>(v, "settings.output_variance", "value") };
        if (config.Settings.OutputVarianceFloor is { } f) vae = vae with { OutputVarianceFloor = f };
        if (config.Settings.LabelScaling is { } l) vae = vae with { LabelScaling = ChoiceName.Parse<Models.Vae.LabelScaling>(l, "settings.label_scaling", "value") };
        return vae;
    }

    // The resolved settings of every prior of the grid (labels and seed 0), recorded in the summary: the config file
    // names a preset, and a preset's defaults may change between DeepRom versions.
    internal System.Text.Json.Nodes.JsonObject TrialConfigs() => new(config.Grid.Priors.Distinct().Select(p =>
        KeyValuePair.Create(p, JsonSerializer.SerializeToNode(TrialConfig(p, 0, 0), ExperimentConfig.Json))));

    private IEnumerable<(string Dataset, string Prior, int Labels, int Seed)> Trials()
    {
        // Seeds outermost: an unfinished study has results for every group before it has a second seed of any.
        for (int s = 0; s < config.Grid.Seeds; s++)
            foreach (string d in config.Grid.Datasets)
                foreach (string p in config.Grid.Priors)
                    foreach (int l in config.Grid.Labels)
                        yield return (d, p, l, s);
    }

    private Dictionary<string, (string Train, string Test)> GenerateDatasets(CancellationToken ct)
    {
        string dataFolder = Path.Combine(Folder, "data");
        Directory.CreateDirectory(dataFolder);
        var files = new Dictionary<string, (string, string)>();
        foreach (var spec in config.Datasets)
        {
            var pair = new DarcyDataPair(Path.Combine(dataFolder, $"{spec.Name}-train.h5"), Path.Combine(dataFolder, $"{spec.Name}-test.h5"));
            files[spec.Name] = (pair.TrainFile, pair.TestFile);
            if (!config.Grid.Datasets.Contains(spec.Name) || pair.Exists) continue;
            log?.Invoke($"generating dataset {spec.Name} ({spec.Theta}, {spec.Train} + {spec.Test} samples)");
            var kle = new KleCache(KleCache.DefaultFolder()).GetOrCompute(65, 0.1, spec.Kle, ct);
            pair.Generate(kle, ChoiceName.Parse<ThetaDistribution>(spec.Theta, $"datasets.{spec.Name}.theta", "value"), spec.Train, spec.Test, spec.Seed, ct: ct);
        }
        return files;
    }
}
