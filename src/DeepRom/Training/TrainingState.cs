namespace DeepRom.Training;

/// <summary>Everything the loop needs to continue exactly where it stopped; saved in every checkpoint.</summary>
public sealed class TrainingState
{
    public int EpochsDone { get; set; }

    /// <summary>The objective's schedule state at the end of the last epoch (see <see cref="ITrainable.Schedule"/>).</summary>
    public Dictionary<string, double> Schedule { get; set; } = new();

    /// <summary>Product of the halvings applied by non-finite-loss recoveries.</summary>
    public double LearningRateFactor { get; set; } = 1.0;

    public int Recoveries { get; set; }
    public double Seconds { get; set; }

    /// <summary>Zero-based epoch of the lowest validation loss so far; null before the first validation.</summary>
    public int? BestEpoch { get; set; }

    public double? BestValidationLoss { get; set; }

    /// <summary>Validations since the lowest validation loss (the patience counter).</summary>
    public int ValidationsSinceBest { get; set; }

    /// <summary>Why training ended before its last epoch; null when it ran them all (or has not ended).</summary>
    public EarlyStop? EarlyStop { get; set; }

    /// <summary>Whether the module ended with the weights of <see cref="BestEpoch"/> rather than the last epoch's.</summary>
    public bool RestoredBest { get; set; }

    public List<EpochRecord> History { get; set; } = new();
    public List<string> Events { get; set; } = new();
}

/// <summary>Why the loop stopped before its last epoch.</summary>
public enum EarlyStop
{
    /// <summary><see cref="TrainerConfig.Patience"/> validations in a row brought no new lowest loss.</summary>
    Patience,

    /// <summary>The validation loss reached <see cref="TrainerConfig.StopBelow"/>.</summary>
    Floor,

    /// <summary>The wall time reached <see cref="TrainerConfig.MaxSeconds"/>.</summary>
    TimeBudget,
}

/// <summary>Means of the loss parts over one epoch, with the objective's schedule state and the learning rate at its end.</summary>
public sealed record EpochRecord(int Epoch, Dictionary<string, double> Parts, Dictionary<string, double> Schedule, double LearningRate, double Seconds);

/// <summary>What the loop reports after each epoch.</summary>
public sealed record TrainingProgress(int Epoch, int Epochs, IReadOnlyDictionary<string, double> Parts,
    IReadOnlyDictionary<string, double> Schedule, double LearningRate, TimeSpan Elapsed);

/// <summary>Training diverged and could not be recovered by rolling back.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
