using System.Text.Json;
using DeepRom.Cli;

namespace DeepRom.Tests.Cli;

/// <summary>A fact that runs only when DEEPROM_SLOW_TESTS=1: the full quickstart takes over a minute on 2 cores.</summary>
public sealed class SlowFactAttribute : FactAttribute
{
    public SlowFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DEEPROM_SLOW_TESTS") != "1") Skip = "slow (set DEEPROM_SLOW_TESTS=1 to run)";
    }
}

/// <summary><c>deeprom quickstart</c>: data, training, evaluation and report in one command.</summary>
[Collection(TinyDarcyCollection.Name)]
public class QuickstartTests(TinyDarcyRun tiny)
{
    /// <summary>What an interrupted quickstart leaves once its datasets are written (tiny ones here, to keep this fast).</summary>
    private string InterruptedAfterItsData(CliScratch scratch)
    {
        string run = scratch.File("qs");
        Directory.CreateDirectory(Path.Combine(run, "data"));
        File.Copy(tiny.Train, Path.Combine(run, "data", "train.h5"));
        File.Copy(tiny.Test, Path.Combine(run, "data", "test.h5"));
        return run;
    }

    [Fact]
    public async Task A_quickstart_resumed_after_its_data_was_written_trains_on_that_data_and_writes_the_report()
    {
        using var scratch = new CliScratch();
        string run = InterruptedAfterItsData(scratch);

        var outcome = await Cli.Run("quickstart", "--out", run, "--epochs", "1", "--resume", "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.Equal(12, doc.RootElement.GetProperty("metrics").GetProperty("test_samples").GetInt32());
        Assert.DoesNotContain("Darcy solves", outcome.Err);
        Assert.Contains("data:image/png;base64", File.ReadAllText(Path.Combine(run, "report.html")));
    }

    [Fact]
    public async Task Quickstart_with_labels_trains_semi_supervised_on_that_many_samples()
    {
        using var scratch = new CliScratch();
        string run = InterruptedAfterItsData(scratch);

        var outcome = await Cli.Run("quickstart", "--out", run, "--epochs", "1", "--labels", "3", "--resume", "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.Equal(3, doc.RootElement.GetProperty("metrics").GetProperty("labelled_samples").GetInt32());
        Assert.Contains("\"Labels\": 3", File.ReadAllText(Path.Combine(run, "config.json")));
    }

    [Theory]
    [InlineData("-1", "at least 0")]
    [InlineData("513", "more than the 512 training samples")]
    public async Task Quickstart_refuses_impossible_label_counts_before_writing_anything(string labels, string reason)
    {
        using var scratch = new CliScratch();
        var before = Cli.Contents(scratch.Path);

        (await Cli.Run("quickstart", "--out", scratch.File("qs"), "--labels", labels)).AssertBadInput("--labels", reason);

        Cli.AssertUnchanged(before, scratch.Path);
    }

    [Fact]
    public async Task Quickstart_refuses_an_existing_folder_and_resume_with_force()
    {
        using var scratch = new CliScratch();
        File.WriteAllText(scratch.File("keep.txt"), "x");
        var before = Cli.Contents(scratch.Path);

        (await Cli.Run("quickstart", "--out", scratch.Path, "--epochs", "1")).AssertBadInput("already exists");
        (await Cli.Run("quickstart", "--out", scratch.Path, "--resume", "--force")).AssertBadInput("--resume", "--force");

        Cli.AssertUnchanged(before, scratch.Path);
    }

    [SlowFact]
    public async Task Quickstart_generates_data_trains_and_writes_the_report()
    {
        using var scratch = new CliScratch();
        string run = scratch.File("qs");

        var outcome = await Cli.Run("quickstart", "--out", run, "--epochs", "1", "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        Assert.Equal(QuickstartCommand.TestSamples, doc.RootElement.GetProperty("metrics").GetProperty("test_samples").GetInt32());
        Assert.True(File.Exists(Path.Combine(run, "report.html")));
        Assert.Empty(Cli.TempFilesIn(run));
    }
}
