using System.Diagnostics;
using DeepRom.Models.Hits;
using DeepRom.Physics.Ode;
using DeepRom.Physics.Ode.Systems;
using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Bench;

/// <summary>
/// Wall time of training the whole HiTS hierarchy (levels 0-10, [2, 128, 128, 128, 2], batch 320, 5-step rollout) on the
/// hyperbolic data: every level together as one batched ensemble against level by level (eleven one-level ensembles, the
/// same arithmetic as eleven separate networks), each for the same number of minibatches, with one and with two libtorch
/// threads. Validation is left out; both ways validate the same.
/// </summary>
public static class HitsTrainBench
{
    public static string Run(int iterations)
    {
        var sets = OdeDataGenerator.Generate(new OdeDataConfig(OdeSystemKind.Hyperbolic, Validation: 32, Test: 1));
        using var train = tensor(sets.Train.States, dtype: float64).view(sets.Train.Count, sets.Train.Steps, 2);
        using var validation = tensor(sets.Validation.States, dtype: float64).view(sets.Validation.Count, sets.Validation.Steps, 2);
        var scaling = StateScaling.Of(sets.Train.States, 2);
        var lines = new List<string> { $"hyperbolic, {sets.Train.Count} training trajectories, levels 0-10, batch 320, {iterations} minibatches each" };
        foreach (int threads in new[] { 1, 2 })
        {
            torch.set_num_threads(threads);
            double together = Time(new LevelRange(0, 10), iterations, train, validation, scaling);
            double separate = LevelRange.Reference.Levels.Sum(k => Time(new LevelRange(k, k), iterations, train, validation, scaling));
            lines.Add($"{threads} thread(s): all levels together {1000 * together / iterations:F1} ms per minibatch; level by level {1000 * separate / iterations:F1} ms " +
                      $"(sum of 11); together is {separate / together:F2} times faster");
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static double Time(LevelRange levels, int iterations, Tensor train, Tensor validation, StateScaling scaling)
    {
        manual_seed(1);
        using var ensemble = new StepperEnsemble(new StepperEnsembleConfig(2, levels), scaling, StepperEnsemble.IncrementScales(train, scaling, levels));
        using var objective = new HierarchyObjective(ensemble, train, validation, 5, WindowSampling.All, 320, iterations);
        var config = new TrainerConfig { Epochs = 1, BatchSize = 320, LearningRate = LearningRateSteps.Constant(1e-3) };
        // One short run first so that the timed one does not include first-call costs.
        new Trainer(config with { Epochs = 1 }, new Prefix(objective, 320 * 3)).Run(resume: false);
        var clock = Stopwatch.StartNew();
        new Trainer(config, objective).Run(resume: false);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The objective with fewer samples per epoch, for a warm-up of a few minibatches.</summary>
    private sealed class Prefix(ITrainable inner, int samples) : ITrainable
    {
        public nn.Module Module => inner.Module;
        public int SampleCount => samples;
        public StepLoss Loss(Tensor indices) => inner.Loss(indices);
    }
}
