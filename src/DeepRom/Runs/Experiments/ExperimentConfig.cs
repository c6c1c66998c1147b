using System.Text.Json;
using System.Text.Json.Serialization;
using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using DeepRom.Physics.Darcy;

namespace DeepRom.Runs.Experiments;

/// <summary>
/// A reproduction study: datasets to generate, a grid of trials (every combination of the listed values, each seed),
/// the metrics to summarise and the published numbers to set beside them. Read from a JSON file.
/// </summary>
public sealed record ExperimentConfig
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";

    /// <summary>Trial kind: "vae" (the disentangling-VAE workflow; the items below), "rom" (parametric ROMs; <see cref="Rom"/>) or "hits" (time-steppers; <see cref="Hits"/>).</summary>
    public string Kind { get; init; } = "vae";

    /// <summary>The study of a "rom" kind: datasets of whole simulations and the grid of models.</summary>
    public RomStudySpec? Rom { get; init; }

    /// <summary>The study of a "hits" kind: systems, noise levels and training budget.</summary>
    public HitsStudySpec? Hits { get; init; }

    /// <summary>Datasets the trials refer to by name, generated once into the study folder.</summary>
    public List<DarcyDataSpec> Datasets { get; init; } = new();

    /// <summary>The grid: each trial takes one value of each axis.</summary>
    public TrialGrid Grid { get; init; } = new();

    /// <summary>Settings shared by all trials (preset, epochs).</summary>
    public TrialSettings Settings { get; init; } = new();

    /// <summary>Columns the summary groups by, out of "dataset", "prior", "labels".</summary>
    public List<string> GroupBy { get; init; } = new() { "dataset", "prior" };

    /// <summary>Threshold of sd_mean above which a trial counts as disentangled.</summary>
    public double DisentangledThreshold { get; init; } = 0.9;

    /// <summary>Threshold of the test KL (nats per sample) below which a trial counts as over-regularised.</summary>
    public double CollapsedKl { get; init; } = 0.1;

    /// <summary>Published values to show beside each group, keyed by the group label (e.g. "gmm4 / standard / 8").</summary>
    public Dictionary<string, string> Reference { get; init; } = new();

    public string ReferenceSource { get; init; } = "";

    /// <summary>The folder of the config file, against which relative data paths resolve (not part of the file).</summary>
    [JsonIgnore]
    public string Directory { get; init; } = System.IO.Directory.GetCurrentDirectory();

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ExperimentConfig Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "config", "file not found");
        ExperimentConfig config;
        try
        {
            config = JsonSerializer.Deserialize<ExperimentConfig>(File.ReadAllText(path), Json) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new InputException(path, e.Path ?? "config", $"not a valid experiment config ({e.Message.Split('\n')[0]})");
        }
        config.Validate(path);
        return config with { Directory = Path.GetDirectoryName(Path.GetFullPath(path))! };
    }

    private void Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new InputException(path, "name", "missing");
        if (Kind == "rom")
        {
            ValidateRom(path);
            return;
        }
        if (Kind == "hits")
        {
            ValidateHits(path);
            return;
        }
        if (Kind != "vae") throw new InputException(path, "kind", $"unknown trial kind '{Kind}' (supported: vae, rom, hits)");
        if (Rom is not null) throw new InputException(path, "rom", "given, but the kind is vae");
        if (Hits is not null) throw new InputException(path, "hits", "given, but the kind is vae");
        if (Grid.Seeds < 1) throw new InputException(path, "grid.seeds", "must be at least 1");
        if (Grid.Datasets.Count == 0) throw new InputException(path, "grid.datasets", "must name at least one dataset");
        foreach (string d in Grid.Datasets)
            if (Datasets.All(s => s.Name != d)) throw new InputException(path, "grid.datasets", $"'{d}' is not defined under datasets");
        foreach (string p in Grid.Priors) ChoiceName.Parse<PriorKind>(p, path, "grid.priors");
        foreach (string g in GroupBy)
            if (g is not ("dataset" or "prior" or "labels")) throw new InputException(path, "group_by", $"unknown column '{g}'");
        if (!VaeRunConfig.Presets.Contains(Settings.Preset)) throw new InputException(path, "settings.preset", $"unknown preset '{Settings.Preset}'");
        if (Settings.Epochs is < 1) throw new InputException(path, "settings.epochs", "must be at least 1");
        if (Settings.OutputVariance is { } v) ChoiceName.Parse<OutputVariance>(v, path, "settings.output_variance");
        if (Settings.OutputVarianceFloor is { } f && !(f >= 0 && f < 1)) throw new InputException(path, "settings.output_variance_floor", "must be at least 0 and below 1");
        if (Settings.LabelScaling is { } l) ChoiceName.Parse<LabelScaling>(l, path, "settings.label_scaling");
        foreach (var d in Datasets)
        {
            ChoiceName.Parse<ThetaDistribution>(d.Theta, path, $"datasets.{d.Name}.theta");
            if (d.Train < 2 || d.Test < 2) throw new InputException(path, $"datasets.{d.Name}", "train and test need at least 2 samples");
        }
    }

    private void ValidateHits(string path)
    {
        if (Hits is not { } hits) throw new InputException(path, "hits", "missing: a study of kind hits needs its systems and noise levels under \"hits\"");
        if (Rom is not null) throw new InputException(path, "rom", "given, but the kind is hits");
        if (hits.Systems.Count == 0) throw new InputException(path, "hits.systems", "must name at least one system");
        foreach (string s in hits.Systems) ChoiceName.Parse<Physics.Ode.Systems.OdeSystemKind>(s, path, "hits.systems");
        if (hits.Systems.Distinct().Count() != hits.Systems.Count) throw new InputException(path, "hits.systems", "names a system twice");
        if (hits.Noise.Count == 0) throw new InputException(path, "hits.noise", "must list at least one noise level (0 for none)");
        foreach (double n in hits.Noise)
            if (!(n >= 0 && n < 1)) throw new InputException(path, "hits.noise", $"{n} is not a fraction in [0, 1)");
        if (hits.Noise.Distinct().Count() != hits.Noise.Count) throw new InputException(path, "hits.noise", "lists a noise level twice");
        if (hits.Seeds < 1) throw new InputException(path, "hits.seeds", "must be at least 1");
        if (hits.MaxIterations is < 1) throw new InputException(path, "hits.max_iterations", "must be at least 1");
        if (hits.Levels is { } levels)
        {
            try { Models.Hits.LevelRange.Parse(levels, path); }
            catch (InputException e) { throw new InputException(path, "hits.levels", $"{e.Item}: {e.Problem}"); }
        }
        if (hits.Points is < 2) throw new InputException(path, "hits.points", "must be at least 2");
        foreach (var (item, count) in new[] { ("hits.train", hits.Train), ("hits.validation", hits.Validation), ("hits.test", hits.Test) })
            if (count is < 1) throw new InputException(path, item, "must be at least 1");
        if (hits.Windows is { } w) ChoiceName.Parse<Models.Hits.WindowSampling>(w, path, "hits.windows");
    }

    private void ValidateRom(string path)
    {
        if (Rom is not { } rom) throw new InputException(path, "rom", "missing: a study of kind rom needs its datasets and grid under \"rom\"");
        if (Hits is not null) throw new InputException(path, "hits", "given, but the kind is rom");
        var grid = rom.Grid;
        if (grid.Seeds < 1) throw new InputException(path, "rom.grid.seeds", "must be at least 1");
        if (grid.Datasets.Count == 0) throw new InputException(path, "rom.grid.datasets", "must name at least one dataset");
        foreach (string d in grid.Datasets)
            if (rom.Datasets.All(s => s.Name != d)) throw new InputException(path, "rom.grid.datasets", $"'{d}' is not defined under rom.datasets");
        if (grid.Models.Count == 0) throw new InputException(path, "rom.grid.models", "must name at least one model");
        foreach (string m in grid.Models)
        {
            var kind = ChoiceName.Parse<Models.Rom.ReductionKind>(m, path, "rom.grid.models");
            if (!Models.Rom.ReductionKinds.IsBuilt(kind)) throw new InputException(path, "rom.grid.models", $"'{m}' is planned, not built yet");
        }
        if (grid.Latents.Count == 0 || grid.Latents.Any(l => l < 1)) throw new InputException(path, "rom.grid.latents", "must list latent budgets of at least 1");
        if (grid.Interps.Count == 0) throw new InputException(path, "rom.grid.interps", "must name at least one interpolation");
        foreach (string i in grid.Interps) ChoiceName.Parse<Models.Rom.InterpolationKind>(i, path, "rom.grid.interps");
        if (rom.Epochs is < 1) throw new InputException(path, "rom.epochs", "must be at least 1");
        foreach (var d in rom.Datasets)
        {
            if (string.IsNullOrWhiteSpace(d.Name)) throw new InputException(path, "rom.datasets", "a dataset without a name");
            bool files = d.Train is not null || d.Test is not null;
            if (d.Generator is null && !(d.Train is not null && d.Test is not null))
                throw new InputException(path, $"rom.datasets.{d.Name}", "needs a generator (burgers, lco, cylinder) or both train and test files");
            if (d.Generator is not null && files) throw new InputException(path, $"rom.datasets.{d.Name}", "give a generator or files, not both");
            if (d.Generator is not (null or "burgers") && !BenchmarkDataPair.Generators.ContainsKey(d.Generator))
                throw new InputException(path, $"rom.datasets.{d.Name}.generator", $"unknown generator '{d.Generator}' (supported: burgers, {string.Join(", ", BenchmarkDataPair.Generators.Keys)})");
        }
    }
}

