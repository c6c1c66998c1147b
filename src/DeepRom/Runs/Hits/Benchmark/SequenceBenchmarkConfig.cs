using DeepRom.Models.Sequence;

namespace DeepRom.Runs.Hits.Benchmark;

/// <summary>The models <c>deeprom hits benchmark</c> compares.</summary>
public enum SequenceModelKind
{
    /// <summary>The residual-stepper hierarchy and its multiscale forecast.</summary>
    Hits,
    Lstm,

    /// <summary>Echo-state network.</summary>
    Esn,

    /// <summary>Clockwork RNN.</summary>
    Cwrnn,
}

/// <summary>What part of the sequence the models learn from and what they generate.</summary>
public enum BenchmarkProtocol
{
    /// <summary>The reference's: train on the whole sequence, then generate it again from x0 (training and test data are the same).</summary>
    Reproduce,

    /// <summary>Train on the first part, generate the rest from the last training state.</summary>
    Forecast,
}

/// <summary>The settings of <c>deeprom hits benchmark</c>, written as the run folder's <c>config.json</c>.</summary>
public sealed record SequenceBenchmarkConfig
{
    /// <summary>A trajectories/1 file holding one sequence.</summary>
    public required string Data { get; init; }

    public IReadOnlyList<SequenceModelKind> Models { get; init; } = Enum.GetValues<SequenceModelKind>();

    /// <summary>Training wall time of each model.</summary>
    public double Minutes { get; init; } = DefaultMinutes;

    public BenchmarkProtocol Protocol { get; init; } = BenchmarkProtocol.Forecast;
    public int Seed { get; init; }

    /// <summary>Fraction of the samples the forecast protocol trains on.</summary>
    public double TrainFraction { get; init; } = 0.8;

    /// <summary>
    /// libtorch's intra-op threads. One by default: on the two-core machine shared with other work, two threads waiting on
    /// each other were measured several times slower (see the time-stepper section of the README).
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>HiTS: steps of the training rollout (the reference's sequence notebook: n_forward 6).</summary>
    public int HitsRollout { get; init; } = 6;

    /// <summary>HiTS: windows per level per minibatch.</summary>
    public int HitsBatch { get; init; } = 64;

    public int HitsWidth { get; init; } = 128;
    public int HitsDepth { get; init; } = 3;

    /// <summary>HiTS: minibatches between the per-level validations on the training sequence (each level keeps its best weights).</summary>
    public int HitsRound { get; init; } = 20;

    /// <summary>HiTS: starts along the training sequence whose forecasts choose the levels.</summary>
    public int HitsSelectionStarts { get; init; } = 8;

    public int LstmHidden { get; init; } = 740;
    public TeacherForcingConfig LstmTraining { get; init; } = new(Window: 64, BatchSize: 8);
    public int EsnUnits { get; init; } = 1600;
    public double EsnSpectralRadius { get; init; } = 0.9;
    public double EsnConnectivity { get; init; } = 0.01;
    public double EsnInputScaling { get; init; } = 0.1;
    public int EsnWashout { get; init; } = 100;
    public double EsnRidge { get; init; } = 1e-6;
    public int CwrnnHidden { get; init; } = 1570;
    public int CwrnnModules { get; init; } = 5;

    /// <summary>
    /// Windows of 256 steps: with a zero state at every window start, a shorter window would leave the slowest module
    /// (period 256) untouched in most windows.
    /// </summary>
    public TeacherForcingConfig CwrnnTraining { get; init; } = new(Window: 256, BatchSize: 4);

    /// <summary>Threshold on the normalised error that ends the valid prediction time.</summary>
    public double ValidErrorThreshold { get; init; } = Metrics.ValidPredictionTime.DefaultThreshold;

    /// <summary>Minutes per model by default: four models on the 512 x 4001 KS sequence fit in half an hour with room for generation.</summary>
    public const double DefaultMinutes = 6;

    /// <summary>Refuses settings that cannot run, naming the command-line option.</summary>
    public void Validate()
    {
        if (!(Minutes > 0) || !double.IsFinite(Minutes)) throw new InputException("--minutes", "value", $"must be a positive number of minutes, got {Minutes}");
        if (Models.Count == 0) throw new InputException("--models", "value", "names no model");
        if (Models.Distinct().Count() != Models.Count) throw new InputException("--models", "value", "names a model twice");
        if (Threads < 0) throw new InputException("--threads", "value", $"must be 0 (one per core) or more, got {Threads}");
        if (!Enum.IsDefined(Protocol)) throw new InputException("--protocol", "value", $"unknown protocol {Protocol}");
        if (!(EsnRidge >= 0) || !double.IsFinite(EsnRidge)) throw new InputException("--esn-ridge", "value", $"must be finite and >= 0, got {EsnRidge}");
        if (!(TrainFraction > 0 && TrainFraction < 1)) throw new InputException("TrainFraction", "value", $"must lie in (0, 1), got {TrainFraction}");
    }
}
