using System.Text.Json;
using System.Text.Json.Nodes;
using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using DeepRom.Training;

namespace DeepRom.Runs;

/// <summary>Everything that defines a disentangling-VAE run; written to the run folder as <c>config.json</c>.</summary>
public sealed record VaeRunConfig
{
    public string TrainData { get; init; } = "";

    /// <summary>Test file; null holds back <see cref="HeldOutFraction"/> of the training file instead.</summary>
    public string? TestData { get; init; }

    public double HeldOutFraction { get; init; } = 0.2;

    /// <summary>"fast" (DeepRom's default schedule and narrow hidden layer) or "reference" (seed 001's).</summary>
    public string Preset { get; init; } = "fast";

    public PriorKind Prior { get; init; } = PriorKind.Standard;

    /// <summary>Number of labelled training samples for the semi-supervised term (0 = unsupervised).</summary>
    public int Labels { get; init; }

    public double LabelWeight { get; init; } = 1.0;

    /// <summary>Labels as given (the reference's; also what a config written before this item existed means) or standardised.</summary>
    public LabelScaling LabelScaling { get; init; } = LabelScaling.None;

    public LossNormalisation Normalisation { get; init; } = LossNormalisation.PerPixelMean;

    /// <summary>Latent size; null = the number of generative parameters in the data (2 if there are none).</summary>
    public int? Latents { get; init; }

    /// <summary>Hidden width of the encoder/decoder MLPs; null = the reference's (half the flattened features).</summary>
    public int? HiddenWidth { get; init; }

    public bool SeparateEncoders { get; init; } = true;

    public OutputVariance OutputVariance { get; init; } = OutputVariance.Learned;

    /// <summary>Floor of a calibrated output variance, relative to its pixel mean (see <see cref="DenseVaeConfig.OutputVarianceFloor"/>).</summary>
    public double OutputVarianceFloor { get; init; }

    /// <summary>Weight of the KL term over training, applied by the VAE's objective.</summary>
    public BetaSchedule Beta { get; init; } = BetaSchedule.Reference(0);

    public TrainerConfig Trainer { get; init; } = new();

    /// <summary>The same run stretched to <paramref name="epochs"/>: phases, learning-rate steps and ramps keep their fractions.</summary>
    public VaeRunConfig RescaledTo(int epochs) => this with
    {
        Trainer = Trainer.RescaledTo(epochs),
        Beta = Beta.RescaledTo(Trainer.Epochs, epochs),
    };

    /// <summary>
    /// seed 001's schedule: batch 64, 6500 epochs, 4000 reconstruction-only epochs, adaptive beta,
    /// learning rate 5e-4 then 1e-4 from epoch 5900, reference architecture (about 2.9 h per model on 2 cores).
    /// The hierarchical prior uses the reference's longer HP schedule (14000 epochs, 6500 reconstruction-only,
    /// learning rate 3e-4, 5e-5, 2.5e-5). The notes give those three rates but not the epochs at which they change;
    /// DeepRom assumes the end of the reconstruction phase (6500) and epoch 12000.
    /// </summary>
    public static VaeRunConfig Reference(PriorKind prior) => prior == PriorKind.Hierarchical
        ? new()
        {
            Preset = "reference",
            Prior = prior,
            Trainer = new TrainerConfig
            {
                Epochs = 14000,
                BatchSize = 64,
                LearningRate = new LearningRateSteps([0, 6500, 12000], [3e-4, 5e-5, 2.5e-5]),
            },
            Beta = BetaSchedule.Reference(6500),
        }
        : new()
        {
            Preset = "reference",
            Prior = prior,
            Trainer = new TrainerConfig
            {
                Epochs = 6500,
                BatchSize = 64,
                LearningRate = new LearningRateSteps([0, 5900], [5e-4, 1e-4]),
            },
            Beta = BetaSchedule.Reference(4000),
        };

    /// <summary>
    /// DeepRom's fast schedule: a 64-wide hidden layer instead of 1152 (the two big linear layers hold over 99 % of
    /// the reference weights), one encoder trunk for mean and log-variance instead of two, a calibrated output
    /// variance (so 20 reconstruction-only epochs suffice instead of 4000), the adaptive beta rule with nu = 0.05 and
    /// learning rate 1e-3; see the README for what it reaches.
    /// </summary>
    public static VaeRunConfig Fast(PriorKind prior) => new()
    {
        Preset = "fast",
        Prior = prior,
        HiddenWidth = 64,
        SeparateEncoders = false,
        OutputVariance = OutputVariance.Calibrated,
        OutputVarianceFloor = 0.01,
        LabelScaling = LabelScaling.Standardised,
        Trainer = new TrainerConfig
        {
            Epochs = 240,
            BatchSize = 64,
            LearningRate = new LearningRateSteps([0, 200], [1e-3, 2e-4]),
        },
        Beta = BetaSchedule.Reference(20) with { Nu = 0.05 },
    };

    /// <summary>
    /// Moves the KL schedule of a configuration written while it was a trainer setting (<c>Trainer.Beta</c>) to where it
    /// is now (<c>Beta</c>); a current configuration passes unchanged. <paramref name="naming"/> is the property naming
    /// the document was written with (run folders: none; study summaries: snake case).
    /// </summary>
    public static JsonObject UpgradeLegacyLayout(JsonObject config, JsonNamingPolicy? naming = null)
    {
        string Name(string name) => naming?.ConvertName(name) ?? name;
        string beta = Name(nameof(Beta));
        if (config[Name(nameof(Trainer))] is JsonObject trainer && trainer[beta] is { } schedule && !config.ContainsKey(beta))
        {
            trainer.Remove(beta);
            config[beta] = schedule;
        }
        return config;
    }

    /// <summary>The names of the presets, as <see cref="ForPreset"/> takes them.</summary>
    public static readonly IReadOnlyList<string> Presets = ["fast", "reference"];

    /// <summary>The preset of the given name.</summary>
    public static VaeRunConfig ForPreset(string preset, PriorKind prior) => preset switch
    {
        "fast" => Fast(prior),
        "reference" => Reference(prior),
        _ => throw new InputException("--preset", preset, $"unknown preset (use {string.Join(" or ", Presets)})"),
    };
}
