namespace DeepRom.Training;

/// <summary>Settings of the model-agnostic training loop (Adam, minibatches, schedules, checkpoints, recovery).</summary>
public sealed record TrainerConfig
{
    public int Epochs { get; init; } = 100;
    public int BatchSize { get; init; } = 64;
    public LearningRateSteps LearningRate { get; init; } = LearningRateSteps.Constant(5e-4);
    public double WeightDecay { get; init; }
    public BetaSchedule Beta { get; init; } = BetaSchedule.Reference(0);
    public int Seed { get; init; }

    /// <summary>Minimum wall time between checkpoints (one is also written at the end and on interruption).</summary>
    public double CheckpointMinutes { get; init; } = 2.0;

    /// <summary>How many non-finite losses are rolled back (halving the learning rate each time) before giving up.</summary>
    public int MaxRecoveries { get; init; } = 3;

    /// <summary>Epochs between calls of the trainer's monitor (validation metrics recorded in the history).</summary>
    public int MonitorEvery { get; init; } = 10;

    /// <summary>Intra-op threads for libtorch (0 = all cores).</summary>
    public int Threads { get; init; }

    /// <summary>The same schedule stretched to <paramref name="epochs"/>: phases, learning-rate steps and ramps keep their fractions.</summary>
    public TrainerConfig RescaledTo(int epochs)
    {
        double f = epochs / (double)Epochs;
        int Scale(int v) => (int)Math.Round(v * f);
        return this with
        {
            Epochs = epochs,
            LearningRate = LearningRate with { Starts = LearningRate.Starts.Select(Scale).ToArray() },
            Beta = Beta with { ReconstructionEpochs = Scale(Beta.ReconstructionEpochs), RampEpochs = Math.Max(1, Scale(Beta.RampEpochs)) },
        };
    }

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException("epochs must be at least 1");
        if (BatchSize < 1) throw new ArgumentException("batch size must be at least 1");
        if (!(CheckpointMinutes >= 0)) throw new ArgumentException("checkpoint interval must be >= 0 minutes");
        LearningRate.Validate();
        Beta.Validate();
    }
}
