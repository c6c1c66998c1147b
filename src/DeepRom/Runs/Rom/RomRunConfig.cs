using DeepRom.Models.Rom;
using DeepRom.Models.Rom.Reductions;
using DeepRom.Models.Rom.Reductions.Convolutional;
using DeepRom.Training;

namespace DeepRom.Runs.Rom;

/// <summary>The settings of <c>deeprom rom fit</c>, written as the model folder's <c>config.json</c>.</summary>
/// <param name="TrainData">The training simulations (snapshots/1 with params).</param>
/// <param name="Reduction">The reduction.</param>
/// <param name="Latent">The latent budget r: POD's most modes, a network's code size.</param>
/// <param name="EnergyTarget">POD keeps fewer modes when they already capture this fraction of the energy.</param>
/// <param name="Seed">A network's initialisation and minibatches; POD is deterministic and does not use it.</param>
/// <remarks>
/// The settings of the networks are absent (null) for POD, and from files written before the networks existed, which
/// therefore still load.
/// </remarks>
public sealed record RomRunConfig(string TrainData, ReductionKind Reduction = ReductionKind.Pod, int Latent = 20, double EnergyTarget = 0.9999, int Seed = 0)
{
    /// <summary>A network's training loop (epochs, optimiser, minibatches, learning rate); null for POD.</summary>
    public TrainerConfig? Trainer { get; init; }

    /// <summary>The convolutional autoencoder's settings when <see cref="Reduction"/> is <see cref="ReductionKind.Cae"/>.</summary>
    public ConvolutionalAutoencoderConfig? Cae { get; init; }

    /// <summary>The beta-VAE's settings when <see cref="Reduction"/> is <see cref="ReductionKind.BetaVae"/>.</summary>
    public BetaVaeConfig? BetaVae { get; init; }

    /// <summary>The LSH-VAE's settings when <see cref="Reduction"/> is <see cref="ReductionKind.LshVae"/> (its code size is <see cref="Latent"/>).</summary>
    public LshVaeConfig? LshVae { get; init; }

    /// <summary>
    /// A fit of <paramref name="reduction"/> with its default settings; <paramref name="epochs"/> replaces a network's
    /// default number of epochs (learning-rate steps keep their fractions of the run).
    /// </summary>
    public static RomRunConfig Defaults(string trainData, ReductionKind reduction, int latent, int seed, int? epochs = null)
    {
        var config = new RomRunConfig(trainData, reduction, latent, Seed: seed);
        if (!ReductionKinds.IsNeural(reduction)) return config;
        TrainerConfig trainer = DefaultTrainer(reduction) with { Seed = seed };
        if (epochs is { } e && e != trainer.Epochs) trainer = trainer.RescaledTo(e);
        return config with
        {
            Trainer = trainer,
            Cae = reduction == ReductionKind.Cae ? new ConvolutionalAutoencoderConfig() : null,
            BetaVae = reduction == ReductionKind.BetaVae ? new BetaVaeConfig() : null,
            LshVae = reduction == ReductionKind.LshVae ? new LshVaeConfig().WithCodeSize(latent) : null,
        };
    }

    /// <summary>
    /// The default training loop of a network: Adam on minibatches of 16 simulations, the learning rate lowered tenfold
    /// for the last fifth. The epochs are sized so that a fit of the Burgers benchmark (80 x 501 x 256) stays within
    /// 15 minutes on two cores: a step of either network there takes about 150 ms of processor time (bench rom-step), so
    /// 1000 epochs of 5 steps take about 12.5 minutes even on one core.
    /// </summary>
    public static TrainerConfig DefaultTrainer(ReductionKind reduction)
    {
        if (reduction == ReductionKind.LshVae)
        {
            // Measured on Burgers-sized data: learning rate 1e-2 beat 1e-3 and 3e-3 by a factor 2-3, a late tenfold drop did
            // not help, and one libtorch thread ran an epoch in 1.8-2 s where two took 12-13 s whenever anything else ran.
            var lsh = new LshVaeConfig();
            return new TrainerConfig
            {
                Epochs = lsh.Epochs, BatchSize = lsh.BatchSize, Optimiser = Optimiser.Adam, Threads = 1,
                LearningRate = LearningRateSteps.Constant(lsh.LearningRate),
            };
        }
        int epochs = reduction switch
        {
            ReductionKind.Cae => CaeEpochs,
            ReductionKind.BetaVae => BetaVaeEpochs,
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "not a trained reduction with defaults"),
        };
        return new TrainerConfig
        {
            Epochs = epochs,
            BatchSize = 16,
            Optimiser = Optimiser.Adam,
            LearningRate = new LearningRateSteps([0, (int)(0.8 * epochs)], [1e-3, 1e-4]),
        };
    }

    public const int CaeEpochs = 1000;
    public const int BetaVaeEpochs = 1000;
}
