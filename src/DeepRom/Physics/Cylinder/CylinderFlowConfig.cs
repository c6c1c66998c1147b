using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeepRom.Physics.Cylinder;

/// <summary>Velocity profile imposed at the inlet.</summary>
public enum InflowProfile
{
    /// <summary>Poiseuille profile 1.5 U (1 - (2y/H - 1)^2), mean U (the DFG benchmarks).</summary>
    Parabolic,

    /// <summary>U across the whole height (with free-slip walls: an approximation of an unbounded stream).</summary>
    Uniform,

    /// <summary>No inflow: the inlet is a no-slip wall (with a wall outflow, a closed box).</summary>
    None,
}

/// <summary>Boundary condition on the channel walls y = 0 and y = H.</summary>
public enum ChannelWalls
{
    /// <summary>Half-way bounce-back: zero velocity at the wall.</summary>
    NoSlip,

    /// <summary>Specular reflection: zero normal velocity and zero shear.</summary>
    FreeSlip,
}

/// <summary>Boundary condition at the downstream end x = L.</summary>
public enum OutflowBoundary
{
    /// <summary>
    /// Density 1 (pressure) held half a cell beyond the last column by anti-bounce-back with the column's own velocity;
    /// it fixes the density level, which a velocity inlet alone leaves free to drift.
    /// </summary>
    Pressure,

    /// <summary>The populations that would come from beyond the end are copied from the last column (zero gradient).</summary>
    ZeroGradient,

    /// <summary>A no-slip wall (a closed box when the inflow speed is zero).</summary>
    Wall,
}

