using DeepRom.Models.Sequence;
using DeepRom.Training;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models.Sequence;

/// <summary>The recurrent baselines learn a sine wave's next step within a few dozen Adam steps.</summary>
public class TeacherForcingTests
{
    private static Tensor Sine()
    {
        using var t = arange(400, dtype: float64) * 0.1;
        return stack([t.sin(), t.cos()], 1).to_type(float32);
    }

    private static (double First, double Last) Train(ITeacherForcedNetwork network)
    {
        using var sequence = Sine();
        using var objective = new NextStepObjective(network, sequence, window: 16);
        var config = new TrainerConfig { Epochs = 8, BatchSize = 4, LearningRate = LearningRateSteps.Constant(1e-2), Seed = 1, Threads = 1, GradientClipNorm = 1.0 };
        var state = new Trainer(config, objective).Run(resume: false);
        return (state.History[0].Parts["loss"], state.History[^1].Parts["loss"]);
    }

    [Fact]
    public void The_lstm_one_step_loss_falls_on_a_sine_wave()
    {
        manual_seed(11);
        using var lstm = new LstmNetwork(new LstmConfig(2, Hidden: 16));
        var (first, last) = Train(lstm);
        Assert.True(last < 0.3 * first, $"loss {first} -> {last}");
    }

    [Fact]
    public void The_clockwork_rnn_one_step_loss_falls_on_a_sine_wave()
    {
        manual_seed(12);
        using var rnn = new ClockworkRnn(new ClockworkRnnConfig(2, Hidden: 20, Modules: 3));
        var (first, last) = Train(rnn);
        Assert.True(last < 0.3 * first, $"loss {first} -> {last}");
    }

    [Fact]
    public void Windows_tile_the_sequence_and_the_budget_stops_training()
    {
        manual_seed(13);
        using var lstm = new LstmNetwork(new LstmConfig(2, Hidden: 8));
        using var sequence = Sine();
        using var objective = new NextStepObjective(lstm, sequence, window: 16);
        Assert.Equal((400 - 1 - 16) / 16 + 1, objective.SampleCount);
        var config = new TrainerConfig { Epochs = 1_000_000, BatchSize = 4, Seed = 1, Threads = 1, MaxSeconds = 0.5 };
        var state = new Trainer(config, objective).Run(resume: false);
        Assert.Equal(EarlyStop.TimeBudget, state.EarlyStop);
        Assert.InRange(state.Seconds, 0.5, 30);
    }
}
