using System.Text.Json;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom experiment run CONFIG</c>: config errors are bad input; a study writes its summary and resumes by skipping.</summary>
[Collection(TinyDarcyCollection.Name)]
public class ExperimentRunTests(TinyDarcyRun tiny)
{
    private const string TinyStudy = """
        {
          // one trial on data placed in the study folder beforehand
          "name": "tiny",
          "kind": "vae",
          "datasets": [ { "name": "tiny", "theta": "normal", "kle": 2, "train": 24, "test": 12, "seed": 1 } ],
          "grid": { "datasets": ["tiny"], "priors": ["standard"], "labels": [0], "seeds": 1 },
          "settings": { "preset": "fast", "epochs": 1 },
        }
        """;

    [Fact]
    public async Task A_missing_config_is_refused_naming_it()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("absent.json");

        (await Cli.Run("experiment", "run", config)).AssertBadInput("absent.json", "not found");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Theory]
    [InlineData("\"priors\": [\"standard\"]", "\"priors\": [\"flat\"]", "grid.priors")]
    [InlineData("\"seeds\": 1", "\"seeds\": 0", "grid.seeds")]
    [InlineData("\"theta\": \"normal\"", "\"theta\": \"cauchy\"", "theta")]
    [InlineData("\"seeds\": 1", "\"seeds\": \"one\"", "seeds")]
    [InlineData("\"epochs\": 1", "\"epochs\": 1, \"output_variance\": \"per-sample\"", "settings.output_variance")]
    public async Task A_bad_config_entry_is_refused_naming_the_file_and_the_entry(string from, string to, string entry)
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json");
        File.WriteAllText(config, TinyStudy.Replace(from, to));

        (await Cli.Run("experiment", "run", config, "--out", scratch.File("results"))).AssertBadInput("study.json", entry);
        Assert.False(Directory.Exists(scratch.File("results")));
    }

    [Fact]
    public async Task A_study_writes_its_summary_and_a_rerun_skips_the_finished_trial()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json"), results = scratch.File("results");
        File.WriteAllText(config, TinyStudy);
        Directory.CreateDirectory(Path.Combine(results, "data"));
        File.Copy(tiny.Train, Path.Combine(results, "data", "tiny-train.h5"));
        File.Copy(tiny.Test, Path.Combine(results, "data", "tiny-test.h5"));

        var first = await Cli.Run("experiment", "run", config, "--out", results, "--json");
        first.AssertSuccess();
        using (var doc = JsonDocument.Parse(first.Out))
        {
            Assert.Equal(Path.GetFullPath(results), doc.RootElement.GetProperty("folder").GetString());
            Assert.Equal(1, doc.RootElement.GetProperty("groups").GetArrayLength());
        }
        Assert.True(File.Exists(Path.Combine(results, "summary.md")));
        Assert.True(File.Exists(Path.Combine(results, "summary.json")));

        var second = await Cli.Run("experiment", "run", config, "--out", results, "--json");
        second.AssertSuccess();
        Assert.Contains("skipped", second.Err);
        JsonDocument.Parse(second.Out).Dispose();

        // The run folders stay out of git; the committed summary alone must keep the finished trial finished.
        Directory.Delete(Path.Combine(results, "trials"), recursive: true);
        byte[] summary = File.ReadAllBytes(Path.Combine(results, "summary.json"));
        var third = await Cli.Run("experiment", "run", config, "--out", results);
        third.AssertSuccess();
        Assert.Contains("recorded in summary.json, skipped", third.Err);
        Assert.False(Directory.Exists(Path.Combine(results, "trials")) && Directory.EnumerateFileSystemEntries(Path.Combine(results, "trials")).Any());
        Assert.Equal(summary, File.ReadAllBytes(Path.Combine(results, "summary.json")));

        // Trials recorded under other settings are not mixed into a changed study.
        File.WriteAllText(config, TinyStudy.Replace("\"epochs\": 1", "\"epochs\": 2"));
        var changed = await Cli.Run("experiment", "run", config, "--out", results);
        changed.AssertBadInput("summary.json", "settings");
        Assert.Equal(summary, File.ReadAllBytes(Path.Combine(results, "summary.json")));

        // Nor into a study whose preset resolved to other settings when its trials ran (a preset's defaults changed).
        File.WriteAllText(config, TinyStudy);
        string text = File.ReadAllText(Path.Combine(results, "summary.json"));
        Assert.Contains("\"hidden_width\": 64", text);
        File.WriteAllText(Path.Combine(results, "summary.json"), text.Replace("\"hidden_width\": 64", "\"hidden_width\": 32"));
        var otherDefaults = await Cli.Run("experiment", "run", config, "--out", results);
        otherDefaults.AssertBadInput("summary.json", "trial_configs", "preset defaults");
    }
}
