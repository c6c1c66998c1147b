using DeepRom.Data;

namespace DeepRom.Physics.Dispersion;

/// <summary>Generates the moving-puff snapshot set: release point (x0, y0) -> c(x, y, T) / c_peak on the grid.</summary>
public static class PuffGenerator
{
    /// <summary>Value of the data set's <c>generator</c> attribute.</summary>
    public const string Name = "puff";

    /// <summary>
    /// Draws the release points (sequentially, seeded), then evaluates the exact solution for the samples in parallel;
    /// each sample writes only its own slots, so the result is identical for any scheduling. Fields are (N, 1, n, n)
    /// float32 with the one channel <c>concentration</c>; params are (x0, y0) in metres (N, 2).
    /// <paramref name="progress"/> receives the number of samples finished.
    /// </summary>
    public static SnapshotSet Generate(PuffConfig config, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        config.Validate();
        int n = config.Nodes, count = config.Count, size = n * n;
        double[] release = ReleasePoints.Draw(config);
        var fields = new float[(long)count * size];
        int finished = 0;
        Parallel.For(0, count, new ParallelOptions { CancellationToken = ct }, q =>
        {
            Fill(config, release[2 * q], release[2 * q + 1], fields.AsSpan(q * size, size));
            progress?.Report(Interlocked.Increment(ref finished));
        });

        return new SnapshotSet(
            Fields: fields,
            FieldShape: [count, 1, n, n],
            Channels: ["concentration"],
            Params: release,
            ParamNames: ["release_x", "release_y"],
            Time: null,
            Aux: new Dictionary<string, NdArray>(),
            Generator: Name,
            GeneratorConfig: config.ToJson());
    }

    /// <summary>
    /// Writes c(x_i, y_j, T) / c_peak of the puff released at (<paramref name="releaseX"/>, <paramref name="releaseY"/>)
    /// into <paramref name="field"/>, n x n indexed [row j = y, column i = x].
    /// </summary>
    public static void Fill(PuffConfig config, double releaseX, double releaseY, Span<float> field)
    {
        int n = config.Nodes;
        if (field.Length != n * n) throw new ArgumentException($"field has {field.Length} values, the grid {n * n}", nameof(field));
        GaussianPuff puff = config.ReleasedAt(releaseX, releaseY);
        double h = config.NodeSpacing, t = config.Time;
        // The Gaussian factorises, c = c_peak g(x - x_c) g(y - y_c): 2n exponentials per sample instead of n^2.
        double peak = puff.Peak(t), twoVariance = 2 * puff.Variance(t), xc = puff.CentreX(t), yc = puff.CentreY(t);
        var alongX = new double[n];
        for (int i = 0; i < n; i++) alongX[i] = Math.Exp(-(i * h - xc) * (i * h - xc) / twoVariance);
        for (int j = 0; j < n; j++)
        {
            double acrossY = peak * Math.Exp(-(j * h - yc) * (j * h - yc) / twoVariance);
            for (int i = 0; i < n; i++) field[j * n + i] = (float)(acrossY * alongX[i]);
        }
    }
}
