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
            StudyOutcome outcome = study.Kind switch
            {
                "rom" => RunRom(study, folder, console, ct),
                "hits" => RunHits(study, folder, console, ct),
                _ => RunVae(study, folder, console, ct),
            };
            var groups = new JsonArray(outcome.Rows.Select(row => row.DeepClone()).ToArray());
            console.Result(r.GetValue(json), new JsonObject { ["folder"] = outcome.Folder, ["groups"] = groups },
                new[] { $"{outcome.Count} {outcome.Noun}; summary: {Path.Combine(outcome.Folder, "summary.md")}" });
            return Task.FromResult(DeepRomCli.Success);
        });
        experiment.Add(run);
        return experiment;
    }

    /// <summary>What a finished study reports: its folder, how many evaluations or trials (and which word), the summary rows.</summary>
    private sealed record StudyOutcome(string Folder, int Count, string Noun, IEnumerable<JsonNode> Rows);

    private static StudyOutcome RunRom(ExperimentConfig study, string folder, CliConsole console, CancellationToken ct)
    {
        var runner = new RomStudyRunner(study, folder, console.Log);
        var evaluations = runner.Run(ct);
        return new(runner.Folder, evaluations.Count, "evaluations", new RomStudySummary(study, evaluations).Rows());
    }

    private static StudyOutcome RunHits(ExperimentConfig study, string folder, CliConsole console, CancellationToken ct)
    {
        var runner = new HitsStudyRunner(study, folder, console.Log);
        var trials = runner.Run(ct);
        return new(runner.Folder, trials.Count, "trials", new HitsStudySummary(study, trials).Rows());
    }

    private static StudyOutcome RunVae(ExperimentConfig study, string folder, CliConsole console, CancellationToken ct)
    {
        var runner = new ExperimentRunner(study, folder, console.Log);
        var results = runner.Run(ct);
        return new(runner.Folder, results.Count, "trials", new ExperimentSummary(study, results).Rows().Select(row => (JsonNode)row.Row));
    }
}
