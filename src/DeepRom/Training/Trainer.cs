using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Training;

/// <summary>
/// The training loop shared by every model: Adam over shuffled minibatches, learning-rate steps, beta schedule,
/// periodic atomic checkpoints, exact resumption, and a guard that rolls back a non-finite loss.
/// </summary>
/// <remarks>
/// Randomness is re-seeded from (seed, epoch) at the start of every epoch, so a run resumed from a checkpoint draws
/// the same minibatches and noise as an uninterrupted one would.
/// </remarks>
public sealed class Trainer(TrainerConfig config, ITrainable model, Checkpoint? checkpoint = null,
    IProgress<TrainingProgress>? progress = null, Action<string>? log = null)
{
    /// <summary>
    /// Called (with the module in eval mode) every <see cref="TrainerConfig.MonitorEvery"/> epochs and after the last;
    /// what it returns joins that epoch's record, e.g. a validation metric.
    /// </summary>
    public Func<int, IReadOnlyDictionary<string, double>>? Monitor { get; init; }

    /// <summary>Trains from scratch, or from the checkpoint when <paramref name="resume"/>; returns the final state.</summary>
    public TrainingState Run(bool resume, CancellationToken ct = default)
    {
        config.Validate();
        if (config.Threads > 0) torch.set_num_threads(config.Threads);
        nn.Module module = model.Module;
        OptimizerHelper optimizer = NewOptimizer(module, config.LearningRate.At(0));
        var state = new TrainingState();
        if (resume)
        {
            if (checkpoint is null || !checkpoint.Exists) throw new InputException(checkpoint?.Folder ?? "--resume", "checkpoint", "nothing to resume from");
            state = checkpoint.Load(module, optimizer);
            log?.Invoke($"resumed after epoch {state.EpochsDone} of {config.Epochs}");
        }
        var clock = Stopwatch.StartNew();
        double secondsBefore = state.Seconds;
        var lastCheckpoint = Stopwatch.StartNew();
        module.train();

        for (int epoch = state.EpochsDone; epoch < config.Epochs; epoch++)
        {
            Dictionary<string, Tensor> good = Snapshot(module);
            double betaBefore = state.Beta;
            double lr = config.LearningRate.At(epoch) * state.LearningRateFactor;
            SetLearningRate(optimizer, lr);
            Dictionary<string, double>? means = RunEpoch(epoch, optimizer, state);
            if (means is null)
            {
                Restore(module, good);
                state.Beta = betaBefore;
                state.Recoveries++;
                state.LearningRateFactor *= 0.5;
                string message = $"epoch {epoch + 1}: non-finite loss; rolled back to the start of the epoch and halved the learning rate to {lr * 0.5:g3}";
                state.Events.Add(message);
                log?.Invoke(message);
                if (state.Recoveries > config.MaxRecoveries)
                    throw new TrainingDivergedException($"training diverged: non-finite loss {state.Recoveries} times (last in epoch {epoch + 1}); try a lower learning rate");
                optimizer.Dispose();
                optimizer = NewOptimizer(module, lr * 0.5);
                Dispose(good);
                epoch--;
                continue;
            }
            Dispose(good);
            bool last = epoch + 1 == config.Epochs;
            if (Monitor is not null && (last || (epoch + 1) % Math.Max(1, config.MonitorEvery) == 0))
            {
                module.eval();
                foreach (var (name, value) in Monitor(epoch)) means[name] = value;
                module.train();
            }
            state.EpochsDone = epoch + 1;
            state.Seconds = secondsBefore + clock.Elapsed.TotalSeconds;
            state.History.Add(new EpochRecord(epoch, means, state.Beta, lr, state.Seconds));
            progress?.Report(new TrainingProgress(epoch + 1, config.Epochs, means, state.Beta, lr, TimeSpan.FromSeconds(state.Seconds)));
            if (checkpoint is not null && (last || ct.IsCancellationRequested || lastCheckpoint.Elapsed.TotalMinutes >= config.CheckpointMinutes))
            {
                checkpoint.Save(module, optimizer, state);
                lastCheckpoint.Restart();
            }
            ct.ThrowIfCancellationRequested();
        }
        optimizer.Dispose();
        module.eval();
        return state;
    }

    /// <summary>One pass over the data; the epoch's mean loss parts, or null when a loss was not finite.</summary>
    private Dictionary<string, double>? RunEpoch(int epoch, OptimizerHelper optimizer, TrainingState state)
    {
        torch.manual_seed(unchecked(config.Seed * 1_000_003L + epoch));
        int n = model.SampleCount;
        // System.Random with an explicit seed is stable across processes (HashCode.Combine is not).
        int[] order = Permutation(n, new Random(unchecked(config.Seed * 7919 + epoch * 104729 + 17)));
        state.Beta = config.Beta.AtEpochStart(epoch, state.Beta);
        bool regularise = config.Beta.Regularises(epoch);
        var sums = new Dictionary<string, double>();
        int batches = 0;
        for (int start = 0; start < n; start += config.BatchSize)
        {
            using var scope = NewDisposeScope();
            int size = Math.Min(config.BatchSize, n - start);
            long[] rows = new long[size];
            for (int k = 0; k < size; k++) rows[k] = order[start + k];
            using var indices = tensor(rows);
            using StepLoss loss = model.Loss(indices, new TrainingPhase(epoch, state.Beta, regularise));
            double total = loss.Total.item<float>();
            if (!double.IsFinite(total)) return null;
            optimizer.zero_grad();
            loss.Total.backward();
            optimizer.step();
            state.Beta = config.Beta.AfterStep(epoch, state.Beta, loss.ScheduleSignal);
            foreach (var (name, value) in loss.Parts)
                if (double.IsFinite(value)) sums[name] = sums.GetValueOrDefault(name) + value;
            sums["loss"] = sums.GetValueOrDefault("loss") + total;
            batches++;
        }
        return sums.ToDictionary(kv => kv.Key, kv => kv.Value / batches);
    }

    private OptimizerHelper NewOptimizer(nn.Module module, double lr) =>
        torch.optim.Adam(module.parameters(), lr: lr, weight_decay: config.WeightDecay);

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

    private static Dictionary<string, Tensor> Snapshot(nn.Module module)
    {
        using var noGrad = no_grad();
        return module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
    }

    private static void Restore(nn.Module module, Dictionary<string, Tensor> saved)
    {
        using var noGrad = no_grad();
        foreach (var (name, value) in module.state_dict()) value.copy_(saved[name]);
    }

    private static void Dispose(Dictionary<string, Tensor> saved)
    {
        foreach (var t in saved.Values) t.Dispose();
    }
}
