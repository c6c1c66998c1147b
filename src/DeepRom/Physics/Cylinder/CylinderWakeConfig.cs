using System.Globalization;
using System.Text.Json;

namespace DeepRom.Physics.Cylinder;

/// <summary>
/// The parametric wake data set: a cylinder in a channel of height 8 D (blockage 1/8) with uniform inflow, free-slip
/// walls and a pressure outlet, Reynolds number the parameter; after the transient, Snapshots snapshots every
/// SampleInterval convective units from an upward zero crossing of the lift, sampled on Rows x Columns points with
/// spacing Height / Rows starting WindowStart diameters downstream of the inlet.
/// </summary>
public sealed record CylinderWakeConfig(
    int Resolution = 20,
    double LatticeVelocity = 0.1,
    double Length = 24,
    double Height = 8,
    double CylinderX = 6,
    int Rows = 64,
    int Columns = 128,
    double WindowStart = 4,
    int Snapshots = 64,
    double SampleInterval = 0.25,
    double MinTransient = 40,
    double MaxTransient = 250)
{
    /// <summary>The flow for Reynolds number <paramref name="re"/>.</summary>
    public CylinderFlowConfig Flow(double re) => new(
        Resolution: Resolution, Reynolds: re, Length: Length, Height: Height, CylinderX: CylinderX, CylinderY: Height / 2,
        Inflow: InflowProfile.Uniform, Walls: ChannelWalls.FreeSlip, Outflow: OutflowBoundary.Pressure,
        LatticeVelocity: LatticeVelocity, RampTime: 0, SpinTime: 10, SpinSpeed: 0.5);

    /// <summary>Blockage ratio D / H.</summary>
    public double Blockage => 1 / Height;

    /// <summary>Snapshot times in convective units, counted from the phase-aligning lift crossing.</summary>
    public double[] Times() => Enumerable.Range(0, Snapshots).Select(k => k * SampleInterval).ToArray();

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting or Reynolds number.</summary>
    public void Validate(IReadOnlyList<double> reynolds, string source = "cylinder wake config")
    {
        if (reynolds.Count == 0) throw new InputException(source, "Reynolds", "no Reynolds numbers given");
        foreach (double re in reynolds) Flow(re).Validate(source);
        if (Rows < 4 || Columns < 4) throw new InputException(source, nameof(Rows), "need at least 4 x 4 points");
        if (Snapshots < 2) throw new InputException(source, nameof(Snapshots), $"need at least 2 snapshots, got {Snapshots}");
        if (!(SampleInterval > 0) || !double.IsFinite(SampleInterval))
            throw new InputException(source, nameof(SampleInterval), $"must be positive and finite, got {SampleInterval}");
        double stepsPerSample = SampleInterval * Resolution / LatticeVelocity;
        if (Math.Abs(stepsPerSample - Math.Round(stepsPerSample)) > 1e-9)
            throw new InputException(source, nameof(SampleInterval), string.Create(CultureInfo.InvariantCulture,
                $"must be a whole number of lattice steps ({stepsPerSample:G6} steps)"));
    }

    /// <summary>Lattice steps between snapshots.</summary>
    public int StepsPerSample => (int)Math.Round(SampleInterval * Resolution / LatticeVelocity);

    public string ToJson() => JsonSerializer.Serialize(this);
}
