using System.Text.Json.Nodes;
using DeepRom.Reporting;

namespace DeepRom.Runs.Experiments;

/// <summary>
/// A metric over a study's seeds as a summary row holds it: <c>METRIC_mean</c> and <c>METRIC_std</c> over the finite values
/// (the standard deviation once there are two), and its table cell "mean +- std".
/// </summary>
public static class SummarySpread
{
    /// <summary>Adds <c>METRIC_mean</c> and <c>METRIC_std</c> of the finite <paramref name="values"/> to <paramref name="row"/> (null when too few).</summary>
    public static void Add(JsonObject row, string metric, IEnumerable<double?> values)
    {
        var finite = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToArray();
        double? mean = finite.Length > 0 ? finite.Average() : null;
        row[metric + "_mean"] = mean;
        row[metric + "_std"] = finite.Length > 1 ? Math.Sqrt(finite.Sum(v => (v - mean!.Value) * (v - mean.Value)) / (finite.Length - 1)) : null;
    }

    /// <summary>The mean <see cref="Add"/> stored, or null.</summary>
    public static double? Mean(JsonObject row, string metric) => row[metric + "_mean"]?.GetValue<double>();

    /// <summary>"mean +- std" (just the mean for one value, "n/a" for none), with <paramref name="format"/> or <see cref="NumberText"/>'s.</summary>
    public static string Cell(JsonObject row, string metric, Func<double, string>? format = null)
    {
        format ??= NumberText.Format;
        if (Mean(row, metric) is not { } mean) return "n/a";
        return row[metric + "_std"] is { } std ? $"{format(mean)} +- {format(std.GetValue<double>())}" : format(mean);
    }
}
