using DeepRom.Data;

namespace DeepRom.Physics.Darcy;

/// <summary>Generates the Darcy-flow snapshot set: theta -> K = exp(KLE(theta)) -> (p, u_x, u_y).</summary>
public static class DarcyGenerator
{
    /// <summary>Value of the data set's <c>generator</c> attribute.</summary>
    public const string Name = "deeprom darcy-kle (node-centred finite volumes, harmonic face permeability)";

    /// <summary>
    /// Draws <see cref="DarcyConfig.Count"/> theta vectors (sequentially, seeded), then solves the samples in parallel,
    /// one solver per worker; each sample writes only its own slots, so the result is identical for any scheduling.
    /// Fields are (N, 3, n, n) float32 with channels p, u_x, u_y; params are theta (N, S); aux/permeability is
    /// K (N, 1, n, n). <paramref name="progress"/> receives the number of samples finished.
    /// </summary>
    public static SnapshotSet Generate(DarcyConfig config, KleExpansion kle, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        config.Validate();
        int n = config.Nodes, s = config.KleModes, count = config.Count, size = n * n;
        if (kle.Nodes != n) throw new ArgumentException($"expansion has {kle.Nodes} nodes per side, config {n}", nameof(kle));
        if (kle.ModeCount < s) throw new ArgumentException($"expansion has {kle.ModeCount} modes, config needs {s}", nameof(kle));
        if (Math.Abs(kle.CorrelationLength - config.CorrelationLength) > 1e-12 * config.CorrelationLength)
            throw new ArgumentException("expansion and config have different correlation lengths", nameof(kle));

        var theta = new ThetaSampler(config.Theta, config.Seed).Sample(count, s);
        var source = DarcySource.Corners(n, config.SourceStrength, config.SourceExtent);
        var fields = new float[(long)count * 3 * size];
        var permeability = new float[(long)count * size];
        int finished = 0;
        var options = new ParallelOptions { CancellationToken = ct };
        Parallel.For(0, count, options, () => new DarcySolver(n), (q, _, solver) =>
        {
            var k = kle.LogPermeability(theta.AsSpan(q * s, s));
            for (int a = 0; a < size; a++) k[a] = Math.Exp(k[a]);
            var solution = solver.Solve(k, source);
            long offset = (long)q * 3 * size;
            for (int a = 0; a < size; a++)
            {
                fields[offset + a] = (float)solution.Pressure[a];
                fields[offset + size + a] = (float)solution.VelocityX[a];
                fields[offset + 2 * size + a] = (float)solution.VelocityY[a];
                permeability[(long)q * size + a] = (float)k[a];
            }
            progress?.Report(Interlocked.Increment(ref finished));
            return solver;
        }, _ => { });

        return new SnapshotSet(
            Fields: fields,
            FieldShape: [count, 3, n, n],
            Channels: ["p", "u_x", "u_y"],
            Params: theta,
            ParamNames: Enumerable.Range(1, s).Select(k => $"theta_{k}").ToArray(),
            Time: null,
            Aux: new Dictionary<string, NdArray> { ["permeability"] = NdArray.Of(permeability, count, 1, n, n) },
            Generator: Name,
            GeneratorConfig: config.ToJson());
    }
}
