using System.CommandLine;
using DeepRom.Models.Priors;
using DeepRom.Models.Vae;
using DeepRom.Runs;
using DeepRom.Training;

namespace DeepRom.Cli;

/// <summary>The options of <c>deeprom vae train</c> and how they change a preset's <see cref="VaeRunConfig"/>.</summary>
public sealed class VaeTrainOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "Training snapshot file (snapshots/1, static 2-D fields).", Required = true };
    public Option<string?> Test { get; } = new("--test") { Description = "Test snapshot file; without it a part of --data is held back (see --held-out)." };
    public Option<double> HeldOut { get; } = new("--held-out") { Description = "Fraction of --data held back for testing when --test is absent.", DefaultValueFactory = _ => 0.2 };
    public Option<string> Prior { get; } = new("--prior") { Description = "Latent prior: standard = N(0,I); scaled = N(0, diag(1,2,..)); hierarchical = learned p(z|xi)p(xi).", DefaultValueFactory = _ => "standard" };
    public Option<int> Labels { get; } = LabelsOption();
    public Option<string> Preset { get; } = new("--preset") { Description = "Schedule and architecture: fast (DeepRom's) or reference (seed 001's, hours per model).", DefaultValueFactory = _ => "fast" };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Override the preset's number of epochs (phases keep their fractions); with --resume, extend the run to this many epochs." };
    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed (initialisation, minibatches, noise, label choice, split).", DefaultValueFactory = _ => 0 };
    public Option<int?> Latents { get; } = new("--latents") { Description = "Latent size (default: number of generative parameters, else 2)." };
    public Option<string> Loss { get; } = new("--loss") { Description = "Loss normalisation: per-pixel (the reference's, beta ~2112x stronger than the ELBO's) or elbo.", DefaultValueFactory = _ => "per-pixel" };
    public Option<string?> BetaSchedule { get; } = new("--beta-schedule") { Description = "adaptive (reference rule), linear, cyclical or constant (default: the preset's)." };
    public Option<double?> Nu { get; } = new("--nu") { Description = "Rate nu of the adaptive beta rule (reference 0.005; default: the preset's)." };
    public Option<int?> ReconstructionEpochs { get; } = new("--reconstruction-epochs") { Description = "Epochs of the reconstruction-only phase before the KL term enters (default: the preset's)." };
    public Option<int?> Hidden { get; } = new("--hidden") { Description = "Hidden width of the encoder/decoder MLPs (preset's default; 1152 = reference)." };
    public Option<string?> Encoders { get; } = new("--encoders") { Description = "Posterior mean and log-variance from separate encoders (the reference's) or one shared trunk (default: the preset's)." };
    public Option<string?> OutputVariance { get; } = new("--output-variance") { Description = "Variance of p(y|z): learned (reference), calibrated (ML per pixel) or calibrated-per-channel (default: the preset's)." };
    public Option<double?> VarianceFloor { get; } = new("--variance-floor") { Description = "Smallest calibrated output variance per pixel, as a fraction of its pixel mean; 0 = none (default: the preset's, fast 0.01)." };
    public Option<string?> LabelScaling { get; } = new("--label-scaling") { Description = "Labels for the semi-supervised term: standardised (mean 0, std 1 over the labelled samples; fast preset) or none (as given, the reference's)." };
    public Option<double?> GradientClip { get; } = new("--gradient-clip") { Description = "Largest global gradient norm per step, larger ones are scaled down (default: the preset's; 0 = no clipping)." };
    public Option<double> CheckpointMinutes { get; } = new("--checkpoint-minutes") { Description = "Minutes between checkpoints.", DefaultValueFactory = _ => 2.0 };

    public VaeTrainOptions()
    {
        Prior.AcceptOnlyFromAmong([.. ChoiceName.All<PriorKind>()]);
        Preset.AcceptOnlyFromAmong([.. VaeRunConfig.Presets]);
        Loss.AcceptOnlyFromAmong("per-pixel", "elbo");
        BetaSchedule.AcceptOnlyFromAmong([.. ChoiceName.All<BetaScheduleKind>()]);
        Encoders.AcceptOnlyFromAmong("separate", "shared");
        OutputVariance.AcceptOnlyFromAmong([.. ChoiceName.All<OutputVariance>()]);
        LabelScaling.AcceptOnlyFromAmong([.. ChoiceName.All<LabelScaling>()]);
    }

    /// <summary>The <c>--labels</c> option, shared with <c>deeprom quickstart</c>.</summary>
    public static Option<int> LabelsOption() =>
        new("--labels") { Description = "Number of labelled training samples for the semi-supervised term -log q(z = theta | y).", DefaultValueFactory = _ => 0 };

    public void AddTo(Command command)
    {
        foreach (Option o in new Option[] { Data, Test, HeldOut, Prior, Labels, Preset, Epochs, Seed, Latents, Loss, BetaSchedule, Nu, ReconstructionEpochs, Hidden, Encoders, OutputVariance, VarianceFloor, LabelScaling, GradientClip, CheckpointMinutes })
            command.Add(o);
    }

    /// <summary>The run these options describe: the chosen preset, changed where an option was given.</summary>
    public VaeRunConfig ToConfig(ParseResult r)
    {
        VaeRunConfig config = VaeRunConfig.ForPreset(r.GetValue(Preset)!, ChoiceName.Parse<PriorKind>(r.GetValue(Prior)!, "--prior", "value"));
        config = config with { Trainer = config.Trainer with { Seed = r.GetValue(Seed), CheckpointMinutes = r.GetValue(CheckpointMinutes) } };
        if (r.GetValue(Epochs) is { } e)
        {
            if (e < 1) throw new InputException("--epochs", "value", "must be at least 1");
            config = config.RescaledTo(e);
        }
        TrainerConfig trainer = config.Trainer;
        var betaSchedule = config.Beta;
        if (r.GetValue(GradientClip) is { } clip)
        {
            if (!(clip >= 0) || !double.IsFinite(clip)) throw new InputException("--gradient-clip", "value", "must be a finite number >= 0");
            trainer = trainer with { GradientClipNorm = clip > 0 ? clip : null };
        }
        if (r.GetValue(BetaSchedule) is { } beta)
            betaSchedule = betaSchedule with { Kind = ChoiceName.Parse<BetaScheduleKind>(beta, "--beta-schedule", "value") };
        if (r.GetValue(Nu) is { } rate)
        {
            if (!(rate > 0) || !double.IsFinite(rate)) throw new InputException("--nu", "value", "must be a positive number");
            betaSchedule = betaSchedule with { Nu = rate };
        }
        if (r.GetValue(ReconstructionEpochs) is { } rec)
        {
            if (rec < 0 || rec >= trainer.Epochs) throw new InputException("--reconstruction-epochs", "value", $"must be in 0..{trainer.Epochs - 1} (the run has {trainer.Epochs} epochs)");
            betaSchedule = betaSchedule with { ReconstructionEpochs = rec };
        }
        int? hidden = r.GetValue(Hidden), latents = r.GetValue(Latents);
        if (hidden is < 1) throw new InputException("--hidden", "value", "must be at least 1");
        if (latents is < 1) throw new InputException("--latents", "value", "must be at least 1");
        int labels = CheckedLabels(r, Labels);
        string? encoders = r.GetValue(Encoders), outputVariance = r.GetValue(OutputVariance), labelScaling = r.GetValue(LabelScaling);
        double? floor = r.GetValue(VarianceFloor);
        if (floor is { } f && !(f >= 0 && f < 1)) throw new InputException("--variance-floor", "value", "must be at least 0 and below 1");
        return config with
        {
            TrainData = r.GetValue(Data)!,
            TestData = r.GetValue(Test),
            HeldOutFraction = r.GetValue(HeldOut),
            Labels = labels,
            Latents = latents,
            HiddenWidth = hidden ?? config.HiddenWidth,
            SeparateEncoders = encoders is null ? config.SeparateEncoders : encoders == "separate",
            OutputVariance = outputVariance is null ? config.OutputVariance : ChoiceName.Parse<OutputVariance>(outputVariance, "--output-variance", "value"),
            OutputVarianceFloor = floor ?? config.OutputVarianceFloor,
            LabelScaling = labelScaling is null ? config.LabelScaling : ChoiceName.Parse<LabelScaling>(labelScaling, "--label-scaling", "value"),
            Normalisation = r.GetValue(Loss) == "elbo" ? LossNormalisation.Elbo : LossNormalisation.PerPixelMean,
            Trainer = trainer,
            Beta = betaSchedule,
        };
    }

    /// <summary>The value of a <c>--labels</c> option, refused when negative.</summary>
    public static int CheckedLabels(ParseResult r, Option<int> labels) =>
        r.GetValue(labels) is var n and >= 0 ? n : throw new InputException("--labels", "value", "must be at least 0");
}
