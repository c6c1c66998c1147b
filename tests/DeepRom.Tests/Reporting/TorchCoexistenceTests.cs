using DeepRom.Reporting;
using TorchSharp;

namespace DeepRom.Tests.Reporting;

public class TorchCoexistenceTests
{
    [Fact]
    public void Plot_renders_after_libtorch_is_loaded_in_the_same_process()
    {
        using var ones = torch.ones(1);
        Assert.Equal(1f, ones.item<float>());
        var epochs = PlotSamples.Epochs(10);
        DecodedPng.AssertPlot(TrainingCurves.Beta(epochs, epochs, new PlotSize(200, 150)), 200, 150);
    }
}