/// <summary>
/// A lattice-Boltzmann flow past a circular cylinder in a channel, all lengths in cylinder diameters D and times in
/// convective units D / U, U the mean inflow speed. The lattice has <see cref="Resolution"/> cells per diameter; nodes
/// sit at cell centres, so walls, inlet and outlet lie half a cell outside the outermost nodes.
/// </summary>
/// <param name="Resolution">Cells per diameter.</param>
/// <param name="Reynolds">Re = U D / nu with U the mean inflow speed.</param>
/// <param name="Length">Channel length (inlet to outlet).</param>
/// <param name="Height">Channel height H; the blockage is 1 / Height.</param>
/// <param name="CylinderX">Centre's distance from the inlet.</param>
/// <param name="CylinderY">Centre's height above the lower wall.</param>
/// <param name="HasCylinder">False for an empty channel.</param>
/// <param name="LatticeVelocity">Mean inflow speed in lattice units (sets the Mach number and the time step).</param>
/// <param name="RampTime">
/// The inflow rises as sin^2 from zero to full over this time, from rest; 0 = an impulsive start from the inflow profile
/// everywhere. Accelerating the whole channel's fluid needs a pressure difference rho L dU/dt, which in lattice units is a
/// density difference of 3 L U / (T N): 0.1 to 0.2 for a 5 D/U ramp on the lattices here, enough to make coarse ones
/// diverge, so the benchmarks and the wake set start impulsively.
/// </param>
/// <param name="SpinTime">The cylinder turns (surface speed SpinSpeed U sin^2(pi t / SpinTime)) for this time to break the symmetry; 0 = never.</param>
/// <param name="SpinSpeed">Peak surface speed of the start-up spin in units of U.</param>
public sealed record CylinderFlowConfig(
    int Resolution = 20,
    double Reynolds = 100,
    double Length = 22,
    double Height = 4.1,
    double CylinderX = 2,
    double CylinderY = 2,
    bool HasCylinder = true,
    [property: JsonConverter(typeof(JsonStringEnumConverter))] InflowProfile Inflow = InflowProfile.Parabolic,
    [property: JsonConverter(typeof(JsonStringEnumConverter))] ChannelWalls Walls = ChannelWalls.NoSlip,
    [property: JsonConverter(typeof(JsonStringEnumConverter))] OutflowBoundary Outflow = OutflowBoundary.Pressure,
    double LatticeVelocity = 0.05,
    double RampTime = 0,
    double SpinTime = 0,
    double SpinSpeed = 0.5)
{
    /// <summary>Fewest cells per diameter accepted: below 8 the curved wall is a handful of staircase steps.</summary>
    public const int MinResolution = 8;

    /// <summary>
    /// Smallest tau - 1/2 accepted. The DFG case at 10 cells per diameter with U = 0.05 (tau - 1/2 = 0.015) diverged;
    /// every run at 0.03 and above that also met <see cref="MaxCellReynolds"/> stayed stable.
    /// </summary>
    public const double MinTauExcess = 0.02;

    /// <summary>
    /// Largest cell Reynolds number U_peak dx / nu = (U_peak / U) Re / N accepted, U_peak the fastest inflow speed (1.5 U
    /// for the parabolic profile). Observed: 12.5 and 15 diverged within 5-13 D/U (the disturbance grew at the inlet, with
    /// velocity bounce-back and with an equilibrium inlet alike), 10 and 10.7 stayed stable.
    /// </summary>
    public const double MaxCellReynolds = 11;

    /// <summary>Fastest inflow speed over U: 1.5 for the parabolic profile, 1 otherwise.</summary>
    public double PeakInflowRatio => Inflow == InflowProfile.Parabolic ? 1.5 : 1;

    /// <summary>Lattice nodes along the channel.</summary>
    public int Nx => (int)Math.Round(Length * Resolution);

    /// <summary>Lattice nodes across the channel.</summary>
    public int Ny => (int)Math.Round(Height * Resolution);

    /// <summary>Lattice kinematic viscosity U D / Re.</summary>
    public double Viscosity => LatticeVelocity * Resolution / Reynolds;

    /// <summary>Relaxation time of the even part, 3 nu + 1/2.</summary>
    public double Tau => 3 * Viscosity + 0.5;

    /// <summary>Lattice time steps per convective unit D / U.</summary>
    public double StepsPerConvectiveUnit => Resolution / LatticeVelocity;

    /// <summary>The largest Reynolds number <see cref="Validate"/> accepts at this resolution and lattice velocity (both rules).</summary>
    public double MaxReynolds => Math.Min(3 * LatticeVelocity * Resolution / MinTauExcess, MaxCellReynolds * Resolution / PeakInflowRatio);

    /// <summary>Throws <see cref="InputException"/> naming the first invalid setting.</summary>
    public void Validate(string source = "cylinder config")
    {
        if (Resolution < MinResolution)
            throw new InputException(source, nameof(Resolution), $"must be at least {MinResolution} cells per diameter, got {Resolution}");
        if (!(Reynolds > 0) || !double.IsFinite(Reynolds))
            throw new InputException(source, nameof(Reynolds), $"must be positive and finite, got {Text(Reynolds)}");
        if (!(LatticeVelocity > 0) || LatticeVelocity > 0.2)
            throw new InputException(source, nameof(LatticeVelocity), $"must be in (0, 0.2] (Mach number below 0.35), got {Text(LatticeVelocity)}");
        if (Reynolds > MaxReynolds)
            throw new InputException(source, nameof(Reynolds),
                $"{Text(Reynolds)} is above the stable limit {Text(Math.Floor(MaxReynolds))} at {Resolution} cells per diameter " +
                $"(tau - 1/2 = 3 U N / Re must be at least {Text(MinTauExcess)} with lattice velocity U = {Text(LatticeVelocity)}, and the cell " +
                $"Reynolds number {Text(PeakInflowRatio)} Re / N at most {Text(MaxCellReynolds)}; raise the resolution)");
        if (!(Length >= 2) || !(Height >= 1.5) || !double.IsFinite(Length) || !double.IsFinite(Height))
            throw new InputException(source, nameof(Length), $"the channel must be at least 2 x 1.5 diameters, got {Text(Length)} x {Text(Height)}");
        if (HasCylinder && (CylinderX < 1 || CylinderX > Length - 1 || CylinderY < 0.75 || CylinderY > Height - 0.75))
            throw new InputException(source, nameof(CylinderX), "the cylinder must lie at least half a diameter from every boundary");
        if ((long)Nx * Ny * D2Q9.Q > Array.MaxLength)
            throw new InputException(source, nameof(Resolution), $"{Nx} x {Ny} nodes do not fit in memory");
        if (!(RampTime >= 0) || !(SpinTime >= 0) || !double.IsFinite(RampTime) || !double.IsFinite(SpinTime) || !double.IsFinite(SpinSpeed))
            throw new InputException(source, nameof(RampTime), "ramp and spin times must be non-negative and finite");
    }

    /// <summary>The settings as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    private static string Text(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