/// <summary>A Darcy KLE dataset of the study: theta distribution, sizes and data seed.</summary>
public sealed record DarcyDataSpec
{
    public string Name { get; init; } = "";
    public string Theta { get; init; } = "normal";
    public int Kle { get; init; } = 2;
    public int Train { get; init; } = 512;
    public int Test { get; init; } = 512;
    public int Seed { get; init; }
}

/// <summary>The axes of the trial grid.</summary>
public sealed record TrialGrid
{
    public List<string> Datasets { get; init; } = new();
    public List<string> Priors { get; init; } = new() { "standard" };
    public List<int> Labels { get; init; } = new() { 0 };
    public int Seeds { get; init; } = 1;
}

/// <summary>Settings shared by every trial.</summary>
public sealed record TrialSettings
{
    public string Preset { get; init; } = "fast";
    public int? Epochs { get; init; }

    /// <summary>learned, calibrated or calibrated-per-channel; null keeps the preset's.</summary>
    public string? OutputVariance { get; init; }

    /// <summary>Floor of a calibrated output variance relative to its pixel mean; null keeps the preset's.</summary>
    public double? OutputVarianceFloor { get; init; }

    /// <summary>none or standardised; null keeps the preset's.</summary>
    public string? LabelScaling { get; init; }
}
