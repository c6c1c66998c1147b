using DeepRom.Models.Hits;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Tests.Models.Hits;

public class StepperEnsembleTests
{
    private static readonly StateScaling Unit = new([0.0, 0.0], [1.0, 1.0]);

    [Fact]
    public void A_step_of_every_level_keeps_the_shape_and_one_level_steps_alone()
    {
        torch.manual_seed(1);
        using var ensemble = new StepperEnsemble(new StepperEnsembleConfig(2, new LevelRange(2, 5), Width: 16, Depth: 3), Unit);
        using var z = randn(4, 7, 2);

        using var all = ensemble.forward(z);
        using var one = ensemble.StepLevel(3, z[1]);

        Assert.Equal(new long[] { 4, 7, 2 }, all.shape);
        Assert.Equal(new long[] { 7, 2 }, one.shape);
        Assert.True(allclose(one, all[1], rtol: 1e-5, atol: 1e-6));
        Assert.Equal(4 * ((2 + 1) * 16 + 2 * (16 + 1) * 16 + (16 + 1) * 2), ensemble.parameters().Sum(p => p.numel()));
    }
}
