using System.Globalization;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Models.Hits;
using DeepRom.Physics.Ode;
using DeepRom.Physics.Ode.Systems;
using DeepRom.Runs.Hits;

namespace DeepRom.Runs.Experiments;

/// <summary>One trained and forecast hierarchy of a time-stepper study: its coordinates, training and forecast metrics.</summary>
public sealed record HitsTrialResult(string Key, string System, double Noise, int Seed, JsonObject Training, JsonObject Forecast);

/// <summary>
/// Runs a time-stepper study resumably: each dataset generated once, each trial trained into its own folder (an interrupted
/// training resumes from its checkpoint; a raised iteration budget extends a finished one), forecast once per training,
/// and the summary rewritten after every trial. A trial trained with other settings than the config's is refused.
/// </summary>
public sealed class HitsStudyRunner(ExperimentConfig config, string folder, Action<string>? log = null)
{
    private const string ForecastFolder = "forecast-test";
    private readonly HitsStudySpec _spec = config.Hits ?? throw new ArgumentException("not a hits study");

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The trial's folder name: system, noise in percent and seed.</summary>
    public static string TrialKey(string system, double noise, int seed) =>
        $"{system}_noise{(100 * noise).ToString("0.##", CultureInfo.InvariantCulture)}_seed{seed}";

    public IReadOnlyList<HitsTrialResult> Run(CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        StudyFiles.WriteConfig(Folder, config);
        var results = new List<HitsTrialResult>();
        var trials = Trials().ToList();
        for (int t = 0; t < trials.Count; t++)
        {
            ct.ThrowIfCancellationRequested();
            var (system, noise, seed) = trials[t];
            string key = TrialKey(system, noise, seed);
            string tag = $"[{t + 1}/{trials.Count}] {key}";
            var files = Dataset(system, noise, ct);
            string trialPath = Path.Combine(Folder, "trials", key);
            var training = Train(trialPath, files, seed, tag, ct);
            var forecast = Forecast(trialPath, files[DataSplit.Test], system, tag, ct);
            results.Add(new HitsTrialResult(key, system, noise, seed, training, forecast));
            log?.Invoke($"{tag}: multiscale MSE {forecast[HitsMetrics.MseMultiscale]}, best single level {forecast[HitsMetrics.BestSingleLevel]} MSE {forecast[HitsMetrics.MseBestSingle]}");
            new HitsStudySummary(config, results).Write(Folder);
        }
        return results;
    }

    private JsonObject Train(string trialPath, IReadOnlyDictionary<DataSplit, string> files, int seed, string tag, CancellationToken ct)
    {
        var wanted = new HitsRunConfig
        {
            TrainData = files[DataSplit.Train],
            ValidationData = files[DataSplit.Validation],
            MaxIterations = _spec.MaxIterations ?? HitsRunConfig.DefaultIterations,
            Seed = seed,
        };
        if (_spec.Levels is { } levels) wanted = wanted with { Levels = LevelRange.Parse(levels, "hits.levels") };
        if (_spec.Windows is { } w) wanted = wanted with { Windows = ChoiceName.Parse<WindowSampling>(w, "hits.windows", "value") };
        string configPath = Path.Combine(trialPath, HitsRun.ConfigFile), metricsPath = Path.Combine(trialPath, HitsRun.MetricsFile);
        bool started = File.Exists(configPath);
        if (!started)
        {
            log?.Invoke($"{tag}: training");
            Directory.CreateDirectory(Path.GetDirectoryName(trialPath)!);
            return HitsRun.Train(wanted, RunFolder.Open(trialPath, resume: false, force: true), resume: false, log: log, ct: ct).Metrics;
        }
        var previous = RunFolder.Existing(trialPath).ReadJson<HitsRunConfig>(HitsRun.ConfigFile);
        // A budget below one validation round shortens the round when the run starts (HitsRun.Train).
        if (previous with { MaxIterations = wanted.MaxIterations, ValidateEvery = wanted.ValidateEvery } != wanted)
            throw new InputException(configPath, "hits", "this trial was trained with other settings than the study's config asks (windows, data or seed); use another --out");
        if (previous.MaxIterations > wanted.MaxIterations)
            throw new InputException(configPath, "hits.max_iterations", $"this trial was trained for {previous.MaxIterations} minibatches, more than the config's {wanted.MaxIterations}; use another --out");
        if (File.Exists(metricsPath) && previous.MaxIterations == wanted.MaxIterations)
        {
            log?.Invoke($"{tag}: trained before, skipped");
            return RunFolder.Existing(trialPath).ReadJson<JsonObject>(HitsRun.MetricsFile);
        }
        log?.Invoke(previous.MaxIterations < wanted.MaxIterations ? $"{tag}: extending to {wanted.MaxIterations} minibatches" : $"{tag}: resuming");
        // The forecast of a shorter training is stale once training goes on.
        string stale = Path.Combine(trialPath, ForecastFolder, HitsRun.MetricsFile);
        if (File.Exists(stale)) File.Delete(stale);
        return HitsRun.Train(wanted, RunFolder.Open(trialPath, resume: true, force: false), resume: true, log: log, ct: ct, extendTo: wanted.MaxIterations).Metrics;
    }

    private JsonObject Forecast(string trialPath, string testFile, string system, string tag, CancellationToken ct)
    {
        string metrics = Path.Combine(trialPath, ForecastFolder, HitsRun.MetricsFile);
        if (File.Exists(metrics)) return RunFolder.Existing(Path.GetDirectoryName(metrics)!).ReadJson<JsonObject>(HitsRun.MetricsFile);
        log?.Invoke($"{tag}: forecasting the test set");
        OdeSystemKind? field = _spec.Classical ? ChoiceName.Parse<OdeSystemKind>(system, "hits.systems", "value") : null;
        return HitsForecast.Run(RunFolder.Existing(trialPath), testFile, null, field, threads: 1, log: log, ct: ct).Metrics;
    }

    private IEnumerable<(string System, double Noise, int Seed)> Trials()
    {
        // Seeds outermost, then noise: an unfinished study has every system without noise before any noisy one.
        for (int s = 0; s < _spec.Seeds; s++)
            foreach (double noise in _spec.Noise)
                foreach (string system in _spec.Systems)
                    yield return (system, noise, s);
    }

    /// <summary>The system's train, validation and test files at this noise level, generated on first use.</summary>
    private Dictionary<DataSplit, string> Dataset(string system, double noise, CancellationToken ct)
    {
        string dataFolder = Path.Combine(Folder, "data", TrialKey(system, noise, _spec.DataSeed).Replace("_seed", "_data"));
        var files = DataSplits.All.ToDictionary(split => split, split => Path.Combine(dataFolder, split.FileStem() + ".h5"));
        if (files.Values.All(File.Exists)) return files;
        var kind = ChoiceName.Parse<OdeSystemKind>(system, "hits.systems", "value");
        log?.Invoke($"generating {system} trajectories (noise {noise.ToString(CultureInfo.InvariantCulture)}, seed {_spec.DataSeed})");
        Directory.CreateDirectory(dataFolder);
        var sets = OdeDataGenerator.Generate(new OdeDataConfig(kind, _spec.Points ?? OdeDataConfig.ReferencePoints, _spec.Train, _spec.Validation, _spec.Test,
            Noise: noise, Seed: _spec.DataSeed), ct: ct);
        TrajectoryFile.WriteAll(DataSplits.All.Select(split => (files[split], sets[split])).ToList(), force: true, ct: ct);
        return files;
    }
}
