using System.Text.Json;

namespace DeepRom.Tests.Cli;

/// <summary>
/// <c>deeprom experiment run</c> on a study of kind hits: generates each system's data once, trains and forecasts each
/// trial, skips finished trials, extends them when the budget rises and refuses trials trained with other settings.
/// </summary>
public class HitsStudyTests
{
    private static string Study(int iterations = 20, string windows = "mixed") => $$"""
        {
          "name": "tiny-hits",
          "description": "two systems, two noise levels, short trajectories",
          "kind": "hits",
          "hits": { "systems": ["hyperbolic", "vdp"], "noise": [0, 0.01], "points": 80, "train": 16, "validation": 6, "test": 5,
                    "levels": "0-2", "max_iterations": {{iterations}}, "windows": "{{windows}}" },
          "reference": { "hyperbolic / 0%": "1.5e-6 / 5.1e-8" }
        }
        """;

    [Fact]
    public async Task A_hits_study_trains_and_forecasts_every_trial_summarises_and_skips_finished_trials()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json"), results = scratch.File("results");
        File.WriteAllText(config, Study());

        var first = await Cli.Run("experiment", "run", config, "--out", results, "--json");
        first.AssertSuccess();
        using (var doc = JsonDocument.Parse(first.Out))
        {
            var groups = doc.RootElement.GetProperty("groups").EnumerateArray().ToList();
            Assert.Equal(["hyperbolic", "vdp", "hyperbolic", "vdp"], groups.Select(g => g.GetProperty("system").GetString()));
            Assert.Equal([0, 0, 0.01, 0.01], groups.Select(g => g.GetProperty("noise").GetDouble()));
            Assert.All(groups, g => Assert.True(g.GetProperty("mse_multiscale_mean").GetDouble() > 0));
            Assert.All(groups, g => Assert.Equal(20, g.GetProperty("iterations_mean").GetDouble()));
            Assert.Equal("1.5e-6 / 5.1e-8", groups[0].GetProperty("reference").GetString());
        }
        Assert.Equal(4, Directory.GetDirectories(Path.Combine(results, "trials")).Length);
        // Noisy and clean data are separate datasets; every split is written once per system and noise level.
        Assert.Equal(4, Directory.GetDirectories(Path.Combine(results, "data")).Length);
        string markdown = File.ReadAllText(Path.Combine(results, "summary.md"));
        Assert.Contains("| hyperbolic / 1%", markdown);
        Assert.Contains("adaptive RK45 at equal accuracy", markdown);

        var again = await Cli.Run("experiment", "run", config, "--out", results);
        again.AssertSuccess();
        Assert.Equal(4, again.Err.Split('\n').Count(l => l.Contains("trained before, skipped")));
        Assert.DoesNotContain("generating", again.Err);
    }

    [Fact]
    public async Task A_raised_budget_extends_finished_trials_and_other_settings_are_refused()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json"), results = scratch.File("results");
        File.WriteAllText(config, Study(iterations: 10).Replace("\"vdp\"", "\"cubic\"").Replace("[0, 0.01]", "[0]"));
        (await Cli.Run("experiment", "run", config, "--out", results)).AssertSuccess();

        File.WriteAllText(config, Study(iterations: 20).Replace("\"vdp\"", "\"cubic\"").Replace("[0, 0.01]", "[0]"));
        var extended = await Cli.Run("experiment", "run", config, "--out", results, "--json");
        extended.AssertSuccess();
        Assert.Contains("extending to 20 minibatches", extended.Err);
        using (var doc = JsonDocument.Parse(extended.Out))
            Assert.All(doc.RootElement.GetProperty("groups").EnumerateArray(), g => Assert.Equal(20, g.GetProperty("iterations_mean").GetDouble()));

        File.WriteAllText(config, Study(iterations: 20, windows: "first").Replace("\"vdp\"", "\"cubic\"").Replace("[0, 0.01]", "[0]"));
        (await Cli.Run("experiment", "run", config, "--out", results)).AssertBadInput("config.json", "hits");
        File.WriteAllText(config, Study(iterations: 10).Replace("\"vdp\"", "\"cubic\"").Replace("[0, 0.01]", "[0]"));
        (await Cli.Run("experiment", "run", config, "--out", results)).AssertBadInput("config.json", "hits.max_iterations");
    }

    [Theory]
    [InlineData("\"vdp\"]", "\"duffing\"]", "hits.systems")]
    [InlineData("[0, 0.01]", "[0, -0.01]", "hits.noise")]
    [InlineData("[0, 0.01]", "[]", "hits.noise")]
    [InlineData("\"0-2\"", "\"2-0\"", "hits.levels")]
    [InlineData("\"mixed\"", "\"middle\"", "hits.windows")]
    [InlineData("\"points\": 80", "\"points\": 1", "hits.points")]
    [InlineData("\"test\": 5", "\"test\": 0", "hits.test")]
    public async Task A_bad_hits_study_entry_is_refused_naming_the_file_and_the_entry(string from, string to, string entry)
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json");
        File.WriteAllText(config, Study().Replace(from, to));

        (await Cli.Run("experiment", "run", config, "--out", scratch.File("results"))).AssertBadInput("study.json", entry);
        Assert.False(Directory.Exists(scratch.File("results")));
    }

    [Fact]
    public async Task A_hits_study_without_its_hits_section_is_refused()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json");
        File.WriteAllText(config, """{ "name": "x", "kind": "hits" }""");

        (await Cli.Run("experiment", "run", config, "--out", scratch.File("results"))).AssertBadInput("study.json", "hits");
    }
}
