using System.Globalization;
using System.Text.Json.Serialization;
using DeepRom.Models.Hits;
using DeepRom.Training;

namespace DeepRom.Runs.Hits;

/// <summary>The settings of <c>deeprom hits train</c>, written as the model folder's <c>config.json</c>.</summary>
public sealed record HitsRunConfig
{
    /// <summary>Training trajectories (trajectories/1).</summary>
    public required string TrainData { get; init; }

    /// <summary>Validation trajectories: the best weights of each level, early stopping and the forecast's model selection.</summary>
    public required string ValidationData { get; init; }

    public LevelRange Levels { get; init; } = LevelRange.Reference;

    /// <summary>
    /// When set, the coarsest of <see cref="Levels"/> that the trajectories are too short to train (p steps of 2^k dt) are
    /// dropped when training starts, so that short trajectories of any system work with the defaults; when not, they are an error.
    /// </summary>
    public bool TrimLevelsToData { get; init; }
    public int Width { get; init; } = 128;
    public int Depth { get; init; } = 3;

    /// <summary>p: steps of the recurrent rollout in the loss.</summary>
    public int RolloutSteps { get; init; } = 5;

    /// <summary>Trajectories per minibatch (each gives one window per level).</summary>
    public int BatchSize { get; init; } = 320;

    /// <summary>Minibatches (optimiser steps), rounded up to whole validation rounds; every level takes one step per minibatch.</summary>
    public int MaxIterations { get; init; } = DefaultIterations;

    /// <summary>Minibatches between validations (each level's best weights are kept at validations).</summary>
    public int ValidateEvery { get; init; } = 100;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// When set, the rate stays at <see cref="LearningRate"/> for the first half of the run and then falls geometrically to
    /// this by its end (one step per validation round); null keeps it constant, as the reference did. At a constant 1e-3
    /// the validation losses stop falling after a few thousand minibatches and scatter around a floor set by the step size.
    /// </summary>
    public double? FinalLearningRate { get; init; }

    /// <summary>
    /// libtorch's intra-op threads (0 = one per core). One by default: a step's matrix products are small (320 x 128 by
    /// 128 x 128 per level), and on a two-core machine shared with other work two threads waiting on each other made a
    /// minibatch 3.6 times slower than one thread (README).
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>Stop once every level's best validation loss (standardised units) is at or below this floor.</summary>
    public double StopBelow { get; init; } = 1e-8;

    public WindowSampling Windows { get; init; } = WindowSampling.Mixed;
    public int Seed { get; init; }
    public double CheckpointMinutes { get; init; } = 2.0;

    /// <summary>The default iteration budget (see README: the whole hierarchy in minutes on two cores).</summary>
    public const int DefaultIterations = 10_000;

    /// <summary>Validation rounds: the trainer's epochs.</summary>
    [JsonIgnore]
    public int Rounds => (MaxIterations + ValidateEvery - 1) / ValidateEvery;

    /// <summary>The training loop's settings: one epoch per validation round, Adam at a constant rate.</summary>
    [JsonIgnore]
    public TrainerConfig Trainer => new()
    {
        Epochs = Rounds,
        BatchSize = BatchSize,
        LearningRate = Schedule(),
        Optimiser = Optimiser.Adam,
        Seed = Seed,
        MonitorEvery = 1,
        StopBelow = StopBelow,
        CheckpointMinutes = CheckpointMinutes,
        Threads = Threads,
    };

    private LearningRateSteps Schedule()
    {
        int hold = Rounds / 2, decay = Rounds - hold;
        if (FinalLearningRate is not { } final || decay < 2) return LearningRateSteps.Constant(LearningRate);
        double ratio = Math.Pow(final / LearningRate, 1.0 / (decay - 1));
        return new LearningRateSteps([0, .. Enumerable.Range(hold, decay)],
            [LearningRate, .. Enumerable.Range(0, decay).Select(r => LearningRate * Math.Pow(ratio, r))]);
    }

    /// <summary>Refuses settings that cannot train, naming the command-line option.</summary>
    public void Validate()
    {
        static void Require(bool ok, string option, string problem)
        {
            if (!ok) throw new InputException(option, "value", problem);
        }
        Require(Levels.Lowest >= 0 && Levels.Highest <= LevelRange.MaxLevel && Levels.Lowest <= Levels.Highest, "--levels", $"must lie in 0-{LevelRange.MaxLevel}");
        Require(Width >= 1, "--width", $"must be at least 1, got {Width}");
        Require(Depth >= 1, "--depth", $"must be at least 1 hidden layer, got {Depth}");
        Require(RolloutSteps >= 1, "--rollout", $"must be at least 1, got {RolloutSteps}");
        Require(BatchSize >= 1, "--batch", $"must be at least 1, got {BatchSize}");
        Require(MaxIterations >= 1, "--max-iterations", $"must be at least 1, got {MaxIterations}");
        Require(ValidateEvery >= 1, "--validate-every", $"must be at least 1, got {ValidateEvery}");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), "--lr", string.Create(CultureInfo.InvariantCulture, $"must be positive, got {LearningRate}"));
        Require(FinalLearningRate is null || (FinalLearningRate > 0 && double.IsFinite(FinalLearningRate.Value)), "--lr-final",
            string.Create(CultureInfo.InvariantCulture, $"must be positive, got {FinalLearningRate}"));
        Require(Threads >= 0, "--threads", $"must be 0 (one per core) or more, got {Threads}");
        Require(double.IsFinite(StopBelow), "--stop-below", "must be finite");
        Require(Enum.IsDefined(Windows), "--windows", $"unknown value {Windows}");
    }
}

/// <summary>What a trained hierarchy is, written as <c>model.json</c> beside its weights so that it can be rebuilt.</summary>
/// <param name="Model">Dimension, levels, width and depth of the steppers.</param>
/// <param name="Scaling">The standardisation the networks work in (the training data's mean and std per component).</param>
/// <param name="TimeStep">dt of the training data: level k steps 2^k dt.</param>
/// <param name="RolloutSteps">p of the training loss.</param>
/// <param name="IncrementScale">Per level and component, the factor on the network's output (the training data's RMS increment in standardised units).</param>
public sealed record HitsModelSpec(StepperEnsembleConfig Model, StateScaling Scaling, double TimeStep, int RolloutSteps, double[][] IncrementScale);
