namespace DeepRom.Training;

/// <summary>Everything the loop needs to continue exactly where it stopped; saved in every checkpoint.</summary>
public sealed class TrainingState
{
    public int EpochsDone { get; set; }
    public double Beta { get; set; }

    /// <summary>Product of the halvings applied by non-finite-loss recoveries.</summary>
    public double LearningRateFactor { get; set; } = 1.0;

    public int Recoveries { get; set; }
    public double Seconds { get; set; }
    public List<EpochRecord> History { get; set; } = new();
    public List<string> Events { get; set; } = new();
}

/// <summary>Means of the loss parts over one epoch, with the beta and learning rate at its end.</summary>
public sealed record EpochRecord(int Epoch, Dictionary<string, double> Parts, double Beta, double LearningRate, double Seconds);

/// <summary>What the loop reports after each epoch.</summary>
public sealed record TrainingProgress(int Epoch, int Epochs, IReadOnlyDictionary<string, double> Parts, double Beta, double LearningRate, TimeSpan Elapsed);

/// <summary>Training diverged and could not be recovered by rolling back.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
