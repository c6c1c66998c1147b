using DeepRom.Training;

namespace DeepRom.Tests.Training;

/// <summary>Best weights and early stopping, driven by the validation loss.</summary>
public class ValidationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deeprom-validation-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static TrainerConfig Config(int epochs) => TrainerTests.Config(epochs) with { MonitorEvery = 1 };

    /// <summary>A validation loss that falls until epoch 2 (zero-based) and rises after it, whatever the weights do.</summary>
    private static double WorseAfterEpoch2(int epoch) => Math.Abs(epoch - 2) + 1.0;

    [Fact]
    public void Keep_best_ends_with_the_weights_of_the_lowest_validation_loss()
    {
        using var model = new TinyRegression();
        var seen = new Dictionary<int, float[]>();
        var state = new Trainer(Config(6) with { KeepBest = true }, model)
        {
            Validation = epoch => { seen[epoch] = model.Weights(); return WorseAfterEpoch2(epoch); },
        }.Run(resume: false);

        Assert.Equal(6, state.EpochsDone);
        Assert.Equal(2, state.BestEpoch);
        Assert.Equal(1.0, state.BestValidationLoss);
        Assert.True(state.RestoredBest);
        Assert.Null(state.EarlyStop);
        Assert.Equal(seen[2], model.Weights());
        Assert.NotEqual(seen[5], model.Weights());
        Assert.Equal([3.0, 2.0, 1.0, 2.0, 3.0, 4.0], state.History.Select(h => h.Parts[Trainer.ValidationLoss]));
    }

    [Fact]
    public void Without_keep_best_the_last_weights_stay_and_the_best_epoch_is_still_recorded()
    {
        using var model = new TinyRegression();
        float[]? last = null;
        var state = new Trainer(Config(5), model) { Validation = epoch => { last = model.Weights(); return WorseAfterEpoch2(epoch); } }.Run(resume: false);
        Assert.Equal(2, state.BestEpoch);
        Assert.False(state.RestoredBest);
        Assert.Equal(last, model.Weights());
    }

    [Fact]
    public void Patience_stops_after_that_many_validations_without_improvement()
    {
        using var model = new TinyRegression();
        var messages = new List<string>();
        var state = new Trainer(Config(20) with { Patience = 2, KeepBest = true }, model, log: messages.Add)
        {
            Validation = WorseAfterEpoch2,
        }.Run(resume: false);

        Assert.Equal(5, state.EpochsDone); // best after epoch 3 (one-based), no better after 4 and 5
        Assert.Equal(EarlyStop.Patience, state.EarlyStop);
        Assert.Equal(2, state.BestEpoch);
        Assert.Contains(messages, m => m.Contains("stopped early") && m.Contains("epoch 5"));
        Assert.Contains(state.Events, m => m.Contains("stopped early"));
    }

    [Fact]
    public void A_validation_loss_at_the_floor_stops_training()
    {
        using var model = new TinyRegression();
        var state = new Trainer(Config(20) with { StopBelow = 0.25 }, model) { Validation = epoch => 1.0 / (epoch + 1) }.Run(resume: false);
        Assert.Equal(4, state.EpochsDone);
        Assert.Equal(EarlyStop.Floor, state.EarlyStop);
    }

    [Fact]
    public void Validation_runs_every_monitor_interval_and_after_the_last_epoch()
    {
        using var model = new TinyRegression();
        var epochs = new List<int>();
        new Trainer(TrainerTests.Config(7) with { MonitorEvery = 3 }, model) { Validation = e => { epochs.Add(e); return 1.0; } }.Run(resume: false);
        Assert.Equal([2, 5, 6], epochs);
    }

    [Fact]
    public void Best_weights_and_early_stopping_need_a_validation()
    {
        using var model = new TinyRegression();
        Assert.Throws<ArgumentException>(() => new Trainer(Config(2) with { Patience = 3 }, model).Run(resume: false));
    }

    [Fact]
    public void A_resumed_run_keeps_its_best_weights_and_patience_and_stops_where_an_uninterrupted_one_does()
    {
        // A real validation loss (held-out error), made to worsen from epoch 3 on so that patience runs out.
        static Func<int, double> Validation(TinyRegression model) => epoch => model.ValidationMse() + 0.5 * Math.Max(0, epoch - 2);
        var config = Config(12) with { KeepBest = true, Patience = 3 };

        using var straight = new TinyRegression();
        var full = new Trainer(config, straight) { Validation = Validation(straight) }.Run(resume: false);
        Assert.Equal(EarlyStop.Patience, full.EarlyStop);
        Assert.True(full.EpochsDone < 12);

        // Interrupted after epoch 5 (one-based): the best epoch lies before it and patience has begun to run down.
        var checkpoint = new Checkpoint(Path.Combine(folder, "checkpoint"));
        using (var first = new TinyRegression())
        {
            var part = new Trainer(config with { Epochs = 5 }, first, checkpoint) { Validation = Validation(first) }.Run(resume: false);
            Assert.True(part.BestEpoch < 4 && part.ValidationsSinceBest > 0, $"best epoch {part.BestEpoch}, {part.ValidationsSinceBest} since");
        }
        using var second = new TinyRegression(seed: 99); // different initial weights: all must come from the checkpoint
        var resumed = new Trainer(config, second, checkpoint) { Validation = Validation(second) }.Run(resume: true);

        Assert.Equal(full.EpochsDone, resumed.EpochsDone);
        Assert.Equal(full.BestEpoch, resumed.BestEpoch);
        Assert.Equal(full.BestValidationLoss, resumed.BestValidationLoss);
        Assert.Equal(full.EarlyStop, resumed.EarlyStop);
        Assert.Equal(full.History.Select(h => h.Parts[Trainer.ValidationLoss]), resumed.History.Select(h => h.Parts[Trainer.ValidationLoss]));
        Assert.True(resumed.RestoredBest);
        Assert.Equal(straight.Weights(), second.Weights());

        // A run that stopped early is finished: resuming it trains no further and ends with the same best weights.
        using var third = new TinyRegression(seed: 7);
        var again = new Trainer(config, third, checkpoint) { Validation = Validation(third) }.Run(resume: true);
        Assert.Equal(full.EpochsDone, again.EpochsDone);
        Assert.Equal(straight.Weights(), third.Weights());
    }
}
