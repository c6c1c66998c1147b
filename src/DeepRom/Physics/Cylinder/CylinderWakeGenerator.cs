using System.Diagnostics;
using System.Text.Json.Nodes;
using DeepRom.Data;

namespace DeepRom.Physics.Cylinder;

/// <summary>Generates the parametric cylinder-wake snapshot set: one lattice-Boltzmann simulation per Reynolds number, one after another (each uses every core).</summary>
public static class CylinderWakeGenerator
{
    /// <summary>Value of the data set's <c>generator</c> attribute.</summary>
    public const string Name = "cylinder";

    /// <summary>Cycles that must repeat (period and lift extremes within 0.5 %) before the transient is over.</summary>
    public const int PeriodicCycles = 3;

    /// <summary>
    /// Fields (P, Snapshots, 3, Rows, Columns) float32 with channels vorticity, u, v; time (Snapshots,); params (P, 1) re;
    /// aux lift_coefficient and drag_coefficient (P, Snapshots), strouhal, transient_time and solver_seconds (P,).
    /// <paramref name="progress"/> receives the number of simulations finished.
    /// </summary>
    public static SnapshotSet Generate(CylinderWakeConfig config, IReadOnlyList<double> reynolds, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        config.Validate(reynolds);
        int count = reynolds.Count, t = config.Snapshots, sample = 3 * config.Rows * config.Columns;
        var fields = new float[(long)count * t * sample];
        var (lift, drag) = (new double[count * t], new double[count * t]);
        var (strouhal, transient, seconds) = (new double[count], new double[count], new double[count]);
        for (int p = 0; p < count; p++)
        {
            var clock = Stopwatch.StartNew();
            var flow = new CylinderFlow(config.Flow(reynolds[p]));
            var cycles = new SheddingCycles();
            double maxTime = config.MaxTransient;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                flow.Step();
                if (!double.IsFinite(flow.LiftCoefficient))
                    throw new InvalidOperationException($"Re = {reynolds[p]}: the lattice diverged at t = {flow.Time:0.0} D/U");
                bool closed = cycles.Add(flow.Time, flow.LiftCoefficient, flow.DragCoefficient);
                if (closed && flow.Time >= config.MinTransient && cycles.IsPeriodic(PeriodicCycles, 5e-3)) break;
                if (flow.Time >= maxTime && closed) break;
                if (flow.Time >= maxTime + 50)
                    throw new InvalidOperationException($"Re = {reynolds[p]}: no vortex shedding within {maxTime} convective units");
            }
            transient[p] = flow.Time;
            strouhal[p] = 1 / cycles.Cycles.TakeLast(PeriodicCycles).Average(c => c.Period);
            // Snapshot 0 is the first step after an upward zero crossing of the lift, so every Re starts at the same phase.
            var sampler = new WakeSampler(flow, config.Rows, config.Columns, config.WindowStart);
            for (int k = 0; k < t; k++)
            {
                if (k > 0) flow.Advance(config.StepsPerSample);
                ct.ThrowIfCancellationRequested();
                sampler.Sample(flow, fields.AsSpan((int)(((long)p * t + k) * sample), sample));
                (lift[p * t + k], drag[p * t + k]) = (flow.LiftCoefficient, flow.DragCoefficient);
            }
            seconds[p] = clock.Elapsed.TotalSeconds;
            progress?.Report(p + 1);
        }
        return new SnapshotSet(
            Fields: fields,
            FieldShape: [count, t, 3, config.Rows, config.Columns],
            Channels: [.. WakeSampler.Channels],
            Params: reynolds.ToArray(),
            ParamNames: ["re"],
            Time: config.Times(),
            Aux: new Dictionary<string, NdArray>
            {
                ["lift_coefficient"] = NdArray.Of(lift, count, t),
                ["drag_coefficient"] = NdArray.Of(drag, count, t),
                ["strouhal"] = NdArray.Of(strouhal, count),
                ["transient_time"] = NdArray.Of(transient, count),
                ["solver_seconds"] = NdArray.Of(seconds, count),
            },
            Generator: Name,
            GeneratorConfig: Describe(config, "re"));
    }

    /// <summary>The file's generator configuration: the sampling and flow settings, the lattice and how the Reynolds numbers were chosen.</summary>
    public static string Describe(CylinderWakeConfig config, string parameterSet)
    {
        var node = JsonNode.Parse(config.ToJson())!.AsObject();
        var flow = config.Flow(100);
        node["ParameterSet"] = parameterSet;
        node["Blockage"] = config.Blockage;
        node["Lattice"] = $"D2Q9 TRT (magic 1/4), {flow.Nx} x {flow.Ny} nodes, {config.Resolution} cells per diameter";
        node["Boundaries"] = "uniform velocity inlet (velocity bounce-back; impulsive start from the uniform flow), free-slip walls, pressure outlet, " +
                             "Bouzidi linear bounce-back on the cylinder; the cylinder spins for the first 10 D/U to start the shedding";
        node["Window"] = $"x in [{config.WindowStart}, {config.WindowStart + config.Columns * config.Height / config.Rows}] D, y in [0, {config.Height}] D, " +
                         $"cylinder centre ({config.CylinderX}, {config.Height / 2}) D, row 0 at the lower wall, points at cell centres";
        node["Units"] = "vorticity in U/D, u and v in U, time in D/U from the first step after an upward zero crossing of the lift";
        return node.ToJsonString();
    }
}
