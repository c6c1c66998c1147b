using System.Diagnostics;

namespace DeepRom.Physics.Cylinder;

/// <summary>What a run of the DFG 2D-2 benchmark measured, with the published ranges beside it.</summary>
/// <param name="Strouhal">f D / U_mean from the mean period of the last cycles.</param>
/// <param name="DragMax">Largest c_D over the last cycles.</param>
/// <param name="LiftMax">Largest c_L over the last cycles.</param>
/// <param name="Periodic">False when the run stopped at its time limit before the cycles repeated.</param>
/// <param name="Time">Convective units simulated.</param>
/// <param name="Mlups">Million fluid-node updates per second of wall time.</param>
public sealed record DfgResult(int Resolution, double Strouhal, double DragMax, double LiftMax, double LiftMin, double DragMean,
    int Cycles, bool Periodic, double Time, long Steps, long FluidNodes, double Seconds, double Mlups);

/// <summary>
/// The DFG benchmark 2D-2 (Schaefer &amp; Turek 1996): channel 2.2 x 0.41, cylinder of diameter 0.1 centred at (0.2, 0.2),
/// parabolic inflow of mean 1 (maximum 1.5), nu = 0.001, so Re = 100 and periodic vortex shedding. In diameters: a
/// 22 x 4.1 channel, centre (2, 2).
/// </summary>
public static class DfgBenchmark
{
    public const string Name = "dfg-2d-2";

    /// <summary>The published ranges of the benchmark's reference results.</summary>
    public const double StrouhalLow = 0.2950, StrouhalHigh = 0.3050, DragMaxLow = 3.22, DragMaxHigh = 3.24, LiftMaxLow = 0.99, LiftMaxHigh = 1.01;

    /// <summary>
    /// Cells per diameter unless chosen: the coarsest resolution measured here at which all three results fall in their
    /// published ranges (with <see cref="DefaultLatticeVelocity"/>; 20 and 40 cells miss max c_D and max c_L).
    /// </summary>
    public const int DefaultResolution = 80;

    /// <summary>
    /// Mean inflow speed in lattice units unless chosen: Mach number 0.065 at the inflow peak. At 0.05 the compressibility
    /// error kept max c_D 0.2 % above its range even at 80 cells per diameter.
    /// </summary>
    public const double DefaultLatticeVelocity = 0.025;

    /// <summary>True when the Strouhal number, max c_D and max c_L all fall in their published ranges.</summary>
    public static bool WithinPublishedRanges(DfgResult r) =>
        r.Strouhal >= StrouhalLow && r.Strouhal <= StrouhalHigh && r.DragMax >= DragMaxLow && r.DragMax <= DragMaxHigh
        && r.LiftMax >= LiftMaxLow && r.LiftMax <= LiftMaxHigh;

    /// <summary>Cycles averaged for the result once the flow is periodic.</summary>
    public const int AveragedCycles = 4;

    /// <summary>
    /// The benchmark at <paramref name="resolution"/> cells per diameter (the height of 4.1 D is rounded to whole cells) and mean
    /// inflow speed <paramref name="latticeVelocity"/> in lattice units.
    /// </summary>
    public static CylinderFlowConfig Config(int resolution, double latticeVelocity = DefaultLatticeVelocity) => new(
        Resolution: resolution, Reynolds: 100, Length: 22, Height: 4.1, CylinderX: 2, CylinderY: 2,
        Inflow: InflowProfile.Parabolic, Walls: ChannelWalls.NoSlip, Outflow: OutflowBoundary.Pressure,
        LatticeVelocity: latticeVelocity, RampTime: 0, SpinTime: 10, SpinSpeed: 0.5);

    /// <summary>
    /// Runs until <see cref="AveragedCycles"/> successive cycles repeat (or <paramref name="maxTime"/> convective units) and
    /// measures the last ones. <paramref name="progress"/> receives the time reached.
    /// </summary>
    public static DfgResult Run(CylinderFlowConfig config, double maxTime = 150, int threads = 0, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var flow = new CylinderFlow(config, threads);
        var cycles = new SheddingCycles();
        long maxSteps = (long)Math.Ceiling(maxTime * config.StepsPerConvectiveUnit);
        bool periodic = false;
        while (flow.Steps < maxSteps && !periodic)
        {
            ct.ThrowIfCancellationRequested();
            flow.Step();
            if (!double.IsFinite(flow.LiftCoefficient))
                throw new InvalidOperationException($"the lattice diverged at t = {flow.Time:0.0} D/U");
            if (cycles.Add(flow.Time, flow.LiftCoefficient, flow.DragCoefficient))
            {
                periodic = cycles.IsPeriodic(AveragedCycles);
                progress?.Report(flow.Time);
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        var last = cycles.Cycles.Skip(Math.Max(0, cycles.Cycles.Count - AveragedCycles)).ToArray();
        if (last.Length == 0) throw new InvalidOperationException($"no vortex shedding within {maxTime} convective units");
        long fluid = flow.FluidNodes;
        return new DfgResult(config.Resolution, 1 / last.Average(c => c.Period), last.Max(c => c.DragMax), last.Max(c => c.LiftMax),
            last.Min(c => c.LiftMin), last.Average(c => c.DragMean), cycles.Cycles.Count, periodic, flow.Time, flow.Steps, fluid, seconds,
            fluid * flow.Steps / seconds / 1e6);
    }
}
