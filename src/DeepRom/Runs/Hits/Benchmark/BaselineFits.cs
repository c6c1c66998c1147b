using DeepRom.Models.Sequence;
using DeepRom.Training;
using static TorchSharp.torch;

namespace DeepRom.Runs.Hits.Benchmark;

/// <summary>Trains the sequence baselines on the scaled training part within their time budgets.</summary>
/// <remarks>
/// The LSTM and the clockwork RNN go through the project's <see cref="Trainer"/> (Adam, non-finite-loss rollback, the wall-clock
/// budget): teacher forcing on windows makes one sequence a set of samples like any other (<see cref="NextStepObjective"/>).
/// The ESN has nothing to iterate: its readout is one linear least-squares solve.
/// </remarks>
public static class BaselineFits
{
    public static FittedSequenceModel Lstm(Tensor train, SequenceBenchmarkConfig config, double seconds, Action<string>? log, CancellationToken ct)
    {
        var network = new LstmNetwork(new LstmConfig((int)train.shape[1], config.LstmHidden));
        return TeacherForced(network, train, config.LstmTraining, config, seconds, log, ct,
            $"LSTM, {config.LstmHidden} units, linear readout");
    }

    public static FittedSequenceModel ClockworkRnn(Tensor train, SequenceBenchmarkConfig config, double seconds, Action<string>? log, CancellationToken ct)
    {
        var rnnConfig = new ClockworkRnnConfig((int)train.shape[1], config.CwrnnHidden, config.CwrnnModules);
        var network = new ClockworkRnn(rnnConfig);
        string periods = string.Join(", ", Enumerable.Range(0, rnnConfig.Modules).Select(rnnConfig.PeriodOf));
        return TeacherForced(network, train, config.CwrnnTraining, config, seconds, log, ct,
            $"clockwork RNN, {config.CwrnnHidden} units in {config.CwrnnModules} modules, periods {periods}");
    }

    public static FittedSequenceModel EchoState(Tensor train, SequenceBenchmarkConfig config)
    {
        var esnConfig = new EchoStateConfig((int)train.shape[1], config.EsnUnits, config.EsnSpectralRadius, config.EsnConnectivity,
            config.EsnInputScaling, config.EsnWashout, config.EsnRidge);
        var esn = new EchoStateNetwork(esnConfig);
        double mse = esn.Fit(train);
        string readout = config.EsnRidge == 0 ? "pseudo-inverse readout" : $"ridge readout (lambda {config.EsnRidge:g3})";
        return new FittedSequenceModel(esn.Generate, 1, 0, mse,
            $"echo-state network, {config.EsnUnits} units, spectral radius {config.EsnSpectralRadius:g3}, connectivity {config.EsnConnectivity:g3}, " +
            $"input scaling {config.EsnInputScaling:g3}, washout {config.EsnWashout}, {readout}", esn);
    }

    /// <summary>The smallest training part the ESN accepts: one sample after the washout beyond the one it predicts.</summary>
    public static int EchoStateNeeds(SequenceBenchmarkConfig config) => config.EsnWashout + 2;

    private static FittedSequenceModel TeacherForced(ITeacherForcedNetwork network, Tensor train, TeacherForcingConfig training,
        SequenceBenchmarkConfig config, double seconds, Action<string>? log, CancellationToken ct, string what)
    {
        training.Validate();
        // A training part shorter than the window trains on one window of all of it.
        int window = (int)Math.Min(training.Window, train.shape[0] - 1);
        using var objective = new NextStepObjective(network, train, window);
        var trainerConfig = new TrainerConfig
        {
            Epochs = int.MaxValue,
            BatchSize = training.BatchSize,
            LearningRate = LearningRateSteps.Constant(training.LearningRate),
            GradientClipNorm = training.GradientClipNorm,
            Seed = config.Seed,
            MaxSeconds = seconds,
            Threads = config.Threads,
        };
        TrainingState state = new Trainer(trainerConfig, objective, log: log).Run(resume: false, ct);
        long stepsPerEpoch = (objective.SampleCount + training.BatchSize - 1) / training.BatchSize;
        string clip = training.GradientClipNorm is { } g ? $", gradient norm clipped at {g:g3}" : "";
        return new FittedSequenceModel(network.Generate, state.EpochsDone, state.EpochsDone * stepsPerEpoch,
            state.History.Count > 0 ? state.History[^1].Parts["loss"] : double.NaN,
            $"{what}; teacher forcing on windows of {window} steps, {training.BatchSize} per step, Adam {training.LearningRate:g3}{clip}",
            (IDisposable)network.Module);
    }
}
