using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeepRom.Reporting;
using DeepRom.Runs.Hits;

namespace DeepRom.Runs.Experiments;

/// <summary>
/// A time-stepper study's tables, one row per system and noise level (means over seeds): the test MSE of the best single
/// level, the multiscale forecast and the hybrid beside the published values, then training and forecast times with
/// the classical integrators at equal accuracy.
/// </summary>
public sealed class HitsStudySummary(ExperimentConfig config, IReadOnlyList<HitsTrialResult> results)
{
    // Summary columns of the classical integrators at equal accuracy, flattened from the forecast's objects.
    private const string Rk4Step = "rk4_equal_accuracy_step", Rk4Seconds = "rk4_equal_accuracy_seconds";
    private const string AdaptiveTolerance = "adaptive_equal_accuracy_rtol", AdaptiveSeconds = "adaptive_equal_accuracy_seconds";

    /// <summary>The label a row and its published values share, e.g. "hopf / 1%".</summary>
    public static string GroupLabel(string system, double noise) =>
        $"{system} / {(100 * noise).ToString("0.##", CultureInfo.InvariantCulture)}%";

    /// <summary>One row per system and noise level, in the order they first appear.</summary>
    public IReadOnlyList<JsonObject> Rows()
    {
        var rows = new List<JsonObject>();
        foreach (var group in results.GroupBy(t => (t.System, t.Noise)))
        {
            var trials = group.ToList();
            string label = GroupLabel(group.Key.System, group.Key.Noise);
            var row = new JsonObject
            {
                ["system"] = group.Key.System, ["noise"] = group.Key.Noise, ["trials"] = trials.Count,
                [HitsMetrics.BestSingleLevel] = Distinct(trials.Select(t => t.Forecast[HitsMetrics.BestSingleLevel]?.ToJsonString())),
                [HitsMetrics.SelectedLevels] = Distinct(trials.Select(t => Levels(t.Forecast[HitsMetrics.SelectedLevels]))),
                [HitsMetrics.FastLevels] = Distinct(trials.Select(t => Levels(t.Forecast[HitsMetrics.FastLevels]))),
                [Rk4Step] = Distinct(trials.Select(t => t.Forecast[HitsMetrics.Rk4EqualAccuracy]?["step"]?.ToJsonString())),
                [AdaptiveTolerance] = Distinct(trials.Select(t => t.Forecast[HitsMetrics.AdaptiveEqualAccuracy]?["rtol"] is { } r ? NumberText.Format(r.GetValue<double>()) : null)),
                ["reference"] = config.Reference.GetValueOrDefault(label),
            };
            SummarySpread.Add(row, HitsMetrics.MseBestSingle, trials.Select(t => Number(t.Forecast[HitsMetrics.MseBestSingle])));
            SummarySpread.Add(row, HitsMetrics.MseMultiscale, trials.Select(t => Number(t.Forecast[HitsMetrics.MseMultiscale])));
            SummarySpread.Add(row, HitsMetrics.MseFast, trials.Select(t => Number(t.Forecast[HitsMetrics.MseFast])));
            SummarySpread.Add(row, HitsMetrics.SecondsFast, trials.Select(t => Number(t.Forecast[HitsMetrics.SecondsFast])));
            SummarySpread.Add(row, HitsMetrics.MseHybrid, trials.Select(t => Number(t.Forecast[HitsMetrics.MseHybrid])));
            SummarySpread.Add(row, HitsMetrics.SecondsSingle1Dt, trials.Select(t => Number(t.Forecast[HitsMetrics.SecondsSingle1Dt])));
            SummarySpread.Add(row, HitsMetrics.SecondsMultiscale, trials.Select(t => Number(t.Forecast[HitsMetrics.SecondsMultiscale])));
            SummarySpread.Add(row, Rk4Seconds, trials.Select(t => Number(t.Forecast[HitsMetrics.Rk4EqualAccuracy]?["seconds"])));
            SummarySpread.Add(row, AdaptiveSeconds, trials.Select(t => Number(t.Forecast[HitsMetrics.AdaptiveEqualAccuracy]?["seconds"])));
            SummarySpread.Add(row, HitsMetrics.TrainSeconds, trials.Select(t => Number(t.Training[HitsMetrics.TrainSeconds])));
            SummarySpread.Add(row, HitsMetrics.Iterations, trials.Select(t => Number(t.Training[HitsMetrics.Iterations])));
            rows.Add(row);
        }
        return rows;
    }

