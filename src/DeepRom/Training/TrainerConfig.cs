namespace DeepRom.Training;

/// <summary>
/// Settings of the model-agnostic training loop (optimiser, minibatches, learning-rate steps, validation, early stopping,
/// checkpoints, recovery). Schedules of the objective itself (a KL weight, say) belong to the model's own configuration.
/// </summary>
public sealed record TrainerConfig
{
    public int Epochs { get; init; } = 100;
    public int BatchSize { get; init; } = 64;
    public LearningRateSteps LearningRate { get; init; } = LearningRateSteps.Constant(5e-4);
    public Optimiser Optimiser { get; init; } = Optimiser.Adam;
    public double WeightDecay { get; init; }
    public int Seed { get; init; }

    /// <summary>Minimum wall time between checkpoints (one is also written at the end and on interruption).</summary>
    public double CheckpointMinutes { get; init; } = 2.0;

    /// <summary>How many non-finite losses are rolled back (halving the learning rate each time) before giving up.</summary>
    public int MaxRecoveries { get; init; } = 3;

    /// <summary>Epochs between calls of the trainer's monitor and validation (also called after the last epoch).</summary>
    public int MonitorEvery { get; init; } = 10;

    /// <summary>End with the weights of the lowest validation loss instead of the last ones (needs a validation).</summary>
    public bool KeepBest { get; init; }

    /// <summary>Stop after this many validations in a row without a new lowest validation loss; null = never.</summary>
    public int? Patience { get; init; }

    /// <summary>Stop once the validation loss is at or below this floor; null = never.</summary>
    public double? StopBelow { get; init; }

    /// <summary>
    /// Wall-clock budget in seconds: training stops after the epoch during which the run's time reaches it; null = no limit.
    /// Comparisons of models at equal cost (sequence baselines) give each the same budget rather than the same epochs.
    /// </summary>
    public double? MaxSeconds { get; init; }

    /// <summary>Intra-op threads for libtorch (0 = all cores).</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Largest global L2 norm of the gradient per step (larger ones are scaled down to it); null = no clipping. A
    /// single minibatch with a huge gradient (e.g. a labelled sample far outside a narrow posterior) can otherwise
    /// knock a trained network back to a collapsed state in one step.
    /// </summary>
    public double? GradientClipNorm { get; init; }

    /// <summary>Whether the settings need a validation loss (best weights or early stopping).</summary>
    internal bool NeedsValidation => KeepBest || Patience is not null || StopBelow is not null;

    /// <summary>The same schedule stretched to <paramref name="epochs"/>: learning-rate steps keep their fractions.</summary>
    public TrainerConfig RescaledTo(int epochs) => this with
    {
        Epochs = epochs,
        LearningRate = LearningRate with { Starts = LearningRate.Starts.Select(s => StretchEpoch(s, Epochs, epochs)).ToArray() },
    };

    /// <summary>An epoch count of a schedule made for <paramref name="from"/> epochs, moved to the same fraction of <paramref name="to"/>.</summary>
    public static int StretchEpoch(int epoch, int from, int to) => (int)Math.Round(epoch * (to / (double)from));

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException("epochs must be at least 1");
        if (BatchSize < 1) throw new ArgumentException("batch size must be at least 1");
        if (!(CheckpointMinutes >= 0)) throw new ArgumentException("checkpoint interval must be >= 0 minutes");
        if (!Enum.IsDefined(Optimiser)) throw new ArgumentException($"unknown optimiser {Optimiser}");
        if (!(WeightDecay >= 0) || !double.IsFinite(WeightDecay)) throw new ArgumentException("weight decay must be >= 0");
        if (GradientClipNorm is { } g && !(g > 0)) throw new ArgumentException("the gradient clipping norm must be positive");
        if (Patience is < 1) throw new ArgumentException("patience must be at least 1 validation");
        if (MaxSeconds is { } budget && !(budget > 0)) throw new ArgumentException("the time budget must be positive");
        if (StopBelow is { } floor && !double.IsFinite(floor)) throw new ArgumentException("the validation-loss floor must be finite");
        LearningRate.Validate();
    }
}
