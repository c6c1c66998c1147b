using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Reporting;

namespace DeepRom.Runs.Experiments;

/// <summary>The study's results grouped as configured: means and spreads of the metrics, fractions of disentangled and over-regularised trials, and the published values beside them.</summary>
public sealed class ExperimentSummary(ExperimentConfig config, IReadOnlyList<TrialResult> results, JsonObject? trialConfigs = null)
{
    private static readonly string[] Summarised = ["sd_mean", "sd_samples", "s_kl", "mig", "kl", "rel_l2", "train_seconds"];

    /// <summary>One summary row per group, in the order the groups first appear.</summary>
    public IReadOnlyList<(string Group, JsonObject Row)> Rows()
    {
        var rows = new List<(string, JsonObject)>();
        foreach (var group in results.GroupBy(GroupLabel))
        {
            var trials = group.ToList();
            var row = new JsonObject { ["group"] = group.Key, ["trials"] = trials.Count };
            foreach (string metric in Summarised) SummarySpread.Add(row, metric, trials.Select(t => t.Metrics.GetValueOrDefault(metric)));
            row["fraction_disentangled"] = Fraction(trials, t => t.Metrics.GetValueOrDefault("sd_mean") >= config.DisentangledThreshold);
            row["fraction_over_regularised"] = Fraction(trials, t => t.Metrics.GetValueOrDefault("kl") < config.CollapsedKl);
            // Trials recorded before r2_linear existed cannot be told rotated or not; the fraction is over the scored ones.
            var scored = trials.Where(t => t.Metrics.GetValueOrDefault("r2_linear") is { } r2 && double.IsFinite(r2)).ToList();
            row["trials_with_r2_linear"] = scored.Count;
            row["fraction_rotated"] = scored.Count == 0 ? null
                : Fraction(scored, t => Verdict(t)?.Kind == Metrics.LatentSpaceKind.Rotated);
            row["reference"] = config.Reference.GetValueOrDefault(group.Key);
            rows.Add((group.Key, row));
        }
        return rows;
    }

    public void Write(string folder)
    {
        var rows = Rows();
        var json = new JsonObject
        {
            ["name"] = config.Name,
            ["description"] = config.Description,
            ["trials_finished"] = results.Count,
            // What the trials were run with, so that a later run can tell whether they still answer its config.
            ["settings"] = JsonSerializer.SerializeToNode(config.Settings, ExperimentConfig.Json),
            ["datasets"] = JsonSerializer.SerializeToNode(config.Datasets, ExperimentConfig.Json),
            ["trial_configs"] = trialConfigs?.DeepClone(),
            ["groups"] = new JsonArray(rows.Select(r => (JsonNode)r.Row.DeepClone()).ToArray()),
            ["trials"] = JsonSerializer.SerializeToNode(results),
        };
        StudyFiles.WriteSummary(folder, json, Markdown(rows));
    }

    private string Markdown(IReadOnlyList<(string Group, JsonObject Row)> rows)
    {
        var table = new MarkdownTable(["group (" + string.Join(" / ", config.GroupBy) + ")", "trials", "S_D means", "S_D samples", "S_KL", "MIG", "KL", "rel. L2",
            $"disentangled (S_D >= {config.DisentangledThreshold})", $"rotated (S_D < {config.DisentangledThreshold}, r2_linear >= {Metrics.DisentanglementVerdict.R2Threshold})",
            $"over-regularised (KL < {config.CollapsedKl})", "minutes/trial", "published"]);
        foreach (var (group, row) in rows)
            table.AddRow(group, row["trials"]!.GetValue<int>(), Spread(row, "sd_mean"), Spread(row, "sd_samples"), Spread(row, "s_kl"), Spread(row, "mig"),
                Spread(row, "kl"), Spread(row, "rel_l2"), Percent(row["fraction_disentangled"]), Rotated(row), Percent(row["fraction_over_regularised"]),
                row["train_seconds_mean"] is { } s ? (s.GetValue<double>() / 60).ToString("0.0", CultureInfo.InvariantCulture) : "",
                row["reference"]?.GetValue<string>() ?? "");
        var text = new StringBuilder();
        text.AppendLine($"# {config.Name}").AppendLine().AppendLine(config.Description).AppendLine();
        text.AppendLine($"{results.Count} trials finished. Means over seeds, +- one standard deviation.").AppendLine();
        text.AppendLine(table.Render());
        if (!string.IsNullOrEmpty(config.ReferenceSource)) text.AppendLine().AppendLine($"Published values: {config.ReferenceSource}");
        return text.ToString();
    }

    private string GroupLabel(TrialResult t) => string.Join(" / ", config.GroupBy.Select(g => g switch
    {
        "dataset" => t.Dataset,
        "prior" => t.Prior,
        "labels" => t.Labels.ToString(CultureInfo.InvariantCulture),
        _ => "",
    }));

    private Metrics.DisentanglementVerdict? Verdict(TrialResult t) => Metrics.DisentanglementVerdict.From(t.Metrics, config.DisentangledThreshold);

    private static double Fraction(List<TrialResult> trials, Func<TrialResult, bool> predicate) =>
        trials.Count(predicate) / (double)trials.Count;

    private static string Spread(JsonObject row, string metric) =>
        SummarySpread.Cell(row, metric, v => v.ToString("0.000", CultureInfo.InvariantCulture));

    private static string Rotated(JsonObject row)
    {
        int scored = row["trials_with_r2_linear"]!.GetValue<int>(), trials = row["trials"]!.GetValue<int>();
        if (scored == 0) return "n/a";
        string percent = Percent(row["fraction_rotated"]);
        return scored == trials ? percent : $"{percent} of {scored} scored";
    }

    private static string Percent(JsonNode? fraction) =>
        fraction is null ? "" : (100 * fraction.GetValue<double>()).ToString("0", CultureInfo.InvariantCulture) + " %";
}
