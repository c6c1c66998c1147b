using System.CommandLine;
using System.Text.Json.Nodes;
using DeepRom.Runs.Experiments;

namespace DeepRom.Cli;

/// <summary><c>deeprom experiment run CONFIG</c>: multi-seed reproduction studies, resumable.</summary>
public static class ExperimentCommands
{
    public static Command Build(CliConsole console)
    {
        var experiment = new Command("experiment", "Reproduction studies: many trials, a summary table as Markdown and JSON.");
        var config = new Argument<string>("CONFIG") { Description = "Study configuration (JSON), e.g. experiments/vae-priors/config.json (kind vae), experiments/rom-burgers/config.json (kind rom) or experiments/hits-reproduction/config.json (kind hits)." };
        var output = new Option<string?>("--out") { Description = "Study folder (default: a 'results' folder beside CONFIG). Re-running skips finished trials and resumes the interrupted one." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON on stdout." };
        var run = new Command("run", "Run (or continue) a study and write summary.md and summary.json.");
        run.Add(config);
        run.Add(output);
        run.Add(json);
        run.SetAction((ParseResult r, CancellationToken ct) =>
        {
            string path = r.GetValue(config)!;
            ExperimentConfig study = ExperimentConfig.Read(path);
            string folder = r.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "results");
            if (study.Kind == "rom")
            {
                var romRunner = new RomStudyRunner(study, folder, console.Log);
                var evaluations = romRunner.Run(ct);
                var groups = new JsonArray(new RomStudySummary(study, evaluations).Rows().Select(row => (JsonNode)row.DeepClone()).ToArray());
                console.Result(r.GetValue(json), new JsonObject { ["folder"] = romRunner.Folder, ["groups"] = groups },
                    new[] { $"{evaluations.Count} evaluations; summary: {Path.Combine(romRunner.Folder, "summary.md")}" });
                return Task.FromResult(DeepRomCli.Success);
            }
            if (study.Kind == "hits")
            {
                var hitsRunner = new HitsStudyRunner(study, folder, console.Log);
                var trials = hitsRunner.Run(ct);
                var hitsGroups = new JsonArray(new HitsStudySummary(study, trials).Rows().Select(row => (JsonNode)row.DeepClone()).ToArray());
                console.Result(r.GetValue(json), new JsonObject { ["folder"] = hitsRunner.Folder, ["groups"] = hitsGroups },
                    new[] { $"{trials.Count} trials; summary: {Path.Combine(hitsRunner.Folder, "summary.md")}" });
                return Task.FromResult(DeepRomCli.Success);
            }
            var runner = new ExperimentRunner(study, folder, console.Log);
            var results = runner.Run(ct);
            var summary = new ExperimentSummary(study, results);
            var rows = new JsonArray(summary.Rows().Select(row => (JsonNode)row.Row.DeepClone()).ToArray());
            console.Result(r.GetValue(json), new JsonObject { ["folder"] = runner.Folder, ["groups"] = rows },
                new[] { $"{results.Count} trials; summary: {Path.Combine(runner.Folder, "summary.md")}" });
            return Task.FromResult(DeepRomCli.Success);
        });
        experiment.Add(run);
        return experiment;
    }
}