    public void Write(string folder)
    {
        var rows = Rows();
        var trials = new JsonArray(results.Select(t => (JsonNode)new JsonObject
        {
            ["key"] = t.Key, ["system"] = t.System, ["noise"] = t.Noise, ["seed"] = t.Seed,
            ["training"] = t.Training.DeepClone(), ["forecast"] = t.Forecast.DeepClone(),
        }).ToArray());
        var json = StudyFiles.KindSummary(config, config.Hits, rows, results.Count, trials);
        StudyFiles.WriteSummary(folder, json, Markdown(rows));
    }

    private string Markdown(IReadOnlyList<JsonObject> rows)
    {
        var accuracy = new MarkdownTable(["system / noise", "trials", "best single level", "its MSE", "multiscale levels", "multiscale MSE",
            "fast levels", "fast MSE", "hybrid MSE", "published"]);
        var speed = new MarkdownTable(["system / noise", "minibatches", "train minutes", "1-dt network s", "multiscale s", "speed-up", "fast s", "fast speed-up",
            "RK4 at equal accuracy: step (dt), s", "adaptive RK45 at equal accuracy: rtol, s"]);
        foreach (var row in rows)
        {
            string label = GroupLabel(row["system"]!.GetValue<string>(), row["noise"]!.GetValue<double>());
            accuracy.AddRow([label, row["trials"]!.GetValue<int>(), Text(row, HitsMetrics.BestSingleLevel), SummarySpread.Cell(row, HitsMetrics.MseBestSingle),
                Text(row, HitsMetrics.SelectedLevels), SummarySpread.Cell(row, HitsMetrics.MseMultiscale), Text(row, HitsMetrics.FastLevels), SummarySpread.Cell(row, HitsMetrics.MseFast),
                SummarySpread.Cell(row, HitsMetrics.MseHybrid), Text(row, "reference")]);
            double? oneDt = SummarySpread.Mean(row, HitsMetrics.SecondsSingle1Dt);
            string Ratio(string metric) => oneDt is { } a && SummarySpread.Mean(row, metric) is { } b && b > 0 ? (a / b).ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
            speed.AddRow([label, SummarySpread.Cell(row, HitsMetrics.Iterations), SummarySpread.Mean(row, HitsMetrics.TrainSeconds) is { } s ? (s / 60).ToString("0.0", CultureInfo.InvariantCulture) : "n/a",
                SummarySpread.Cell(row, HitsMetrics.SecondsSingle1Dt), SummarySpread.Cell(row, HitsMetrics.SecondsMultiscale), Ratio(HitsMetrics.SecondsMultiscale),
                SummarySpread.Cell(row, HitsMetrics.SecondsFast), Ratio(HitsMetrics.SecondsFast),
                Pair(Text(row, Rk4Step), SummarySpread.Cell(row, Rk4Seconds)),
                Pair(Text(row, AdaptiveTolerance), SummarySpread.Cell(row, AdaptiveSeconds))]);
        }
        var text = new StringBuilder();
        text.AppendLine($"# {config.Name}").AppendLine().AppendLine(config.Description).AppendLine();
        text.AppendLine($"{results.Count} trials finished. Test MSE over all test trajectories, samples and components, in the data's units " +
                        "(against the noisy test data where there is noise, as in the reference); means over seeds, +- one standard deviation " +
                        "where there are several.").AppendLine();
        text.AppendLine(accuracy.Render()).AppendLine();
        text.AppendLine("Wall seconds to forecast the whole test set; the equal-accuracy columns name the coarsest RK4 step and the loosest adaptive " +
                        "tolerance whose test MSE is no worse than the multiscale forecast's (n/a: none tried was).").AppendLine();
        text.AppendLine(speed.Render());
        if (!string.IsNullOrEmpty(config.ReferenceSource)) text.AppendLine().AppendLine($"Published values: {config.ReferenceSource}");
        return text.ToString();
    }

    private static double? Number(JsonNode? node) => node is not JsonValue v ? null
        : v.TryGetValue(out double x) ? (double.IsFinite(x) ? x : null)
        : v.TryGetValue(out long n) ? n : null;

    /// <summary>A forecast's [lowest, highest] levels as the house writes a range ("5-8", or "4" for one level).</summary>
    private static string? Levels(JsonNode? node) =>
        node is JsonArray a ? new Models.Hits.LevelRange(a[0]!.GetValue<int>(), a[1]!.GetValue<int>()).ToString() : null;

    private static string? Distinct(IEnumerable<string?> values)
    {
        var seen = values.Where(v => v is not null).Distinct().ToList();
        return seen.Count == 0 ? null : string.Join(", ", seen);
    }

    private static string Text(JsonObject row, string key) => row[key]?.GetValue<string>() ?? "n/a";

    private static string Pair(string first, string second) => first == "n/a" ? "n/a" : $"{first}, {second}";
}
