using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Training;

/// <summary>
/// The training loop shared by every model: the configured optimiser over shuffled minibatches, learning-rate steps,
/// validation with best weights and early stopping, periodic atomic checkpoints, exact resumption, and guards that
/// roll back an epoch with a non-finite loss or a <see cref="NativeScalarFault"/>. The objective's own schedules stay
/// with the model (<see cref="ITrainable"/>).
/// </summary>
/// <remarks>
/// Randomness is re-seeded from (seed, epoch) at the start of every epoch, so a run resumed from a checkpoint draws
/// the same minibatches and noise as an uninterrupted one would.
/// </remarks>
public sealed class Trainer(TrainerConfig config, ITrainable model, Checkpoint? checkpoint = null,
    IProgress<TrainingProgress>? progress = null, Action<string>? log = null)
{
    /// <summary>Name of the validation loss in the epoch records.</summary>
    public const string ValidationLoss = "val_loss";

    /// <summary>
    /// Called (with the module in eval mode) every <see cref="TrainerConfig.MonitorEvery"/> epochs and after the last;
    /// what it returns joins that epoch's record, e.g. a validation metric.
    /// </summary>
    public Func<int, IReadOnlyDictionary<string, double>>? Monitor { get; init; }

    /// <summary>
    /// The validation loss (lower is better), called with the module in eval mode on the monitor's epochs; it drives
    /// <see cref="TrainerConfig.KeepBest"/>, <see cref="TrainerConfig.Patience"/> and <see cref="TrainerConfig.StopBelow"/>
    /// and is recorded as <see cref="ValidationLoss"/>.
    /// </summary>
    public Func<int, double>? Validation { get; init; }

    /// <summary>Trains from scratch, or from the checkpoint when <paramref name="resume"/>; returns the final state.</summary>
    public TrainingState Run(bool resume, CancellationToken ct = default)
    {
        config.Validate();
        if (config.NeedsValidation && Validation is null)
            throw new ArgumentException("best weights and early stopping need a validation loss");
        if (config.Threads > 0) torch.set_num_threads(config.Threads);
        nn.Module module = model.Module;
        OptimizerHelper optimizer = NewOptimizer(module, config.LearningRate.At(0));
        var state = new TrainingState();
        WeightSnapshot? best = null;
        if (resume)
        {
            if (checkpoint is null || !checkpoint.Exists) throw new InputException(checkpoint?.Folder ?? "--resume", "checkpoint", "nothing to resume from");
            state = checkpoint.Load(module, optimizer);
            model.RestoreSchedule(state.Schedule);
            if (config.KeepBest) best = checkpoint.LoadBest(module);
            log?.Invoke($"resumed after epoch {state.EpochsDone} of {config.Epochs}");
        }
        var clock = Stopwatch.StartNew();
        double secondsBefore = state.Seconds;
        var lastCheckpoint = Stopwatch.StartNew();
        module.train();

        for (int epoch = state.EpochsDone; epoch < config.Epochs && state.EarlyStop is null; epoch++)
        {
            using WeightSnapshot good = WeightSnapshot.Take(module);
            var scheduleBefore = new Dictionary<string, double>(model.Schedule);
            double lr = config.LearningRate.At(epoch) * state.LearningRateFactor;
            SetLearningRate(optimizer, lr);
            Dictionary<string, double>? means = null;
            bool scalarFault = false;
            try
            {
                means = RunEpoch(epoch, optimizer);
            }
            catch (Exception e) when (NativeScalarFault.Matches(e) && state.Recoveries < config.MaxRecoveries)
            {
                scalarFault = true;
            }
            if (means is null)
            {
                // Either way only this epoch is lost: restore its start and redo it with a fresh optimiser. A non-finite loss
                // also halves the learning rate; a scalar freed under libtorch is a fault of the bindings, not of the model, so
                // the rate stays (its optimiser restarts because the moments may be half-updated; the run is then no longer
                // bit-identical to an unfaulted one).
                good.RestoreInto(module);
                model.RestoreSchedule(scheduleBefore);
                state.Recoveries++;
                double redoLr = scalarFault ? lr : lr * 0.5;
                if (!scalarFault) state.LearningRateFactor *= 0.5;
                string message = scalarFault
                    ? $"epoch {epoch + 1}: libtorch read a scalar freed by the garbage collector (a TorchSharp fault); rolled back to the start of the epoch and restarted the optimiser"
                    : $"epoch {epoch + 1}: non-finite loss; rolled back to the start of the epoch and halved the learning rate to {redoLr:g3}";
                state.Events.Add(message);
                log?.Invoke(message);
                if (!scalarFault && state.Recoveries > config.MaxRecoveries)
                    throw new TrainingDivergedException($"training diverged: non-finite loss {state.Recoveries} times (last in epoch {epoch + 1}); try a lower learning rate");
                optimizer.Dispose();
                optimizer = NewOptimizer(module, redoLr);
                epoch--;
                continue;
            }
            bool last = epoch + 1 == config.Epochs;
            if ((Monitor is not null || Validation is not null) && (last || (epoch + 1) % Math.Max(1, config.MonitorEvery) == 0))
            {
                module.eval();
                if (Monitor is not null) foreach (var (name, value) in Monitor(epoch)) means[name] = value;
                if (Validation is not null)
                {
                    double loss = Validation(epoch);
                    means[ValidationLoss] = loss;
                    Judge(epoch, loss, state, module, ref best);
                }
                module.train();
            }
            state.EpochsDone = epoch + 1;
            state.Seconds = secondsBefore + clock.Elapsed.TotalSeconds;
            if (config.MaxSeconds is { } budget && state.Seconds >= budget && !last && state.EarlyStop is null)
            {
                state.EarlyStop = EarlyStop.TimeBudget;
                string message = $"epoch {epoch + 1}: stopped, the time budget of {budget:g4} s is spent";
                state.Events.Add(message);
                log?.Invoke(message);
            }
            state.Schedule = new Dictionary<string, double>(model.Schedule);
            state.History.Add(new EpochRecord(epoch, means, state.Schedule, lr, state.Seconds));
            progress?.Report(new TrainingProgress(epoch + 1, config.Epochs, means, state.Schedule, lr, TimeSpan.FromSeconds(state.Seconds)));
            if (checkpoint is not null && (last || state.EarlyStop is not null || ct.IsCancellationRequested
                                           || lastCheckpoint.Elapsed.TotalMinutes >= config.CheckpointMinutes))
            {
                checkpoint.Save(module, optimizer, state, best);
                lastCheckpoint.Restart();
            }
            ct.ThrowIfCancellationRequested();
        }
        optimizer.Dispose();
        if (best is not null)
        {
            best.RestoreInto(module);
            state.RestoredBest = true;
            best.Dispose();
        }
        module.eval();
        return state;
    }

    /// <summary>Records a validation loss: a new lowest one becomes the best, otherwise patience runs down.</summary>
    private void Judge(int epoch, double loss, TrainingState state, nn.Module module, ref WeightSnapshot? best)
    {
        // A non-finite validation loss never counts as an improvement.
        if (double.IsFinite(loss) && (state.BestValidationLoss is not { } lowest || loss < lowest))
        {
            state.BestEpoch = epoch;
            state.BestValidationLoss = loss;
            state.ValidationsSinceBest = 0;
            if (config.KeepBest)
            {
                best?.Dispose();
                best = WeightSnapshot.Take(module);
            }
        }
        else state.ValidationsSinceBest++;

        if (epoch + 1 == config.Epochs) return; // the last epoch ends training anyway: not an early stop
        string why;
        if (config.StopBelow is { } floor && loss <= floor)
        {
            state.EarlyStop = EarlyStop.Floor;
            why = $"validation loss {loss:g4} reached the floor {floor:g4}";
        }
        else if (config.Patience is { } patience && state.ValidationsSinceBest >= patience)
        {
            state.EarlyStop = EarlyStop.Patience;
            why = $"no lower validation loss in {patience} validations (best {state.BestValidationLoss:g4} after epoch {state.BestEpoch + 1})";
        }
        else return;
        string message = $"epoch {epoch + 1}: stopped early, {why}";
        state.Events.Add(message);
        log?.Invoke(message);
    }

    /// <summary>The name under which an epoch record holds the mean gradient norm before clipping (when clipping is on).</summary>
    public const string GradientNormPart = "grad_norm";

    /// <summary>One pass over the data; the epoch's mean loss parts, or null when a loss was not finite.</summary>
    private Dictionary<string, double>? RunEpoch(int epoch, OptimizerHelper optimizer)
    {
        torch.manual_seed(unchecked(config.Seed * 1_000_003L + epoch));
        int n = model.SampleCount;
        // System.Random with an explicit seed is stable across processes (HashCode.Combine is not).
        int[] order = Permutation(n, new Random(unchecked(config.Seed * 7919 + epoch * 104729 + 17)));
        model.BeginEpoch(epoch);
        var sums = new Dictionary<string, double>();
        int batches = 0;
        for (int start = 0; start < n; start += config.BatchSize)
        {
            using var scope = NewDisposeScope();
            int size = Math.Min(config.BatchSize, n - start);
            long[] rows = new long[size];
            for (int k = 0; k < size; k++) rows[k] = order[start + k];
            using var indices = tensor(rows);
            using StepLoss loss = model.Loss(indices);
            double total = loss.Total.item<float>();
            if (!double.IsFinite(total)) return null;
            optimizer.zero_grad();
            loss.Total.backward();
            if (config.GradientClipNorm is { } clip)
            {
                double norm = nn.utils.clip_grad_norm_(model.Module.parameters(), clip);
                sums[GradientNormPart] = sums.GetValueOrDefault(GradientNormPart) + norm;
            }
            optimizer.step();
            model.AfterStep(loss);
            foreach (var (name, value) in loss.Parts)
                if (double.IsFinite(value)) sums[name] = sums.GetValueOrDefault(name) + value;
            sums["loss"] = sums.GetValueOrDefault("loss") + total;
            batches++;
        }
        return sums.ToDictionary(kv => kv.Key, kv => kv.Value / batches);
    }

    private OptimizerHelper NewOptimizer(nn.Module module, double lr) => config.Optimiser switch
    {
        Optimiser.Adam => new Optimisers.Adam(module.parameters(), lr, config.WeightDecay),
        Optimiser.AdamW => new Optimisers.AdamW(module.parameters(), lr, config.WeightDecay),
        Optimiser.Adamax => new Optimisers.Adamax(module.parameters(), lr, config.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Optimiser, "unknown optimiser"),
    };

    private static void SetLearningRate(OptimizerHelper optimizer, double lr)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }

    private static int[] Permutation(int n, Random random)
    {
        int[] order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        return order;
    }
}
