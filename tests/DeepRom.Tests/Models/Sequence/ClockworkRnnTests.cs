using DeepRom.Models.Sequence;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models.Sequence;

public class ClockworkRnnTests
{
    private static readonly ClockworkRnnConfig Small = new(2, Hidden: 15, Modules: 3, PeriodBase: 4);

    [Fact]
    public void Units_split_into_modules_in_order_with_periods_that_are_powers_of_the_base()
    {
        var config = new ClockworkRnnConfig(4, Hidden: 1570);
        Assert.Equal([314, 314, 314, 314, 314], Enumerable.Range(0, 1570).GroupBy(config.ModuleOf).Select(g => g.Count()));
        Assert.Equal([1, 4, 16, 64, 256], Enumerable.Range(0, 5).Select(config.PeriodOf));
        var uneven = new ClockworkRnnConfig(1, Hidden: 7, Modules: 3);
        Assert.Equal([0, 0, 0, 1, 1, 2, 2], Enumerable.Range(0, 7).Select(uneven.ModuleOf));
    }

    [Fact]
    public void A_module_keeps_its_state_at_steps_its_period_does_not_divide()
    {
        manual_seed(1);
        using var rnn = new ClockworkRnn(Small);
        using var w = rnn.RecurrentWeights.t();
        using var noGrad = no_grad();
        Tensor h = randn(1, 15);
        for (long t = 1; t <= 40; t++)
        {
            using var drive = rnn.Drive(randn(1, 2));
            Tensor next = rnn.Step(h, drive, tensor(new[] { t }), w);
            for (int unit = 0; unit < 15; unit++)
            {
                bool due = t % Small.PeriodOf(Small.ModuleOf(unit)) == 0;
                bool same = next[0, unit].item<float>() == h[0, unit].item<float>();
                Assert.True(due != same, $"unit {unit} at step {t}: due {due}, unchanged {same}");
            }
            h = next;
        }
    }

    [Fact]
    public void No_faster_module_feeds_a_slower_one()
    {
        manual_seed(2);
        using var rnn = new ClockworkRnn(Small);
        using var weights = rnn.RecurrentWeights;
        for (int i = 0; i < 15; i++)
        for (int j = 0; j < 15; j++)
        {
            bool fastToSlow = Small.ModuleOf(j) < Small.ModuleOf(i);
            Assert.True(fastToSlow == (weights[i, j].item<float>() == 0), $"weight from unit {j} to unit {i}");
        }
        // And in use: perturbing the fastest module's state leaves every slower module's update unchanged.
        using var noGrad = no_grad();
        using var h = randn(1, 15);
        using var perturbed = h.clone();
        perturbed.narrow(1, 0, 5).add_(1.0);
        using var drive = rnn.Drive(randn(1, 2));
        using var w = weights.t();
        using var time = tensor(new[] { 16L });
        using var a = rnn.Step(h, drive, time, w);
        using var b = rnn.Step(perturbed, drive, time, w);
        Assert.True((a.narrow(1, 5, 10) - b.narrow(1, 5, 10)).abs().max().item<float>() == 0);
        Assert.True((a.narrow(1, 0, 5) - b.narrow(1, 0, 5)).abs().max().item<float>() > 0);
    }

    [Fact]
    public void Generation_continues_the_clock_after_the_context()
    {
        manual_seed(3);
        using var rnn = new ClockworkRnn(Small);
        using var context = randn(6, 2);
        using var generated = rnn.Generate(context, 4);
        using var noGrad = no_grad();
        // Teacher forcing on the context followed by the first two outputs must reproduce the first generated steps.
        using var inputs = cat([context, generated.narrow(0, 0, 2)], 0).unsqueeze(0);
        using var predicted = rnn.PredictNext(inputs, tensor(new[] { 0L }));
        Assert.True((predicted[0].narrow(0, 5, 3) - generated.narrow(0, 0, 3)).abs().max().item<float>() < 1e-5);
    }
}
