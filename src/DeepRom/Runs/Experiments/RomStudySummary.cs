using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Reporting;
using DeepRom.Runs.Rom;

namespace DeepRom.Runs.Experiments;

/// <summary>
/// A ROM study's table: one row per dataset, model, latent budget and interpolation, with the errors averaged over
/// seeds, the error at each of the first test points (the literature points of the Burgers test set come first), and
/// the fit and prediction times.
/// </summary>
public sealed class RomStudySummary(ExperimentConfig config, IReadOnlyList<RomTrialResult> results)
{
    /// <summary>How many test points get their own column.</summary>
    private const int PointColumns = 2;

    private static readonly string[] Summarised =
        [RomMetrics.RelL2Mean, RomMetrics.RelL2Max, RomMetrics.ReconstructionRelL2, RomMetrics.FitSeconds, RomMetrics.SecondsPredict, RomMetrics.Speedup, RomMetrics.LatentSize];

    /// <summary>One row per group, in the order the groups first appear.</summary>
    public IReadOnlyList<JsonObject> Rows()
    {
        var rows = new List<JsonObject>();
        foreach (var group in results.GroupBy(t => (t.Dataset, t.Model, t.Latent, t.Interp)))
        {
            var trials = group.ToList();
            var row = new JsonObject
            {
                ["dataset"] = group.Key.Dataset, ["model"] = group.Key.Model, ["latent"] = group.Key.Latent, ["interp"] = group.Key.Interp,
                ["trials"] = trials.Count,
            };
            foreach (string metric in Summarised) SummarySpread.Add(row, metric, trials.Select(t => t.Metrics.GetValueOrDefault(metric)));
            var points = new JsonObject();
            foreach (string point in trials[0].PerParameter.Keys.Take(PointColumns))
            {
                var values = trials.Select(t => t.PerParameter.TryGetValue(point, out double v) ? v : (double?)null);
                var cell = new JsonObject();
                SummarySpread.Add(cell, "rel_l2", values);
                points[point] = cell;
            }
            row["rel_l2_at"] = points;
            rows.Add(row);
        }
        return rows;
    }

    public void Write(string folder)
    {
        var rows = Rows();
        var json = StudyFiles.KindSummary(config, config.Rom, rows, results.Count, JsonSerializer.SerializeToNode(results));
        StudyFiles.WriteSummary(folder, json, Markdown(rows));
    }

    private string Markdown(IReadOnlyList<JsonObject> rows)
    {
        var pointNames = rows.SelectMany(r => r["rel_l2_at"]!.AsObject().Select(p => p.Key)).Distinct().ToList();
        var table = new MarkdownTable(["dataset", "model", "latent (kept)", "interp", "trials", "rel. L2 mean", "rel. L2 max",
            .. pointNames.Select(p => $"rel. L2 at {p}"), "projection only", "fit minutes", "predict ms", "speed-up"]);
        foreach (var row in rows)
        {
            string kept = row[RomMetrics.LatentSize + "_mean"] is { } k ? $" ({k.GetValue<double>().ToString("0", CultureInfo.InvariantCulture)})" : "";
            table.AddRow([row["dataset"]!.GetValue<string>(), row["model"]!.GetValue<string>(), row["latent"]!.GetValue<int>() + kept, row["interp"]!.GetValue<string>(),
                row["trials"]!.GetValue<int>(), SummarySpread.Cell(row, RomMetrics.RelL2Mean), SummarySpread.Cell(row, RomMetrics.RelL2Max),
                .. pointNames.Select(p => row["rel_l2_at"]![p] is JsonObject cell ? SummarySpread.Cell(cell, "rel_l2") : ""),
                SummarySpread.Cell(row, RomMetrics.ReconstructionRelL2), Scaled(row, RomMetrics.FitSeconds, 1 / 60.0, "0.0"), Scaled(row, RomMetrics.SecondsPredict, 1000, "0.0"),
                row[RomMetrics.Speedup + "_mean"] is { } up ? Ratio(up.GetValue<double>()) : "n/a"]);
        }
        var text = new StringBuilder();
        text.AppendLine($"# {config.Name}").AppendLine().AppendLine(config.Description).AppendLine();
        text.AppendLine($"{results.Count} evaluations finished. Space-time relative L2 errors on the test simulations; means over seeds, " +
                        "+- one standard deviation where there are several. Speed-up: the test data's mean solver seconds per " +
                        "simulation over the mean prediction seconds (n/a where the data record no solver time); every test " +
                        "parameter's error is in summary.json.").AppendLine();
        text.AppendLine(table.Render());
        if (!string.IsNullOrEmpty(config.ReferenceSource)) text.AppendLine().AppendLine($"Published values: {config.ReferenceSource}");
        return text.ToString();
    }

    /// <summary>A speed-up with about three significant digits and no exponent: 5740, 37.3, 0.63.</summary>
    private static string Ratio(double value) =>
        value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    private static string Scaled(JsonObject row, string metric, double factor, string format) =>
        row[metric + "_mean"] is { } v ? (factor * v.GetValue<double>()).ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
