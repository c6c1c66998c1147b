using DeepRom.Training;

namespace DeepRom.Tests.Training;

public class TrainerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deeprom-trainer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    internal static TrainerConfig Config(int epochs) => new()
    {
        Epochs = epochs,
        BatchSize = 8,
        LearningRate = new LearningRateSteps([0, 4], [1e-2, 3e-3]),
        Seed = 5,
        CheckpointMinutes = 0,
    };

    [Fact]
    public void Same_seed_gives_identical_weights()
    {
        using var a = new TinyRegression();
        using var b = new TinyRegression();
        new Trainer(Config(3), a).Run(resume: false);
        new Trainer(Config(3), b).Run(resume: false);
        Assert.Equal(a.Weights(), b.Weights());
    }

    [Fact]
    public void Resumed_run_matches_an_uninterrupted_one_exactly()
    {
        using var straight = new TinyRegression();
        var full = new Trainer(Config(6), straight).Run(resume: false);

        var checkpoint = new Checkpoint(Path.Combine(folder, "checkpoint"));
        using (var first = new TinyRegression())
            new Trainer(Config(3), first, checkpoint).Run(resume: false);
        using var second = new TinyRegression(seed: 99); // different initial weights: all must come from the checkpoint
        var resumed = new Trainer(Config(6), second, checkpoint).Run(resume: true);

        Assert.Equal(6, resumed.EpochsDone);
        Assert.Equal(full.History.Select(h => h.Parts["mse"]), resumed.History.Select(h => h.Parts["mse"]));
        Assert.Equal(full.Schedule["level"], resumed.Schedule["level"]);
        Assert.Equal(full.History.Select(h => h.Schedule["level"]), resumed.History.Select(h => h.Schedule["level"]));
        Assert.Equal(straight.Weights(), second.Weights());
    }

    [Fact]
    public void A_checkpoint_from_before_objectives_owned_their_schedules_resumes_with_its_beta()
    {
        var checkpoint = new Checkpoint(Path.Combine(folder, "checkpoint"));
        double beta;
        using (var first = new TinyRegression { ScheduleName = "beta" })
            beta = new Trainer(Config(2), first, checkpoint).Run(resume: false).Schedule["beta"];
        // The earlier layout: the loop's own "Beta" in the state and in every epoch record.
        string path = Path.Combine(checkpoint.Folder, "state.json");
        var state = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var o in new[] { state }.Concat(state["History"]!.AsArray().Select(r => r!.AsObject())))
        {
            o["Beta"] = o["Schedule"]!["beta"]!.GetValue<double>();
            o.Remove("Schedule");
        }
        File.WriteAllText(path, state.ToJsonString());

        using var again = new TinyRegression { ScheduleName = "beta" };
        var resumed = new Trainer(Config(3), again, checkpoint).Run(resume: true);
        Assert.Equal((2, beta), again.EpochStarts[0]);
        Assert.Equal(3, resumed.History.Count);
        Assert.All(resumed.History, h => Assert.True(h.Schedule.ContainsKey("beta")));
    }

    [Fact]
    public void A_rolled_back_epoch_starts_again_from_the_same_schedule()
    {
        // The third minibatch of epoch 3: two steps of that epoch have moved the schedule before the rollback.
        using var model = new TinyRegression { PoisonWhen = (epoch, call) => epoch == 2 && call == 13 };
        new Trainer(Config(4), model).Run(resume: false);
        var starts = model.EpochStarts.Where(s => s.Epoch == 2).ToArray();
        Assert.Equal(2, starts.Length);
        Assert.Equal(starts[0].Level, starts[1].Level);
    }

    [Fact]
    public void Non_finite_loss_rolls_back_halves_the_learning_rate_and_says_so()
    {
        using var model = new TinyRegression { PoisonWhen = (epoch, call) => epoch == 2 && call == 11 /* first minibatch of epoch 3 */ };
        var messages = new List<string>();
        var state = new Trainer(Config(4), model, log: messages.Add).Run(resume: false);
        Assert.Equal(4, state.EpochsDone);
        Assert.Equal(1, state.Recoveries);
        Assert.Equal(0.5, state.LearningRateFactor);
        Assert.Contains(messages, m => m.Contains("non-finite") && m.Contains("epoch 3"));
        Assert.All(model.Weights(), w => Assert.True(float.IsFinite(w)));
    }

    [Fact]
    public void A_freed_scalar_fault_redoes_the_epoch_at_the_same_learning_rate_and_says_so()
    {
        using var model = new TinyRegression { FaultWhen = (epoch, call) => epoch == 1 && call == 8 /* third minibatch of epoch 2 */ };
        var messages = new List<string>();

        var state = new Trainer(Config(4), model, log: messages.Add).Run(resume: false);

        Assert.Equal(4, state.EpochsDone);
        Assert.Equal(1, state.Recoveries);
        Assert.Equal(1.0, state.LearningRateFactor);
        Assert.Contains(messages, m => m.Contains("freed") && m.Contains("epoch 2"));
        var starts = model.EpochStarts.Where(s => s.Epoch == 1).ToArray();
        Assert.Equal(2, starts.Length);
        Assert.Equal(starts[0].Level, starts[1].Level);
        Assert.All(model.Weights(), w => Assert.True(float.IsFinite(w)));
    }

    [Fact]
    public void A_fault_that_keeps_coming_back_is_not_hidden()
    {
        using var model = new TinyRegression { FaultWhen = (epoch, _) => epoch >= 1 };

        var e = Assert.Throws<System.Runtime.InteropServices.ExternalException>(() => new Trainer(Config(4) with { MaxRecoveries = 2 }, model).Run(resume: false));

        Assert.Contains("Scalar.h", e.Message);
    }

    [Fact]
    public void Other_native_errors_are_not_taken_for_the_scalar_fault()
    {
        Assert.False(NativeScalarFault.Matches(new System.Runtime.InteropServices.ExternalException("shape '[2, 3]' is invalid for input of size 7")));
        Assert.False(NativeScalarFault.Matches(new InvalidOperationException("c10/core/Scalar.h")));
        Assert.True(NativeScalarFault.Matches(new System.Runtime.InteropServices.ExternalException("Unknown scalar type")));
    }

    [Fact]
    public void Persistent_non_finite_loss_stops_with_a_clear_error()
    {
        using var model = new TinyRegression { PoisonWhen = (epoch, _) => epoch >= 1 };
        var e = Assert.Throws<TrainingDivergedException>(() => new Trainer(Config(4) with { MaxRecoveries = 2 }, model).Run(resume: false));
        Assert.Contains("diverged", e.Message);
    }

    [Fact]
    public void Resume_without_checkpoint_is_bad_input()
    {
        using var model = new TinyRegression();
        var e = Assert.Throws<InputException>(() => new Trainer(Config(2), model, new Checkpoint(Path.Combine(folder, "none"))).Run(resume: true));
        Assert.Contains("nothing to resume", e.Message);
    }

    [Fact]
    public void Corrupt_checkpoint_weights_are_bad_input_naming_the_file()
    {
        var checkpoint = new Checkpoint(Path.Combine(folder, "checkpoint"));
        using (var model = new TinyRegression()) new Trainer(Config(1), model, checkpoint).Run(resume: false);
        string weights = Path.Combine(checkpoint.Folder, "model.bin");
        File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..20]);
        using var again = new TinyRegression();
        var e = Assert.Throws<InputException>(() => new Trainer(Config(2), again, checkpoint).Run(resume: true));
        Assert.Contains("model.bin", e.Message);
    }

    [Fact]
    public void A_kill_during_the_checkpoint_swap_leaves_the_previous_checkpoint_usable()
    {
        var checkpoint = new Checkpoint(Path.Combine(folder, "checkpoint"));
        using (var model = new TinyRegression()) new Trainer(Config(2), model, checkpoint).Run(resume: false);
        Directory.Move(checkpoint.Folder, checkpoint.Folder + ".previous"); // the moment between the two renames
        Assert.True(checkpoint.Exists);
        using var again = new TinyRegression();
        var state = new Trainer(Config(3), again, checkpoint).Run(resume: true);
        Assert.Equal(3, state.EpochsDone);
    }
}
