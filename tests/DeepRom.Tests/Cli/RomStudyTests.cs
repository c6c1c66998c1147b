using System.Text.Json;

namespace DeepRom.Tests.Cli;

/// <summary><c>deeprom experiment run</c> on a study of kind rom: fits each model once, evaluates each interpolation, resumes by skipping.</summary>
public class RomStudyTests(SmallBurgers burgers) : IClassFixture<SmallBurgers>
{
    private string Study(string models = "\"pod\"", int? epochs = null) => $$"""
        {
          "name": "tiny-rom",
          "description": "POD on a 3 x 3 Burgers grid",
          "kind": "rom",
          "rom": {
            "datasets": [ { "name": "small", "train": "{{burgers.Train}}", "test": "{{burgers.Test}}" } ],
            "grid": { "datasets": ["small"], "models": [{{models}}], "latents": [2, 4], "interps": ["lerp", "slerp"], "seeds": 1 }{{(epochs is { } e ? $", \"epochs\": {e}" : "")}}
          }
        }
        """;

    [Fact]
    public async Task A_rom_study_fits_every_model_once_evaluates_every_interpolation_and_summarises()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json"), results = scratch.File("results");
        File.WriteAllText(config, Study());

        var first = await Cli.Run("experiment", "run", config, "--out", results, "--json");
        first.AssertSuccess();
        using (var doc = JsonDocument.Parse(first.Out))
        {
            var groups = doc.RootElement.GetProperty("groups").EnumerateArray().ToList();
            Assert.Equal(4, groups.Count);
            Assert.All(groups, g => Assert.InRange(g.GetProperty("rel_l2_mean_mean").GetDouble(), 1e-6, 0.5));
            // Burgers files record their solver seconds, so every group has a speed-up over the full-order model.
            Assert.All(groups, g => Assert.True(g.GetProperty("speedup_mean").GetDouble() > 0));
            // Two latent budgets: more modes cannot project worse.
            double Projection(int latent) => groups.First(g => g.GetProperty("latent").GetInt32() == latent).GetProperty("reconstruction_rel_l2_mean").GetDouble();
            Assert.True(Projection(4) <= Projection(2) + 1e-12);
        }
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(results, "trials")).Length);
        string markdown = File.ReadAllText(Path.Combine(results, "summary.md"));
        Assert.Contains("| small", markdown);
        Assert.Contains("rel. L2 at (4.5, 0.02)", markdown);
        Assert.Contains("| speed-up |", markdown);

        var again = await Cli.Run("experiment", "run", config, "--out", results);
        again.AssertSuccess();
        Assert.Contains("fitted before, skipped", again.Err);
    }

    [Theory]
    [InlineData("\"pod\"", "\"pca\"", "rom.grid.models")]
    [InlineData("\"latents\": [2, 4]", "\"latents\": [0]", "rom.grid.latents")]
    [InlineData("\"interps\": [\"lerp\", \"slerp\"]", "\"interps\": [\"cubic\"]", "rom.grid.interps")]
    [InlineData("\"datasets\": [\"small\"]", "\"datasets\": [\"large\"]", "rom.grid.datasets")]
    public async Task A_bad_rom_study_entry_is_refused_naming_the_file_and_the_entry(string from, string to, string entry)
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json");
        File.WriteAllText(config, Study().Replace(from, to));

        (await Cli.Run("experiment", "run", config, "--out", scratch.File("results"))).AssertBadInput("study.json", entry);
        Assert.False(Directory.Exists(scratch.File("results")));
    }

    [Fact]
    public async Task A_rom_study_without_its_rom_section_is_refused()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json");
        File.WriteAllText(config, """{ "name": "x", "kind": "rom" }""");

        (await Cli.Run("experiment", "run", config, "--out", scratch.File("results"))).AssertBadInput("study.json", "rom");
    }

    [Fact]
    public async Task An_unfinished_network_fit_resumes_and_a_trial_fitted_with_other_epochs_is_refused()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json"), results = scratch.File("results");
        File.WriteAllText(config, Study("\"cae\"", epochs: 2).Replace("[2, 4]", "[2]"));
        (await Cli.Run("experiment", "run", config, "--out", results)).AssertSuccess();

        // A fit killed after its last checkpoint has no metrics yet: the rerun continues it rather than starting over.
        string trial = Directory.GetDirectories(Path.Combine(results, "trials")).Single();
        File.Delete(Path.Combine(trial, "metrics.json"));
        var resumed = await Cli.Run("experiment", "run", config, "--out", results);
        resumed.AssertSuccess();
        Assert.Contains("resuming", resumed.Err);
        Assert.True(File.Exists(Path.Combine(trial, "metrics.json")));

        File.WriteAllText(config, Study("\"cae\"", epochs: 3).Replace("[2, 4]", "[2]"));
        (await Cli.Run("experiment", "run", config, "--out", results)).AssertBadInput("config.json", "other settings");
    }

    [Fact]
    public async Task A_rom_study_generates_the_lco_benchmark_once_and_fits_it()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json"), results = scratch.File("results");
        File.WriteAllText(config, """
            { "name": "lco", "kind": "rom",
              "rom": { "datasets": [ { "name": "lco", "generator": "lco" } ],
                       "grid": { "datasets": ["lco"], "models": ["pod"], "latents": [4], "interps": ["lerp"] } } }
            """);

        var first = await Cli.Run("experiment", "run", config, "--out", results, "--json");
        first.AssertSuccess();
        Assert.Contains("generating dataset lco", first.Err);
        using (var doc = JsonDocument.Parse(first.Out))
        {
            // Below flutter the response decays towards zero, so relative errors there can be large: only finiteness is pinned.
            double error = doc.RootElement.GetProperty("groups")[0].GetProperty("rel_l2_mean_mean").GetDouble();
            Assert.True(double.IsFinite(error) && error > 0, $"rel_l2_mean {error}");
        }
        Assert.True(File.Exists(Path.Combine(results, "data", "lco-train.h5")));

        var again = await Cli.Run("experiment", "run", config, "--out", results);
        again.AssertSuccess();
        Assert.DoesNotContain("generating", again.Err);
    }

    [Fact]
    public async Task The_settled_cycles_are_phase_aligned_enough_for_pod_to_interpolate_them()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json"), results = scratch.File("results");
        File.WriteAllText(config, """
            { "name": "cycles", "kind": "rom",
              "rom": { "datasets": [ { "name": "cycles", "generator": "lco-cycles" } ],
                       "grid": { "datasets": ["cycles"], "models": ["pod"], "latents": [20], "interps": ["lerp"] } } }
            """);

        var outcome = await Cli.Run("experiment", "run", config, "--out", results, "--json");

        outcome.AssertSuccess();
        using var doc = JsonDocument.Parse(outcome.Out);
        // Measured 0.011 on this machine; from a fixed start over 4000 tau (generator "lco") POD's projection alone was 0.76.
        double error = doc.RootElement.GetProperty("groups")[0].GetProperty("rel_l2_mean_mean").GetDouble();
        Assert.InRange(error, 1e-4, 0.05);
    }

    [Fact]
    public async Task An_unknown_generator_is_refused_with_the_supported_ones()
    {
        using var scratch = new CliScratch();
        string config = scratch.File("study.json");
        File.WriteAllText(config, """
            { "name": "x", "kind": "rom",
              "rom": { "datasets": [ { "name": "x", "generator": "wing" } ],
                       "grid": { "datasets": ["x"], "models": ["pod"], "latents": [4], "interps": ["lerp"] } } }
            """);

        (await Cli.Run("experiment", "run", config, "--out", scratch.File("results"))).AssertBadInput("study.json", "generator", "lco-cycles");
        Assert.False(Directory.Exists(scratch.File("results")));
    }
}
