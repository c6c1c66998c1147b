using DeepRom.Reporting;

namespace DeepRom.Tests.Reporting;

public class PlotRenderingTests
{
    private static readonly PlotSize Size = new(320, 240);

    [Fact]
    public void Losses_on_log_axis_render_at_requested_size()
    {
        var epochs = PlotSamples.Epochs(50);
        NamedSeries[] losses = [new("KL", epochs.Select(e => 10 / e).ToArray()), new("total", epochs.Select(e => 20 / e + 1).ToArray())];
        DecodedPng.AssertPlot(TrainingCurves.Losses(epochs, losses, logY: true, Size), 320, 240);
    }

    [Fact]
    public void Losses_with_a_negative_NLL_and_log_axis_still_render()
    {
        var epochs = PlotSamples.Epochs(50);
        NamedSeries[] losses = [new("NLL", epochs.Select(e => 5 - e).ToArray()), new("KL", epochs.Select(e => 10 / e).ToArray())];
        DecodedPng.AssertPlot(TrainingCurves.Losses(epochs, losses, logY: true, Size), 320, 240);
    }

    [Fact]
    public void Losses_on_linear_axis_skip_non_finite_points()
    {
        var epochs = PlotSamples.Epochs(20);
        var values = epochs.Select(e => e == 7 ? double.NaN : e == 8 ? double.PositiveInfinity : -e).ToArray();
        DecodedPng.AssertPlot(TrainingCurves.Losses(epochs, [new("NLL", values)], logY: false, Size), 320, 240);
    }

    [Fact]
    public void Losses_reject_a_series_of_the_wrong_length() =>
        Assert.Throws<ArgumentException>(() => TrainingCurves.Losses(PlotSamples.Epochs(5), [new("KL", [1.0, 2.0])]));

    [Fact]
    public void Beta_schedule_renders()
    {
        var epochs = PlotSamples.Epochs(100);
        var beta = epochs.Select(e => Math.Pow(10, -7 + 7 * e / 100)).ToArray();
        DecodedPng.AssertPlot(TrainingCurves.Beta(epochs, beta, Size), 320, 240);
    }

    [Fact]
    public void Posterior_prior_and_parameter_panels_render()
    {
        var png = LatentPlots.PosteriorPriorParameters(
            PlotSamples.Gaussian(300, 2, 1), PlotSamples.Gaussian(300, 2, 2), PlotSamples.Gaussian(300, 3, 3), new PlotSize(600, 220));
        DecodedPng.AssertPlot(png, 600, 220);
    }

    [Fact]
    public void Disentanglement_grid_renders_one_panel_per_latent_and_parameter()
    {
        var png = LatentPlots.DisentanglementGrid(PlotSamples.Gaussian(200, 3, 4), PlotSamples.Gaussian(200, 2, 5), ["K1", "K2"], new PlotSize(400, 450));
        DecodedPng.AssertPlot(png, 400, 450);
    }

    [Fact]
    public void Disentanglement_grid_rejects_mismatched_sample_counts() =>
        Assert.Throws<ArgumentException>(() => LatentPlots.DisentanglementGrid(PlotSamples.Gaussian(20, 2, 1), PlotSamples.Gaussian(21, 2, 1)));

    [Fact]
    public void Field_reconstruction_panels_render_for_each_channel()
    {
        var shape = new FieldShape(12, 16);
        var truth = new[] { PlotSamples.Field(shape, (i, j) => Math.Sin(i) + j), PlotSamples.Field(shape, (i, j) => i * j) };
        var reconstruction = truth.Select(f => f.Select(v => v * 0.9f).ToArray()).ToArray();
        var png = FieldPlots.Reconstruction(truth, reconstruction, shape, ["pressure", "permeability"], new PlotSize(600, 400));
        DecodedPng.AssertPlot(png, 600, 400);
    }

    [Fact]
    public void Field_reconstruction_rejects_a_field_of_the_wrong_size()
    {
        var shape = new FieldShape(4, 4);
        Assert.Throws<ArgumentException>(() => FieldPlots.Reconstruction([new float[15]], [new float[16]], shape, ["p"]));
    }

    [Fact]
    public void Constant_fields_render_without_a_degenerate_colour_range()
    {
        var shape = new FieldShape(8, 8);
        var field = PlotSamples.Field(shape, (_, _) => 2.0);
        DecodedPng.AssertPlot(FieldPlots.Reconstruction([field], [field], shape, ["p"], Size), 320, 240);
    }

    [Fact]
    public void Latent_traversal_renders_one_panel_per_value()
    {
        var shape = new FieldShape(10, 10);
        double[] values = [-3, -1.5, 0, 1.5, 3];
        var decoded = values.Select(v => PlotSamples.Field(shape, (i, j) => v * (i - j))).ToArray();
        DecodedPng.AssertPlot(FieldPlots.Traversal(0, values, decoded, shape, "pressure", new PlotSize(700, 180)), 700, 180);
    }

    [Fact]
    public void Line_plot_renders_several_series()
    {
        double[] x = [0.1, 0.2, 0.5, 1.0];
        NamedSeries[] errors = [new("POD", [0.1, 0.05, 0.02, 0.01]), new("VAE", [0.2, 0.04, 0.03, 0.02])];
        DecodedPng.AssertPlot(LinePlot.Render(x, errors, new PlotLabels("error", "theta", "relative L2"), logY: true, Size), 320, 240);
    }

    [Fact]
    public void Default_sizes_stay_small_in_bytes()
    {
        var epochs = PlotSamples.Epochs(200);
        var png = TrainingCurves.Losses(epochs, [new("KL", epochs.Select(e => 100 / e).ToArray())]);
        DecodedPng.AssertPlot(png, PlotSize.Default.Width, PlotSize.Default.Height);
        Assert.True(png.Length < 100_000, $"{png.Length} bytes");
    }
}
