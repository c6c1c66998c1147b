using DeepRom.Models.Rom;
using DeepRom.Numerics.LinearAlgebra;
using DeepRom.Reporting;

namespace DeepRom.Runs.Rom;

/// <summary>
/// The figure of a fitted model's latent codes: the training codes in the plane of their two leading principal axes,
/// and the codes each interpolation kind gives along the diagonal of the training parameters' box (points outside the
/// training hull left out), so a reader sees how an interpolation moves between the codes it combines.
/// </summary>
public static class RomLatentFigure
{
    public const string FileName = "latent_path.png";
    private const int PathPoints = 201;

    /// <summary>The PNG, or null when the codes have a single dimension (nothing to draw in a plane).</summary>
    public static byte[]? Render(ReducedOrderModel model)
    {
        if (model.Codes[0].Length < 2) return null;
        var axes = PrincipalAxes.Fit(model.Codes, 2);
        var training = Plane(axes, model.Codes);
        int s = model.Parameters[0].Length;
        double[] min = Enumerable.Range(0, s).Select(d => model.Parameters.Min(p => p[d])).ToArray();
        double[] max = Enumerable.Range(0, s).Select(d => model.Parameters.Max(p => p[d])).ToArray();
        var paths = new List<(string, double[,])>();
        foreach (var kind in Enum.GetValues<InterpolationKind>())
        {
            var interpolation = model.Interpolation(kind);
            var codes = new List<double[]>();
            for (int k = 0; k < PathPoints; k++)
            {
                double t = k / (PathPoints - 1.0);
                var point = min.Select((lo, d) => lo + t * (max[d] - lo)).ToArray();
                var prediction = interpolation.Predict(point);
                codes.Add(prediction.Extrapolated ? [.. Enumerable.Repeat(double.NaN, prediction.Code.Length)] : prediction.Code);
            }
            paths.Add((ChoiceName.Of(kind), Plane(axes, codes)));
        }
        string share = $"{100 * axes.Variances.Sum() / Math.Max(TotalVariance(model.Codes), 1e-300):0.#} % of the codes' variance";
        return LatentPathPlot.Render(training, paths, new PlotLabels($"Latent codes, leading principal plane ({share})", "principal axis 1", "principal axis 2"));
    }

    /// <summary>The caption that goes with the figure.</summary>
    public static string Caption(ReducedOrderModel model) =>
        $"Training codes ({model.Codes.Count} simulations, {model.Codes[0].Length} values each) projected on their two leading principal " +
        $"axes, with the codes {string.Join(", ", ChoiceName.All<InterpolationKind>())} predict along the diagonal of the training parameters' box, from the smallest to " +
        "the largest value of every parameter; stretches outside the training hull are left out.";

    private static double[,] Plane(PrincipalAxes axes, IReadOnlyList<double[]> codes)
    {
        var result = new double[codes.Count, 2];
        for (int n = 0; n < codes.Count; n++)
        {
            if (codes[n].Any(double.IsNaN)) { result[n, 0] = result[n, 1] = double.NaN; continue; }
            var c = axes.Project(codes[n]);
            result[n, 0] = c[0];
            result[n, 1] = c[1];
        }
        return result;
    }

    private static double TotalVariance(IReadOnlyList<double[]> codes)
    {
        double total = 0;
        for (int j = 0; j < codes[0].Length; j++)
        {
            double mean = codes.Average(c => c[j]);
            total += codes.Average(c => (c[j] - mean) * (c[j] - mean));
        }
        return total;
    }
}
