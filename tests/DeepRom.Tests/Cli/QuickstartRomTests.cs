using System.Text.Json;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom quickstart rom</c>: Burgers data, a fitted ROM and its evaluation in one command.</summary>
public class QuickstartRomTests
{
    [Fact]
    public async Task Quickstart_rom_with_pod_generates_the_benchmark_fits_evaluates_and_names_the_experiment()
    {
        using var scratch = new CliScratch();
        string run = scratch.File("qr");

        var outcome = await Cli.Run("quickstart", "rom", "--model", "pod", "--out", run, "--json");

        outcome.AssertSuccess();
        Assert.StartsWith("quickstart rom: parametric Burgers, pod at latent 20", outcome.Err.TrimStart());
        using var doc = JsonDocument.Parse(outcome.Out);
        var evaluation = doc.RootElement.GetProperty("evaluation");
        var points = evaluation.GetProperty("per_parameter").EnumerateArray().ToList();
        Assert.Equal(10, points.Count);
        Assert.Equal([4.3, 0.021], points[0].GetProperty("params").EnumerateArray().Select(e => e.GetDouble()));
        // POD with 20 modes interpolates this benchmark to well under 1 % (README); a broken pipeline would not.
        Assert.InRange(evaluation.GetProperty("rel_l2_mean").GetDouble(), 1e-5, 0.01);
        Assert.True(File.Exists(Path.Combine(run, "model", "report.html")));
        Assert.True(File.Exists(evaluation.GetProperty("report").GetString()));
        Assert.True(File.Exists(Path.Combine(run, "data", "train.h5")));

        // Resuming a finished quickstart keeps its data and fits again.
        var again = await Cli.Run("quickstart", "rom", "--model", "pod", "--out", run, "--resume");
        again.AssertSuccess();
        Assert.DoesNotContain("Burgers simulations", again.Err);
    }

    [Theory]
    [InlineData("--model", "pca", "--model")]
    [InlineData("--epochs", "0", "--epochs")]
    public async Task Bad_options_are_refused_before_anything_is_written(string option, string value, string named)
    {
        using var scratch = new CliScratch();
        (await Cli.Run("quickstart", "rom", option, value, "--out", scratch.File("qr"))).AssertBadInput(named);
        Assert.False(Directory.Exists(scratch.File("qr")));
    }

    [Fact]
    public async Task Epochs_for_pod_are_refused() =>
        (await Cli.Run("quickstart", "rom", "--model", "pod", "--epochs", "5", "--out", Path.Combine(Path.GetTempPath(), "never-written-qr"))).AssertBadInput("--epochs", "pod");
}
